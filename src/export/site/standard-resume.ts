/**
 * The résumé as standard JSON Resume: every field the official schema does not declare (our
 * extensions: tags, variants, theme options, `phones`, an education's `location` …) is left out,
 * as is any value whose type the official schema does not allow there, so other themes and the
 * JSON Resume registry read the published file as they read any résumé.
 */
import { createRequire } from 'node:module';
import type { Resume } from 'jsonresume-theme-camera-ready';

interface OfficialNode {
  type?: string | string[];
  $ref?: string;
  properties?: Record<string, OfficialNode>;
  items?: OfficialNode;
}

const require = createRequire(import.meta.url);
const official = require('@jsonresume/schema/schema.json') as OfficialNode & {
  definitions: Record<string, OfficialNode>;
};

/** The official node a `$ref` (only `#/definitions/<name>` occurs) points to. */
function resolved(node: OfficialNode): OfficialNode {
  const name = node.$ref?.replace('#/definitions/', '');
  return name === undefined ? node : (official.definitions[name] ?? node);
}

function typeOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value === 'number'
    ? Number.isInteger(value)
      ? 'integer'
      : 'number'
    : typeof value;
}

function allows(node: OfficialNode, value: unknown): boolean {
  if (node.type === undefined) return true;
  const types = Array.isArray(node.type) ? node.type : [node.type];
  const type = typeOf(value);
  return types.includes(type) || (type === 'integer' && types.includes('number'));
}

/** `value` reduced to what `node` declares; undefined when the schema does not allow it. */
function keep(node: OfficialNode, value: unknown): unknown {
  const schema = resolved(node);
  if (!allows(schema, value)) return undefined;
  if (Array.isArray(value)) {
    const items = schema.items;
    if (!items) return value;
    return value.map((item) => keep(items, item)).filter((item) => item !== undefined);
  }
  if (typeof value === 'object' && value !== null) {
    const properties = schema.properties ?? {};
    const kept: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      const childSchema = Object.hasOwn(properties, key) ? properties[key] : undefined;
      if (childSchema === undefined) continue;
      const reduced = keep(childSchema, child);
      if (reduced !== undefined) kept[key] = reduced;
    }
    return kept;
  }
  return value;
}

/**
 * The standard part of `resume`. `$schema` is left out too: ours names the extended schema, and a
 * reader of the standard file needs none.
 */
export function standardResume(resume: Resume): Record<string, unknown> {
  const { $schema: _schema, ...rest } = resume as Resume & { $schema?: unknown };
  return keep(official, rest) as Record<string, unknown>;
}
