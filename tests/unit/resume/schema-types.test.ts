/**
 * The extension schema and the TypeScript types describe the same fields: a fixture typed to
 * carry every field of types.ts validates against the schemas, every field it uses is declared by
 * a schema, and every field the extension schema declares is used by it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  childSchemas,
  knownProperties,
  rootSchemas,
  type PlacedSchema,
  type SchemaNode,
} from '../../../src/resume/schema.js';
import { validateText } from '../../../src/resume/validate.js';
import { fixture } from '../../fixtures/full-extended.js';
import { themeDir } from '../../support/paths.js';

const extensions = JSON.parse(
  readFileSync(join(themeDir, 'schema', 'extensions.schema.json'), 'utf8'),
) as SchemaNode;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows `#/definitions/…` references inside the extension schema. */
function deref(node: SchemaNode): SchemaNode {
  if (!node.$ref) return node;
  const name = node.$ref.replace('#/definitions/', '');
  const target = extensions.definitions?.[name];
  if (!target) throw new Error(`unresolved ${node.$ref}`);
  return deref(target);
}

/** Paths of properties the extension schema declares that `value` does not carry. */
function missingFromFixture(node: SchemaNode, value: unknown, path: string): string[] {
  const schema = deref(node);
  const missing: string[] = [];
  if (schema.properties) {
    for (const [key, child] of Object.entries(schema.properties)) {
      const childValue = isObject(value) ? value[key] : undefined;
      if (childValue === undefined) missing.push(`${path}.${key}`);
      else missing.push(...missingFromFixture(child, childValue, `${path}.${key}`));
    }
  }
  if (schema.items && !Array.isArray(schema.items)) {
    // The fixture puts every field into the first entry of each list.
    if (!Array.isArray(value) || value.length === 0) missing.push(`${path}[0]`);
    else missing.push(...missingFromFixture(schema.items, value[0], `${path}[0]`));
  }
  if (typeof schema.additionalProperties === 'object') {
    const first = isObject(value) ? Object.entries(value)[0] : undefined;
    if (!first) missing.push(`${path}.*`);
    else
      missing.push(
        ...missingFromFixture(schema.additionalProperties, first[1], `${path}.${first[0]}`),
      );
  }
  return missing;
}

/** Paths of fields in `value` that neither the official nor the extension schema declares. */
function undeclaredInSchemas(value: unknown, placed: PlacedSchema[], path: string): string[] {
  const undeclared: string[] = [];
  if (Array.isArray(value)) {
    value.forEach((item, i) =>
      undeclared.push(...undeclaredInSchemas(item, childSchemas(placed, i), `${path}[${i}]`)),
    );
  } else if (isObject(value)) {
    const known = knownProperties(placed);
    for (const [key, child] of Object.entries(value)) {
      // Objects without declared properties are maps (sectionTitles, variants): any key is data.
      if (known.length > 0 && !known.includes(key)) undeclared.push(`${path}.${key}`);
      undeclared.push(...undeclaredInSchemas(child, childSchemas(placed, key), `${path}.${key}`));
    }
  }
  return undeclared;
}

describe('extension schema and types agree', () => {
  test('the fully typed fixture validates against the official and extension schemas', () => {
    const outcome = validateText(JSON.stringify(fixture, null, 2), 'full-extended.json');
    expect(outcome.diagnostics).toEqual([]);
    expect(outcome.status).toBe('ok');
  });

  test('every property the extension schema declares is in the typed fixture', () => {
    expect(missingFromFixture(extensions, fixture, 'resume')).toEqual([]);
  });

  test('every field of the typed fixture is declared by one of the schemas', () => {
    expect(undeclaredInSchemas(fixture, rootSchemas(), 'resume')).toEqual([]);
  });

  test('the checks notice a field the schema declares but the fixture lacks', () => {
    const { publications, ...withoutPublications } = fixture;
    expect(publications.length).toBeGreaterThan(0);
    expect(missingFromFixture(extensions, withoutPublications, 'resume')).toContain(
      'resume.publications',
    );
  });

  test('the checks notice a field the fixture has but no schema declares', () => {
    const extra = { ...fixture, basics: { ...fixture.basics, pronouns: 'she/her' } };
    expect(undeclaredInSchemas(extra, rootSchemas(), 'resume')).toEqual(['resume.basics.pronouns']);
  });
});
