/**
 * Reading a résumé file and parsing it as strict JSON into a value plus the syntax tree that
 * locates every value. Nothing here knows about the résumé schema.
 */
import { readFile } from 'node:fs/promises';
import type { Node } from 'jsonc-parser';
import type { Diagnostic } from './diagnostics.js';
import { formatPath, positionAt, type PathSegment } from './json-locations.js';
import { read, syntax, type MessageText } from './messages.js';
import { parseStrictJson } from './syntax-errors.js';

export type ReadResult =
  { ok: true; text: string } | { ok: false; exitCode: 1 | 2; diagnostic: Diagnostic };

/** Reads `path` as UTF-8 text; a file that cannot be read at all is exit code 2. */
export async function readResumeText(path: string): Promise<ReadResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return { ok: false, exitCode: 2, diagnostic: fileProblem(readFailure(path, error)) };
  }
  return decodeUtf8(bytes);
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
    return { ok: false, exitCode: 1, diagnostic: fileProblem(read.notUtf8(utf16)) };
  }
}

function fileProblem(text: MessageText): Diagnostic {
  return { severity: 'error', path: '(file)', line: 0, column: 0, ...text };
}

export interface ParsedResume {
  /** The text that was parsed (without a byte-order mark), which the tree's offsets refer to. */
  text: string;
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
  const { tree, errors } = parseStrictJson(text);
  if (errors.length > 0 || !tree) return { ok: false, errors };
  if (tree.type !== 'object') {
    const { line, column } = positionAt(text, tree.offset);
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
  warnings.push(...duplicateKeys(text, tree));
  // JSON.parse is the reference reading (the last of duplicate keys wins, as everywhere else).
  return { ok: true, text, tree, value: JSON.parse(text) as Record<string, unknown>, warnings };
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
function duplicateKeys(text: string, root: Node): Diagnostic[] {
  const found: Diagnostic[] = [];
  const visit = (node: Node, path: PathSegment[]): void => {
    const seen = new Map<string, number>();
    node.children?.forEach((child, index) => {
      if (node.type === 'array') return visit(child, [...path, index]);
      const [keyNode, valueNode] = child.children ?? [];
      if (!keyNode) return;
      const key = String(keyNode.value);
      const first = seen.get(key);
      if (first === undefined) seen.set(key, keyNode.offset);
      else {
        const { line, column } = positionAt(text, keyNode.offset);
        const message = syntax.duplicateKey(key, positionAt(text, first).line);
        found.push({
          severity: 'warning',
          path: formatPath([...path, key]),
          line,
          column,
          ...message,
        });
      }
      if (valueNode) visit(valueNode, [...path, key]);
    });
  };
  visit(root, []);
  return found;
}
