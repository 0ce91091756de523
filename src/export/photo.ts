/**
 * The photo step before rendering: a `basics.image` (or pre-1.0 `basics.picture`) that names a
 * file next to the résumé is embedded as a data: URL, so the page stays self-contained and the
 * theme's render stays pure. Remote addresses are never fetched: they get a warning instead.
 */
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { describeError } from '../errors.js';
import { InvalidResumeError } from '../errors.js';

/** Larger photos make a large page for no visible gain: 600 × 600 px is plenty for print. */
export const PHOTO_LIMIT_BYTES = 1024 * 1024;

/** The formats every browser shows, told apart by their first bytes. */
const FORMATS: { type: string; matches(bytes: Buffer): boolean }[] = [
  {
    type: 'image/png',
    matches: (b) => b.subarray(0, 8).equals(Buffer.from('89504e470d0a1a0a', 'hex')),
  },
  { type: 'image/jpeg', matches: (b) => b.subarray(0, 3).equals(Buffer.from('ffd8ff', 'hex')) },
  {
    type: 'image/webp',
    matches: (b) => b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP',
  },
];

const FIX_REMOTE =
  'save the photo next to the résumé and set the field to its file name, e.g. "photo.jpg"';

/**
 * The résumé with its photo file embedded. `warn` hears about remote addresses; a file that is
 * missing, too large, outside the résumé's folder or not PNG, JPEG or WebP is an InvalidResumeError.
 */
export function embedPhoto(
  resume: Resume,
  folder: string,
  warn: (message: string) => void,
): Resume {
  const basics = resume.basics;
  if (!basics) return resume;
  const field =
    typeof basics['image'] === 'string' && basics['image'].trim() !== '' ? 'image' : 'picture';
  const value = basics[field];
  if (typeof value !== 'string' || value.trim() === '') return resume;
  const written = value.trim();
  if (/^data:/i.test(written)) return resume;
  if (/^[a-z][a-z0-9+.-]*:/i.test(written)) {
    warn(
      `basics.${field}: "${written}" is an address; the export never fetches from the network, so the photo is not shown (the address is, as a link). Fix: ${FIX_REMOTE}.`,
    );
    return resume;
  }
  const fail = (why: string, fix: string) =>
    new InvalidResumeError(`basics.${field}: ${why} Fix: ${fix}.`);
  const path = resolve(folder, written);
  const inside = relative(folder, path);
  if (inside.startsWith('..') || isAbsolute(inside)) {
    throw fail(
      `"${written}" is outside the résumé's folder.`,
      'copy the photo next to the résumé and give its file name',
    );
  }
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new Error('not a file');
    size = stat.size;
  } catch (error) {
    throw fail(
      `cannot read "${written}" (${describeError(error)}).`,
      'check the file name; it is relative to the résumé',
    );
  }
  if (size > PHOTO_LIMIT_BYTES) {
    throw fail(
      `"${written}" is ${megabytes(size)}; the limit is ${megabytes(PHOTO_LIMIT_BYTES)}.`,
      'save a smaller copy (600 × 600 px is plenty for print) and point the field at it',
    );
  }
  const bytes = readFileSync(path);
  const format = FORMATS.find((f) => f.matches(bytes));
  if (!format) {
    throw fail(
      `"${written}" is not a PNG, JPEG or WebP image.`,
      'save the photo in one of these formats',
    );
  }
  const embedded: Record<string, unknown> = {
    ...basics,
    image: `data:${format.type};base64,${bytes.toString('base64')}`,
  };
  if (field === 'picture') delete embedded['picture'];
  return { ...resume, basics: embedded };
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
