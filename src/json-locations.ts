/**
 * Where things sit in a JSON text: offsets to 1-based line:column, JSON paths in JavaScript
 * notation, and the syntax-tree node behind a path, so every diagnostic can point at the exact
 * spot an editor shows.
 */
import { findNodeAtLocation, type Node } from 'jsonc-parser';

export type PathSegment = string | number;

export interface Position {
  line: number;
  column: number;
}

/** Where each line of the last text asked about starts: one scan per text, not per position. */
let lines: { text: string; starts: number[] } | undefined;

function lineStarts(text: string): number[] {
  if (lines?.text === text) return lines.starts;
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 /* \n */ || (ch === 13 /* \r */ && text.charCodeAt(i + 1) !== 10)) {
      starts.push(i + 1);
    }
  }
  lines = { text, starts };
  return starts;
}

/** 1-based line and column (UTF-16 units, as editors count them) of `offset` in `text`. */
export function positionAt(text: string, offset: number): Position {
  const starts = lineStarts(text);
  const end = Math.max(0, Math.min(offset, text.length));
  // The last line that starts at or before `end`.
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((starts[middle] ?? 0) <= end) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: end - (starts[low] ?? 0) + 1 };
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `work[0].endDate`, `meta.themeOptions.sectionTitles["my section"]`; `(root)` for the top. */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out === '' ? '(root)' : out;
}

/**
 * Turns a JSON Pointer (as Ajv reports `instancePath`) into path segments, using the data to tell
 * array indices from object keys that merely look numeric.
 */
export function pointerToSegments(pointer: string, data: unknown): PathSegment[] {
  if (pointer === '') return [];
  const segments: PathSegment[] = [];
  let current: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) {
      const index = Number(key);
      segments.push(index);
      current = current[index];
    } else {
      segments.push(key);
      current = isObject(current) ? current[key] : undefined;
    }
  }
  return segments;
}

/** A JSON object (not a list, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Start of the value at `segments` (or of the nearest ancestor that exists). With `key: true`
 * and an object member, the start of its property name instead, which is where a misspelt or
 * unwanted name should be pointed out.
 */
export function offsetOf(root: Node, segments: readonly PathSegment[], key = false): number {
  for (let length = segments.length; length >= 0; length--) {
    const node = findNodeAtLocation(root, segments.slice(0, length) as PathSegment[]);
    if (!node) continue;
    if (key && length === segments.length && node.parent?.type === 'property') {
      return node.parent.offset;
    }
    return node.offset;
  }
  return root.offset;
}

/** Start of the property name `name` inside the object at `segments`, if it is there. */
export function keyOffset(
  root: Node,
  segments: readonly PathSegment[],
  name: string,
): number | undefined {
  const object = findNodeAtLocation(root, segments as PathSegment[]);
  const property = object?.children?.find((child) => child.children?.[0]?.value === name);
  return property?.offset;
}
