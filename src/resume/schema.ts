/**
 * The résumé schema: its files as the theme package ships them, the validator compiled from them,
 * a walker that says which properties the schema knows at each place, and the check that a
 * rename a hint suggests gives a valid file.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import type { PathSegment } from './json-syntax.js';

// The résumé schema files as the theme package ships them (official JSON Resume schema +
// camera-ready extensions), read once per process and indexed by their `$id`.

const require = createRequire(import.meta.url);
const THEME = 'jsonresume-theme-camera-ready';

/** A JSON Schema node as read from the files; only the keywords the walker needs are typed. */
export interface SchemaNode {
  $id?: string;
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode | SchemaNode[];
  allOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  then?: SchemaNode;
  else?: SchemaNode;
  definitions?: Record<string, SchemaNode>;
  description?: string;
  [keyword: string]: unknown;
}

/** The version of the official schema the extensions build on. */
export const JSON_RESUME_VERSION = (
  require('@jsonresume/schema/package.json') as { version: string }
).version;

function loadSchema(file: string): SchemaNode {
  return require(`${THEME}/schema/${file}`) as SchemaNode;
}

/**
 * The `$schema` URL résumés use for this schema: the versioned address the package publishes it
 * at (its `$id`). The validator maps it to the files below; it is never fetched.
 */
export const SCHEMA_URL = String(loadSchema('resume.schema.json').$id);

interface Schemas {
  root: SchemaNode;
  /** The official JSON Resume schema alone. */
  official: SchemaNode;
  /** Every schema document by its $id, for resolving `$ref`s. */
  byId: Map<string, SchemaNode>;
}

let schemas: Schemas | undefined;

export function resumeSchemas(): Schemas {
  if (!schemas) {
    // Each file's $id is the versioned URL it is published at; relative $refs resolve against it.
    const official = loadSchema('jsonresume.schema.json');
    const extensions = loadSchema('extensions.schema.json');
    const root = loadSchema('resume.schema.json');
    const byId = new Map<string, SchemaNode>();
    for (const doc of [root, official, extensions]) byId.set(String(doc.$id), doc);
    schemas = { root, official, byId };
  }
  return schemas;
}

/** Identifies the schema files' content, so a validator generated from older ones is not used. */
export function schemaFingerprint(): string {
  const { byId } = resumeSchemas();
  return createHash('sha256')
    .update(JSON.stringify([...byId]))
    .digest('hex');
}

// The validator for the composed schema: compiled with Ajv, or the standalone one generated from
// it at build time. The generated file sits beside this module, which is why it lives here.

/** The format checks of the `jsonschema` package, which the official `validate` runs on. */
const OFFICIAL_FORMATS = 'jsonschema/lib/helpers.js';
/** The formats the schemas use. */
const FORMATS = ['uri', 'email'] as const;

/**
 * The validator generated from the schema at build time (`npm run build`): loading it skips
 * compiling the schema, most of the cost of a first validation.
 */
const PREBUILT = './resume-validator.cjs';

/**
 * Compiles the composed schema (draft-07, all errors, the official format checks); with `source`, Ajv
 * keeps the generated code so it can be written out as a standalone module.
 */
export function compileResumeValidator(options: { source?: boolean } = {}): {
  ajv: Ajv;
  validate: ValidateFunction;
} {
  const { root, byId } = resumeSchemas();
  // Loaded here only: a prebuilt validator needs neither, the formats are inlined in it.
  const { Ajv } = require('ajv') as typeof import('ajv');
  // verbose: errors carry the failing value and schema, which the messages need.
  const ajv = new Ajv({
    allErrors: true,
    verbose: true,
    strictTypes: false,
    ...(options.source && { code: { source: true } }),
  });
  // The official validator's own definitions of `uri` and `email`, so that on these formats
  // the standard fields pass exactly when the official schema lets them pass.
  const formats = (require(OFFICIAL_FORMATS) as { FORMAT_REGEXPS: Record<string, unknown> })
    .FORMAT_REGEXPS;
  for (const name of FORMATS) {
    const format = formats[name];
    if (!(format instanceof RegExp)) throw new Error(`${OFFICIAL_FORMATS} has no ${name} format`);
    ajv.addFormat(name, format);
  }
  for (const [id, doc] of byId) if (doc !== root) ajv.addSchema(doc, id);
  ajv.addSchema(root, SCHEMA_URL);
  const validate = ajv.getSchema(SCHEMA_URL);
  if (!validate) throw new Error(`schema ${SCHEMA_URL} did not compile`);
  return { ajv, validate };
}

/** The prebuilt validator, if it exists and was generated from the current schema files. */
function prebuiltValidator(): ValidateFunction | undefined {
  let built: ValidateFunction & { fingerprint?: unknown };
  try {
    built = require(PREBUILT) as typeof built;
  } catch {
    return undefined;
  }
  return built.fingerprint === schemaFingerprint() ? built : undefined;
}

let validator: ValidateFunction | undefined;

/** The validator for the composed schema: the prebuilt one when current, else compiled now. */
export function resumeValidator(): ValidateFunction {
  validator ??= prebuiltValidator() ?? compileResumeValidator().validate;
  return validator;
}

// A small walker over the schema that answers "which properties does the schema know at this
// place in the document", for the misspelling check and the hints.

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

// Whether renaming a field, as a hint would tell someone to, gives a valid file: the new name
// must not be taken already, and the value must be valid under the new name. A hint that breaks
// the file when followed is worse than none.

export type RenameOutcome =
  | { ok: true }
  | { ok: false; reason: 'taken' }
  | { ok: false; reason: 'invalid'; error: ErrorObject };

/**
 * Renames `from` to `to` in the object at `path` of `resume` and validates that object alone,
 * placed where it sits, so the cost does not grow with the size of the résumé.
 */
export function tryRename(
  resume: unknown,
  path: readonly PathSegment[],
  from: string,
  to: string,
): RenameOutcome {
  let holder: unknown = resume;
  for (const segment of path) holder = (holder as Record<string | number, unknown>)[segment];
  const object = holder as Record<string, unknown>;
  if (Object.hasOwn(object, to)) return { ok: false, reason: 'taken' };
  const renamed: Record<string, unknown> = { ...object, [to]: object[from] };
  delete renamed[from];
  const error = firstErrorAt(path, renamed, [...path, to]);
  return error ? { ok: false, reason: 'invalid', error } : { ok: true };
}

/** Whether `value` would be valid at `path` (a fix that replaces the value there). */
export function fitsAt(path: readonly PathSegment[], value: unknown): boolean {
  return firstErrorAt(path, value, path) === undefined;
}

/**
 * Validates `value` placed at `path` in an otherwise empty résumé (list indices become 0: every
 * item of a list has the same schema) and returns the first error at or under `errorsAt`.
 */
function firstErrorAt(
  path: readonly PathSegment[],
  value: unknown,
  errorsAt: readonly PathSegment[],
): ErrorObject | undefined {
  let document: unknown = value;
  for (const segment of [...path].reverse()) {
    document = typeof segment === 'number' ? [document] : { [segment]: document };
  }
  const validate = resumeValidator();
  if (validate(document)) return undefined;
  const pointer = errorsAt
    .map((s) => (typeof s === 'number' ? 0 : s))
    .map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`)
    .join('');
  return (validate.errors ?? []).find(
    (e) => e.instancePath === pointer || e.instancePath.startsWith(`${pointer}/`),
  );
}
