// The résumé schema as one self-contained file (dist/resume.schema.json), for tools that take a
// single schema and resolve no references to other files, such as `resume validate --schema`.
// The official schema and the extensions become definitions; their internal references are
// rewritten to point into them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const PARTS = [
  ['json-resume', 'jsonresume.schema.json'],
  ['camera-ready', 'extensions.schema.json'],
];

/** A copy of `node` with every local `$ref` ("#/…") moved under `prefix`. */
function rebase(node, prefix) {
  if (Array.isArray(node)) return node.map((item) => rebase(item, prefix));
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string' && value.startsWith('#')
        ? `${prefix}${value.slice(1)}`
        : rebase(value, prefix),
    ]),
  );
}

export function standaloneSchema(schemaDir) {
  const read = (file) => JSON.parse(readFileSync(join(schemaDir, file), 'utf8'));
  const root = read('resume.schema.json');
  const definitions = {};
  for (const [name, file] of PARTS) {
    const { $schema, $id, ...schema } = read(file);
    definitions[name] = rebase(schema, `#/definitions/${name}`);
  }
  // No `$schema`: draft-07 is every validator's default, and tools built for draft-04 (as
  // resume-cli's z-schema is) try to resolve a named meta-schema and fail.
  return {
    $id: root.$id.replace('/schema/resume.schema.json', '/dist/resume.schema.json'),
    title: root.title,
    description: `${root.description} One self-contained file.`,
    definitions,
    allOf: PARTS.map(([name]) => ({ $ref: `#/definitions/${name}` })),
  };
}
