/**
 * Reading a résumé file within bounds and parsing it as strict JSON into a value plus the syntax
 * tree that locates every value. Nothing here knows about the résumé schema.
 */
import { constants as buffer } from 'node:buffer';
import { constants, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Node } from 'jsonc-parser';
import type { Diagnostic, MessageText } from './diagnostics.js';
import {
  formatPath,
  lineIndex,
  parseStrictJson,
  syntax,
  type PathSegment,
  type Positions,
} from './json-syntax.js';

// The bounds every résumé input is held to, so that no file (a device, a pipe, a multi-gigabyte
// one) can exhaust memory or the user's patience; the nesting bound (MAX_NESTING) is the
// strict JSON reader's.

/** A CV is tens of kilobytes; 16 MiB leaves room for any real one and still reads in a moment. */
export const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;

/**
 * The largest file that can be read: its text becomes one JavaScript string, and V8's strings
 * hold at most this many UTF-16 units (UTF-8 never takes fewer bytes than units).
 */
export const MAX_READABLE_BYTES = buffer.MAX_STRING_LENGTH;

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
function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const [value, unit] = bytes < 1024 ** 2 ? [bytes / 1024, 'KiB'] : [bytes / 1024 ** 2, 'MiB'];
  return `${Number(value.toFixed(1))} ${unit}`;
}

const read = {
  notFound: (file: string): MessageText => ({
    message: `cannot read ${file}: no such file.`,
    hint: 'check the path; without an argument the validator reads resume.json in the current folder.',
  }),
  isDirectory: (file: string): MessageText => ({
    message: `cannot read ${file}: it is a folder, not a file.`,
    hint: `give the path of the JSON file inside it, e.g. ${file.replace(/\/$/, '')}/resume.json.`,
  }),
  notDirectoryOnPath: (file: string): MessageText => ({
    message: `cannot read ${file}: a part of the path before the file name is a file, not a folder.`,
    hint: 'check the path for a file name used as a folder.',
  }),
  noPermission: (file: string): MessageText => ({
    message: `cannot read ${file}: permission denied.`,
    hint: 'make the file readable for your user, e.g. chmod u+r.',
  }),
  notAFile: (file: string, kind: string): MessageText => ({
    message: `cannot read ${file}: it is ${kind}, not a file.`,
    hint: 'give the path of a résumé saved as a file, e.g. resume.json.',
  }),
  tooLarge: (file: string, size: number | undefined, limit: number): MessageText => ({
    message: `cannot read ${file}: it is larger than ${formatBytes(limit)}${size === undefined ? '' : ` (${formatBytes(size)})`}, more than any résumé needs.`,
    hint:
      size !== undefined && size > MAX_READABLE_BYTES
        ? 'check that this is the résumé: no file that large can be read, whatever --max-size says.'
        : `check that this is the résumé; if it is, raise the limit with --max-size, e.g. --max-size ${Math.min(Math.ceil(((size ?? limit) * 2) / 1024 ** 2), Math.floor(MAX_READABLE_BYTES / 1024 ** 2))}MiB.`,
  }),
  failed: (file: string, reason: string): MessageText => ({
    message: `cannot read ${file}: ${reason}.`,
  }),
  notUtf8: (utf16: boolean): MessageText => ({
    message: utf16
      ? 'the file is UTF-16 text; JSON files must be UTF-8.'
      : 'the file is not UTF-8 text (is it a JSON file?).',
    hint: 'save it as UTF-8 in your editor.',
  }),
};

export type ReadResult =
  | { ok: true; text: string }
  | { ok: false; status: 'invalid' | 'unreadable'; diagnostic: Diagnostic };

export interface ReadLimits {
  /** Larger files are refused before they are read (default DEFAULT_MAX_BYTES). */
  maxBytes?: number;
}

/**
 * Reads `path` as UTF-8 text; a file that cannot be read at all is `unreadable`. Only regular files
 * are read, and never more than `maxBytes` + 1 bytes: a device such as /dev/zero, a named pipe or
 * a huge file is refused with a message instead of filling memory or waiting forever.
 */
export async function readResumeText(
  path: string,
  { maxBytes = DEFAULT_MAX_BYTES }: ReadLimits = {},
): Promise<ReadResult> {
  const refuse = (text: MessageText): ReadResult => ({
    ok: false,
    status: 'unreadable',
    diagnostic: fileProblem(text),
  });
  let file;
  try {
    // Non-blocking, so opening a named pipe returns at once instead of waiting for a writer.
    file = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return refuse(readFailure(path, error));
  }
  try {
    const stats = await file.stat();
    if (stats.isDirectory()) return refuse(read.isDirectory(path));
    if (!stats.isFile()) return refuse(read.notAFile(path, fileKind(stats)));
    if (stats.size > maxBytes) return refuse(read.tooLarge(path, stats.size, maxBytes));
    // The size can change between stat and read (a growing file): read one byte past the limit.
    const buffer = Buffer.alloc(Math.min(stats.size, maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await file.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) return refuse(read.tooLarge(path, undefined, maxBytes));
    return decodeUtf8(buffer.subarray(0, length));
  } catch (error) {
    return refuse(readFailure(path, error));
  } finally {
    await file.close();
  }
}

function fileKind(stats: Stats): string {
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

function readFailure(path: string, error: unknown): MessageText {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return read.notFound(path);
  if (code === 'EISDIR') return read.isDirectory(path);
  if (code === 'ENOTDIR') return read.notDirectoryOnPath(path);
  if (code === 'EACCES' || code === 'EPERM') return read.noPermission(path);
  return read.failed(path, error instanceof Error ? error.message : String(error));
}

// ignoreBOM keeps a byte-order mark in the text so the parser can warn about it.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes file bytes; text that is not UTF-8 is read but is no JSON résumé (status `invalid`). */
export function decodeUtf8(bytes: Uint8Array): ReadResult {
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    const utf16 =
      (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    return { ok: false, status: 'invalid', diagnostic: fileProblem(read.notUtf8(utf16)) };
  }
}

function fileProblem(text: MessageText): Diagnostic {
  return { severity: 'error', path: '(file)', line: 0, column: 0, ...text };
}

export interface ParsedResume {
  /** The text that was parsed (without a byte-order mark), which the tree's offsets refer to. */
  text: string;
  /** Line and column of an offset in `text`. */
  positions: Positions;
  tree: Node;
  value: Record<string, unknown>;
  warnings: Diagnostic[];
}

export type ParseResult = ({ ok: true } & ParsedResume) | { ok: false; errors: Diagnostic[] };

/** Parses résumé text as strict JSON whose top level is an object. */
export function parseResumeText(input: string): ParseResult {
  const warnings: Diagnostic[] = [];
  let text = input;
  if (text.startsWith('\uFEFF')) {
    text = text.slice(1);
    warnings.push({
      severity: 'warning',
      path: '(file)',
      line: 1,
      column: 1,
      ...syntax.byteOrderMark(),
    });
  }
  if (text.trim() === '') {
    return {
      ok: false,
      errors: [{ severity: 'error', path: '(file)', line: 1, column: 1, ...syntax.empty() }],
    };
  }
  const positions = lineIndex(text);
  const { tree, errors } = parseStrictJson(text, positions);
  if (errors.length > 0 || !tree) return { ok: false, errors };
  if (tree.type !== 'object') {
    const { line, column } = positions(tree.offset);
    const kind = describeKind(tree);
    return {
      ok: false,
      errors: [
        {
          severity: 'error',
          path: '(root)',
          line,
          column,
          value: tree.value,
          ...syntax.notAnObject(kind),
        },
      ],
    };
  }
  warnings.push(...duplicateKeys(positions, tree));
  // JSON.parse is the reference reading (the last of duplicate keys wins, as everywhere else).
  const value = JSON.parse(text) as Record<string, unknown>;
  return { ok: true, text, positions, tree, value, warnings };
}

function describeKind(tree: Node): string {
  switch (tree.type) {
    case 'array':
      return 'a list (JSON array)';
    case 'string':
      return 'a single string';
    case 'number':
      return 'a single number';
    case 'boolean':
      return `the single value ${String(tree.value)}`;
    default:
      return 'only null';
  }
}

/** Keys given twice in one object: legal for parsers, but one of the two values is silently lost. */
function duplicateKeys(positions: Positions, root: Node): Diagnostic[] {
  const found: Diagnostic[] = [];
  // One path, extended and shortened as the walk goes: copied only for a duplicate found.
  const path: PathSegment[] = [];
  const visit = (node: Node): void => {
    if (node.type !== 'object' && node.type !== 'array') return;
    const seen = new Map<string, number>();
    node.children?.forEach((child, index) => {
      if (node.type === 'array') {
        path.push(index);
        visit(child);
        path.pop();
        return;
      }
      const [keyNode, valueNode] = child.children ?? [];
      if (!keyNode) return;
      const key = String(keyNode.value);
      const first = seen.get(key);
      if (first === undefined) seen.set(key, keyNode.offset);
      else {
        const { line, column } = positions(keyNode.offset);
        const message = syntax.duplicateKey(key, positions(first).line);
        found.push({
          severity: 'warning',
          path: formatPath([...path, key]),
          line,
          column,
          ...message,
        });
      }
      if (valueNode) {
        path.push(key);
        visit(valueNode);
        path.pop();
      }
    });
  };
  visit(root);
  return found;
}
