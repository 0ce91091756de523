/**
 * The photo step before rendering: `basics.image` (or pre-1.0 `basics.picture`) becomes a data:
 * URL of the photo scaled to its printed size, so the page stays self-contained and the theme's
 * render stays pure. A file must really lie in the résumé's folder (symlinks resolved); an https
 * address is fetched once, from public addresses only, unless offline (photo-fetch.ts). A photo
 * that cannot be had is a warning and is left out of the page, address and all; with `strict` it
 * is a PhotoError.
 */
import { constants } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import type { Sharp } from 'sharp';
import { isInside } from '../paths.js';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { PhotoError, describeError } from '../errors.js';
import type { FetchOptions, HostResolver } from './photo-fetch.js';

/** A phone's photo is 3–6 MB; 20 MB leaves room for a camera's. */
export const PHOTO_LIMIT_BYTES = 20 * 1024 * 1024;

export interface PhotoOptions {
  /** The résumé's folder: a photo file must really lie inside it. */
  folder: string;
  warn(message: string): void;
  /** A photo that cannot be shown fails instead of warning. */
  strict?: boolean;
  /** No request at all: an address is left out with a warning. */
  offline?: boolean;
  /** How host names become addresses (default: the system's resolver). */
  resolve?: HostResolver;
  /** Trusted certificates besides the system's, and what connections are made with. */
  fetch?: Pick<FetchOptions, 'ca' | 'agent'>;
  /** Photos already fetched, by address (the preview's, so a save does not fetch again). */
  fetched?: Map<string, Buffer>;
}

/** Why the photo is left out, and what to do. */
interface Problem {
  why: string;
  fix: string;
}

const FIX_FILE =
  'save the photo next to the résumé and set the field to its file name, e.g. "photo.jpg"';

/** The résumé with its photo embedded, or without a photo (and a warning) when it cannot be had. */
export async function embedPhoto(resume: Resume, options: PhotoOptions): Promise<Resume> {
  const basics = resume.basics;
  if (!basics) return resume;
  const field =
    typeof basics['image'] === 'string' && basics['image'].trim() !== '' ? 'image' : 'picture';
  const value = basics[field];
  if (typeof value !== 'string' || value.trim() === '') return resume;
  const written = value.trim();
  const inline = /^data:image\/[a-z0-9.+-]+;base64,([a-z0-9+/=\s]+)$/i.exec(written);
  // Any other data: URL is no photo the theme shows.
  if (!inline && /^data:/i.test(written)) return resume;
  const outcome = inline
    ? // Written into the résumé by hand or by a tool: checked and scaled like a file.
      await embedded(`"${written.slice(0, 30)}…"`, Buffer.from(inline[1]!, 'base64'))
    : /^[a-z][a-z0-9+.-]*:/i.test(written)
      ? await remotePhoto(written, options)
      : await localPhoto(written, options.folder);
  const { image: _image, picture: _picture, ...rest } = basics;
  if ('problem' in outcome) {
    const { why, fix } = outcome.problem;
    if (options.strict) {
      throw new PhotoError(`basics.${field}: ${why}. Fix: ${fix}, or export without --strict.`);
    }
    options.warn(`basics.${field}: ${why}; the page shows no photo. Fix: ${fix}.`);
    return { ...resume, basics: rest };
  }
  return { ...resume, basics: { ...rest, image: outcome.dataUrl } };
}

type Outcome = { dataUrl: string } | { problem: Problem };

async function localPhoto(written: string, folder: string): Promise<Outcome> {
  const quoted = `"${written}"`;
  const outside: Outcome = {
    problem: {
      why: `${quoted} is outside the résumé's folder`,
      fix: 'copy the photo itself (not a link to it) next to the résumé and give its file name',
    },
  };
  if (isAbsolute(written) || !isInside(folder, resolve(folder, written))) return outside;
  let read: Awaited<ReturnType<typeof readBounded>>;
  try {
    // Links are followed to the file they name, which must lie in the folder too.
    const [realFolder, realPath] = await Promise.all([
      realpath(folder),
      realpath(resolve(folder, written)),
    ]);
    if (!isInside(realFolder, realPath)) return outside;
    read = await readBounded(realPath);
  } catch (error) {
    return {
      problem: {
        why: `${quoted} cannot be read (${describeError(error)})`,
        fix: `check the file name, which is relative to the résumé, or ${FIX_FILE}`,
      },
    };
  }
  if ('problem' in read)
    return { problem: { ...read.problem, why: `${quoted} ${read.problem.why}` } };
  return embedded(quoted, read.bytes);
}

/** The file's bytes, read through one open handle so what was checked is what is read. */
async function readBounded(path: string): Promise<{ bytes: Buffer } | { problem: Problem }> {
  // Non-blocking, so a named pipe is refused by the check below instead of waited on.
  const file = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = await file.stat();
    if (!stat.isFile()) return { problem: { why: 'is not a file', fix: FIX_FILE } };
    if (stat.size > PHOTO_LIMIT_BYTES) {
      return {
        problem: {
          why: `is ${megabytes(stat.size)}; the limit is ${megabytes(PHOTO_LIMIT_BYTES)}`,
          fix: 'save a smaller copy (a 600 × 600 px photo is plenty for print) and point the field at it',
        },
      };
    }
    const bytes = Buffer.alloc(stat.size);
    const { bytesRead } = await file.read(bytes, 0, stat.size, 0);
    return { bytes: bytes.subarray(0, bytesRead) };
  } finally {
    await file.close();
  }
}

async function remotePhoto(address: string, options: PhotoOptions): Promise<Outcome> {
  const quoted = `"${address}"`;
  const fix = `${FIX_FILE}, or check the address`;
  if (options.offline) {
    return { problem: { why: `${quoted} is not fetched with --offline`, fix: FIX_FILE } };
  }
  // Loaded only for an address: TLS and the address ranges take a while to load.
  const { PhotoFetchRefused, fetchPhoto, systemResolver } = await import('./photo-fetch.js');
  try {
    const bytes =
      options.fetched?.get(address) ??
      (await fetchPhoto(address, {
        ...options.fetch,
        resolve: options.resolve ?? systemResolver,
      }));
    options.fetched?.set(address, bytes);
    return embedded(quoted, bytes);
  } catch (error) {
    if (!(error instanceof PhotoFetchRefused)) throw error;
    return { problem: { why: `${quoted} was not fetched: ${error.message}`, fix } };
  }
}

async function embedded(quoted: string, bytes: Buffer): Promise<Outcome> {
  const scaled = await scalePhoto(bytes);
  if ('unreadable' in scaled) {
    return {
      problem: {
        why: `${quoted} is not an image that can be read (${scaled.unreadable})`,
        fix: 'open the photo in an image viewer and save it again as JPEG or PNG',
      },
    };
  }
  return { dataUrl: `data:${scaled.type};base64,${scaled.bytes.toString('base64')}` };
}

export function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/*
 * A photo's bytes decoded and scaled to the size it prints at. sharp (libvips) does it in this
 * process, so the export and the preview (which has no browser) share one path; it reads the whole
 * image (a corrupt file fails here, in words, instead of printing a broken-image icon), turns it
 * upright by its EXIF orientation and drops its metadata (a phone photo's GPS position stays home).
 */

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
async function scalePhoto(bytes: Buffer): Promise<ScaledPhoto | { unreadable: string }> {
  // Loaded only for a photo: sharp takes about 0.3 s to load.
  const { default: sharp } = await import('sharp');
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
