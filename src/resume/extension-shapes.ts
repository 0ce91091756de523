/**
 * The validator is never stricter than the official JSON Resume one: where only the camera-ready
 * extensions refuse a value (a field other tools fill in a shape of their own, such as
 * `publications[].status` as free text), the problem is a warning, not an error. The theme shows
 * such values as written. Errors inside `meta.variants` stay errors: variants are this
 * project's own instructions, which `variant` and `export` follow.
 */
import type { ErrorObject } from 'ajv';
import type { Diagnostic } from './diagnostics.js';
import { schema as text } from './messages.js';
import type { SchemaNode } from './schema-files.js';

/** The node at a local JSON pointer ("#/properties/work/type") in `doc`, if any. */
function nodeAt(doc: unknown, pointer: string): unknown {
  const segments = pointer
    .replace(/^#\/?/, '')
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: unknown = doc;
  for (const segment of segments) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

/**
 * Whether the official schema makes the same check: the failing keyword stands at the same place
 * in the official document, with the same value. Both documents are addressed from their own
 * root, so a check only the extensions make has no such twin.
 */
function officialCheck(error: ErrorObject, official: SchemaNode): boolean {
  const node = nodeAt(official, error.schemaPath);
  return node !== undefined && JSON.stringify(node) === JSON.stringify(error.schema);
}

const VARIANTS = /^\/meta\/variants(\/|$)/;

/** The schema errors in two: those the official validator makes too, and the others. */
export function splitByOrigin(
  errors: readonly ErrorObject[],
  official: SchemaNode,
): { official: ErrorObject[]; extensions: ErrorObject[] } {
  const split = { official: [] as ErrorObject[], extensions: [] as ErrorObject[] };
  for (const error of errors) {
    const ours = !officialCheck(error, official) && !VARIANTS.test(error.instancePath);
    (ours ? split.extensions : split.official).push(error);
  }
  return split;
}

/** A problem only the extensions see, as a warning: other themes may still show the value. */
export function asShapeWarning(diagnostic: Diagnostic): Diagnostic {
  return { ...diagnostic, severity: 'warning', message: text.foreignShape(diagnostic.message) };
}
