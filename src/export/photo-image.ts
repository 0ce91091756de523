/**
 * A photo's bytes decoded and scaled to the size it prints at. sharp (libvips) does it in this
 * process, so the export and the preview (which has no browser) share one path; it reads the whole
 * image (a corrupt file fails here, in words, instead of printing a broken-image icon), turns it
 * upright by its EXIF orientation and drops its metadata (a phone photo's GPS position stays home).
 */
import sharp, { type Sharp } from 'sharp';
import { describeError } from '../errors.js';

/** The theme prints the photo 25 mm square (theme.css, `.photo`): about 300 dpi is 295 px. */
const PHOTO_PRINT_PIXELS = Math.round((25 / 25.4) * 300);

/** A camera's 100 megapixels is the most a photo may have before it is decoded. */
const MAX_INPUT_PIXELS = 100_000_000;

/** Raster formats sharp decodes here. SVG is left out: a drawing may name other files. */
const RASTER_FORMATS = new Set(['jpeg', 'png', 'webp', 'gif', 'avif', 'heif', 'tiff']);

interface ScaledPhoto {
  type: 'image/jpeg' | 'image/png';
  bytes: Buffer;
}

/** The photo as it prints, or a reason (in words) why these bytes are not a photo. */
export async function scalePhoto(bytes: Buffer): Promise<ScaledPhoto | { unreadable: string }> {
  const open = (): Sharp =>
    sharp(bytes, { failOn: 'error', limitInputPixels: MAX_INPUT_PIXELS, pages: 1 });
  try {
    const { format, hasAlpha } = await open().metadata();
    if (!RASTER_FORMATS.has(format)) return { unreadable: `it is ${format.toUpperCase()}` };
    // The shorter side fills the printed square, as the page's `object-fit: cover` does.
    const scaled = open().autoOrient().resize(PHOTO_PRINT_PIXELS, PHOTO_PRINT_PIXELS, {
      fit: 'outside',
      withoutEnlargement: true,
    });
    // Transparency needs PNG; anything else prints as a small JPEG.
    return hasAlpha
      ? { type: 'image/png', bytes: await scaled.png({ compressionLevel: 9 }).toBuffer() }
      : { type: 'image/jpeg', bytes: await scaled.jpeg({ quality: 85, mozjpeg: true }).toBuffer() };
  } catch (error) {
    // libvips ends some messages with a colon and nothing after it.
    return { unreadable: describeError(error).replace(/[:\s]+$/, '') };
  }
}
