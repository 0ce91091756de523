/** Images of each kind a photo may be, a camera-sized one, and folders holding them beside a résumé. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchTestBrowser } from './browser.js';

export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
/** One white pixel, as a JPEG encoder (libjpeg) writes it. */
export const JPEG = Buffer.from(
  '/9j/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAABAAEDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAj/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFAEBAAAAAAAAAAAAAAAAAAAAAP/EABQRAQAAAAAAAAAAAAAAAAAAAAD/2gAMAwEAAhEDEQA/AKpAB//Z',
  'base64',
);
/** One white pixel, as lossless WebP. */
export const WEBP = Buffer.from('UklGRh4AAABXRUJQVlA4TBEAAAAvAAAAAAfQ//73v/+BiOh/AAA=', 'base64');
/** PNG's eight magic bytes and nothing else: looks like an image, is none. */
export const CORRUPT_PNG = PNG.subarray(0, 8);

export function folderWith(files: Record<string, Buffer>): string {
  const folder = mkdtempSync(join(tmpdir(), 'photo-'));
  for (const [name, data] of Object.entries(files)) writeFileSync(join(folder, name), data);
  return folder;
}

/**
 * A camera's photo: 4000 × 3000 px of shapes under per-pixel sensor noise, saved by Chromium's
 * JPEG encoder at quality 0.95 — about 6 MB, and as hard to compress as a real one (noise is what
 * makes phone and camera photos large).
 */
export async function cameraPhoto(): Promise<Buffer> {
  const browser = await launchTestBrowser();
  try {
    const page = await browser.browser.newPage();
    const base64 = await page.evaluate(async () => {
      const [width, height, noise] = [4000, 3000, 22];
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext('2d')!;
      const sky = context.createLinearGradient(0, 0, width, height);
      sky.addColorStop(0, '#c8a27a');
      sky.addColorStop(0.5, '#4a6b8a');
      sky.addColorStop(1, '#2d3a1f');
      context.fillStyle = sky;
      context.fillRect(0, 0, width, height);
      for (let i = 0; i < 200; i += 1) {
        context.fillStyle = `hsl(${(i * 37) % 360} 40% ${30 + (i % 40)}%)`;
        context.beginPath();
        context.arc((i * 7919) % width, (i * 104729) % height, 20 + (i % 90) * 3, 0, 7);
        context.fill();
      }
      const pixels = context.getImageData(0, 0, width, height);
      let seed = 1;
      const { data } = pixels;
      for (let p = 0; p < data.length; p += 4) {
        seed = (seed * 1103515245 + 12345) >>> 0;
        const n = ((seed >>> 16) % (2 * noise + 1)) - noise;
        // Clamped arrays: out-of-range sums are clipped, as a sensor's are.
        data[p] = data[p]! + n;
        data[p + 1] = data[p + 1]! + n * 0.8;
        data[p + 2] = data[p + 2]! + n * 1.1;
      }
      context.putImageData(pixels, 0, 0);
      const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.95 });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) {
        binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      }
      return btoa(binary);
    });
    return Buffer.from(base64, 'base64');
  } finally {
    await browser.close();
  }
}
