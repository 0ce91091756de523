/**
 * The résumé schema files as the theme package ships them (official JSON Resume schema +
 * camera-ready extensions), read once per process and indexed by their `$id`.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

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
