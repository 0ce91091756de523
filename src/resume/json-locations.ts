/**
 * Where things sit in a JSON text: offsets to 1-based line:column, JSON paths in JavaScript
 * notation, and the syntax-tree node behind a path, so every diagnostic can point at the exact
 * spot an editor shows.
 */
import type { Node } from 'jsonc-parser';

export type PathSegment = string | number;

export interface Position {
  line: number;
  column: number;
}

/** Turns offsets into positions; built once per text so each lookup costs a binary search. */
export type Positions = (offset: number) => Position;

/** A parsed document with what it takes to point into its text. */
export interface Located {
  positions: Positions;
  tree: Node;
  value: unknown;
}

/**
 * 1-based line and column (UTF-16 units, as editors count them) of offsets in `text`, from one
 * pass that records where each line starts (\n, \r\n and a lone \r end a line).
 */
export function lineIndex(text: string): Positions {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 /* \n */ || (ch === 13 /* \r */ && text.charCodeAt(i + 1) !== 10)) {
      starts.push(i + 1);
    }
  }
  return (offset) => {
    const end = Math.max(0, Math.min(offset, text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= end) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: end - starts[low]! + 1 };
  };
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

/** The name of the nearest property on the path (`''` if there is none). */
export function lastKey(segments: readonly PathSegment[]): string {
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i];
    if (typeof segment === 'string') return segment;
  }
  return '';
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

/** Each object's members by name (the first of duplicate names, as editors jump to). */
const membersOf = new WeakMap<Node, Map<string, Node>>();

function members(object: Node): Map<string, Node> {
  let found = membersOf.get(object);
  if (!found) {
    found = new Map<string, Node>();
    for (const property of object.children ?? []) {
      const name: unknown = property.children?.[0]?.value;
      if (typeof name === 'string' && !found.has(name)) found.set(name, property);
    }
    membersOf.set(object, found);
  }
  return found;
}

/**
 * The node at `segments` as far as it exists: one map lookup per segment, so locating thousands
 * of diagnostics in one large object stays linear.
 */
function deepestNode(root: Node, segments: readonly PathSegment[]): { node: Node; depth: number } {
  let node = root;
  let depth = 0;
  for (const segment of segments) {
    const next =
      typeof segment === 'number'
        ? node.type === 'array'
          ? node.children?.[segment]
          : undefined
        : node.type === 'object'
          ? members(node).get(segment)?.children?.[1]
          : undefined;
    if (!next) break;
    node = next;
    depth++;
  }
  return { node, depth };
}

/**
 * Start of the value at `segments` (or of the nearest ancestor that exists). With `key: true`
 * and an object member, the start of its property name instead, which is where a misspelt or
 * unwanted name should be pointed out.
 */
export function offsetOf(root: Node, segments: readonly PathSegment[], key = false): number {
  const { node, depth } = deepestNode(root, segments);
  if (key && depth === segments.length && node.parent?.type === 'property') {
    return node.parent.offset;
  }
  return node.offset;
}

/** Start of the property name `name` inside the object at `segments`, if it is there. */
export function keyOffset(
  root: Node,
  segments: readonly PathSegment[],
  name: string,
): number | undefined {
  const { node, depth } = deepestNode(root, segments);
  if (depth !== segments.length || node.type !== 'object') return undefined;
  return members(node).get(name)?.offset;
}
