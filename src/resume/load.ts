/**
 * Reading a résumé file and parsing it as strict JSON into a value plus the syntax tree that
 * locates every value. Nothing here knows about the résumé schema.
 */
import { constants, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Node } from 'jsonc-parser';
import type { Diagnostic } from './diagnostics.js';
import { DEFAULT_MAX_BYTES } from './input-limits.js';
import { formatPath, lineIndex, type PathSegment, type Positions } from './json-locations.js';
import { read, syntax, type MessageText } from './messages.js';
import { parseStrictJson } from './syntax-errors.js';

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

/** Decodes file bytes; text that is not UTF-8 is read but is no JSON résumé (exit code 1). */
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
