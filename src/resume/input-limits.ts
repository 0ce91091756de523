/**
 * The bounds every résumé input is held to, so that no file (a device, a pipe, a multi-gigabyte
 * or pathologically nested one) can exhaust memory, the stack or the user's patience.
 */
import { constants } from 'node:buffer';

/** A CV is tens of kilobytes; 16 MiB leaves room for any real one and still reads in a moment. */
export const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;

/**
 * Objects and lists inside each other: JSON Resume needs about six levels. Deeper text would
 * overflow the stack of the recursive steps after parsing (the parser, the schema walk, themes).
 */
export const MAX_NESTING = 256;

/**
 * The largest file that can be read: its text becomes one JavaScript string, and V8's strings
 * hold at most this many UTF-16 units (UTF-8 never takes fewer bytes than units).
 */
export const MAX_READABLE_BYTES = constants.MAX_STRING_LENGTH;

/** Binary multiples under every name they are written with, including the ones formatBytes prints. */
const UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  byte: 1,
  bytes: 1,
  k: 1024,
  kb: 1024,
  kib: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  mib: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1024 ** 3,
  gib: 1024 ** 3,
};

export type ByteSize =
  | { ok: true; bytes: number }
  /** Not a size, or no bytes at all. */
  | { ok: false; reason: 'unreadable' | 'not a size' };

/**
 * `--max-size` values: bytes, or a number with K/KB/KiB, M/MB/MiB or G/GB/GiB (binary multiples,
 * as `formatBytes` prints them). A size beyond MAX_READABLE_BYTES is refused as unreadable.
 */
export function parseByteSize(value: string): ByteSize {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  const unit = UNITS[(match?.[2] ?? '').toLowerCase()];
  if (!match || unit === undefined) return { ok: false, reason: 'not a size' };
  const bytes = Math.floor(Number(match[1]) * unit);
  if (bytes <= 0) return { ok: false, reason: 'not a size' };
  return bytes <= MAX_READABLE_BYTES ? { ok: true, bytes } : { ok: false, reason: 'unreadable' };
}

/** 16777216 → "16 MiB", 1536 → "1.5 KiB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const [value, unit] = bytes < 1024 ** 2 ? [bytes / 1024, 'KiB'] : [bytes / 1024 ** 2, 'MiB'];
  return `${Number(value.toFixed(1))} ${unit}`;
}

/**
 * Where `text` first nests objects and lists deeper than `limit` (the offset of that bracket), or
 * undefined. One pass that skips strings as the parser reads them, so brackets inside text do
 * not count.
 */
export function nestingTooDeep(text: string, limit: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92 /* \ */) i++;
      // A line break ends an unterminated string for the parser too.
      else if (ch === 34 /* " */ || ch === 10 || ch === 13) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 123 /* { */ || ch === 91 /* [ */) {
      if (++depth > limit) return i;
    } else if (ch === 125 /* } */ || ch === 93 /* ] */) depth--;
  }
  return undefined;
}
