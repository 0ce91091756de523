/**
 * A small walker over the schema that answers "which properties does the schema know at this
 * place in the document", for the misspelling check and the hints.
 */
import type { PathSegment } from './json-locations.js';
import { resumeSchemas, type SchemaNode } from './schema-files.js';

/** A schema node together with the document its relative `$ref`s resolve in. */
export interface PlacedSchema {
  node: SchemaNode;
  docId: string;
}

/** The schema nodes that apply at the top of a résumé. */
export function rootSchemas(): PlacedSchema[] {
  const { root } = resumeSchemas();
  return expand({ node: root, docId: String(root.$id) });
}

/**
 * Children already worked out, per parent list and segment: every item of a long list shares one
 * schema, and the same list object then also hits the caches of knownProperties and isClosed.
 */
const childCache = new WeakMap<readonly PlacedSchema[], Map<PathSegment, PlacedSchema[]>>();

/** The schema nodes that apply to the child `segment` of a value described by `parents`. */
export function childSchemas(
  parents: readonly PlacedSchema[],
  segment: PathSegment,
): PlacedSchema[] {
  // Positional `items` (a tuple) are the only case where list items differ by index.
  const tuple = parents.some(({ node }) => Array.isArray(node.items));
  const key = typeof segment === 'number' && !tuple ? 0 : segment;
  let cached = childCache.get(parents);
  if (!cached) childCache.set(parents, (cached = new Map<PathSegment, PlacedSchema[]>()));
  const hit = cached.get(key);
  if (hit) return hit;
  const children = computeChildSchemas(parents, segment);
  cached.set(key, children);
  return children;
}

function computeChildSchemas(
  parents: readonly PlacedSchema[],
  segment: PathSegment,
): PlacedSchema[] {
  const children: PlacedSchema[] = [];
  for (const { node, docId } of parents) {
    let child: SchemaNode | undefined;
    if (typeof segment === 'number') {
      child = Array.isArray(node.items) ? node.items[segment] : node.items;
    } else {
      child = node.properties?.[segment];
      if (!child && typeof node.additionalProperties === 'object')
        child = node.additionalProperties;
    }
    if (child) children.push(...expand({ node: child, docId }));
  }
  return children;
}

const knownCache = new WeakMap<readonly PlacedSchema[], string[]>();

/** Property names the schemas declare for an object here. */
export function knownProperties(placed: readonly PlacedSchema[]): string[] {
  let known = knownCache.get(placed);
  if (!known) {
    known = [...new Set(placed.flatMap(({ node }) => Object.keys(node.properties ?? {})))];
    knownCache.set(placed, known);
  }
  return known;
}

/** Whether the schemas forbid properties they do not declare here. */
export function isClosed(placed: readonly PlacedSchema[]): boolean {
  return placed.some(({ node }) => node.additionalProperties === false);
}

/** Follows `$ref` and combinators so that every node returned declares its own keywords. */
function expand(placed: PlacedSchema, depth = 0): PlacedSchema[] {
  if (depth > 32) return []; // a cyclic schema; ours have none
  const { node, docId } = placed;
  const out: PlacedSchema[] = [placed];
  if (node.$ref) out.push(...expand(resolveRef(node.$ref, docId), depth + 1));
  for (const branch of [...(node.allOf ?? []), ...(node.anyOf ?? []), ...(node.oneOf ?? [])]) {
    out.push(...expand({ node: branch, docId }, depth + 1));
  }
  for (const branch of [node.then, node.else]) {
    if (branch) out.push(...expand({ node: branch, docId }, depth + 1));
  }
  return out;
}

function resolveRef(ref: string, fromDoc: string): PlacedSchema {
  const [file, pointer = ''] = ref.split('#');
  const docId = file ? new URL(file, fromDoc).href : fromDoc;
  const doc = resumeSchemas().byId.get(docId);
  if (!doc) throw new Error(`unknown schema reference ${ref}`);
  let node: unknown = doc;
  for (const raw of pointer.split('/').slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = (node as Record<string, unknown>)[key];
  }
  return { node: node as SchemaNode, docId };
}

/** The schema nodes that apply at `path` in a résumé. */
export function schemasAt(path: readonly PathSegment[]): PlacedSchema[] {
  let placed = rootSchemas();
  for (const segment of path) placed = childSchemas(placed, segment);
  return placed;
}

/**
 * Visits every value of a résumé (objects, lists and leaves) with the schema nodes that apply
 * to it and its path; values no schema describes are visited with an empty list.
 */
export function walkWithSchemas(
  value: unknown,
  visit: (current: unknown, placed: PlacedSchema[], path: PathSegment[]) => void,
): void {
  const walk = (current: unknown, placed: PlacedSchema[], path: PathSegment[]): void => {
    visit(current, placed, path);
    if (Array.isArray(current)) {
      current.forEach((item, index) => walk(item, childSchemas(placed, index), [...path, index]));
    } else if (typeof current === 'object' && current !== null) {
      for (const [key, child] of Object.entries(current)) {
        walk(child, childSchemas(placed, key), [...path, key]);
      }
    }
  };
  walk(value, rootSchemas(), []);
}

/** The first property declared here as plain text: where a bare text belongs. */
export function textProperty(placed: readonly PlacedSchema[]): string | undefined {
  for (const { node } of placed) {
    for (const [name, child] of Object.entries(node.properties ?? {})) {
      // Addresses (format uri or email) hold no free text.
      if (child.type === 'string' && child.format === undefined) return name;
    }
  }
  return undefined;
}
