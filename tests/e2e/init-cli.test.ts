/**
 * The real `npm run init`: the starter it writes has every section and every camera-ready field,
 * is valid to our validator and the official one, prints on one page, and no existing file is
 * ever replaced.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pdfInfo } from '../../src/maintainer/read-output.js';
import { exportPdf, runScript, stackLines } from '../support/cli.js';
import { officialErrors } from '../support/official-schema.js';
import { themeDir } from '../support/paths.js';

const plain = { env: { NO_COLOR: '1' } };
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'init-cli-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

type Json = Record<string, unknown>;
const readJson = async (path: string): Promise<Json> =>
  JSON.parse(await readFile(path, 'utf8')) as Json;
const schemaFile = (name: string) => readJson(join(themeDir, 'schema', name));
const entries = (value: unknown): Json[] =>
  (Array.isArray(value) ? value : value && typeof value === 'object' ? [value] : []) as Json[];
/** The fields a section's items may have, as a schema declares them. */
function itemFields(section: Json): string[] {
  const items = (section.items ?? section) as Json;
  return Object.keys(items.properties ?? {});
}

describe('npm run init', () => {
  let file: string;
  let starter: Json;

  beforeAll(async () => {
    file = join(scratch, 'cv.json');
    const result = await runScript('init', [file], plain);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`wrote ${file}`);
    starter = await readJson(file);
  });

  test('every JSON Resume section is there, each with an entry', async () => {
    const official = await schemaFile('jsonresume.schema.json');
    const sections = Object.keys(official.properties as Json).filter((key) => key !== '$schema');
    expect(sections.length).toBeGreaterThan(10);
    for (const section of sections) {
      expect(Object.keys(entries(starter[section])[0] ?? {}), section).not.toEqual([]);
    }
  });

  test('every camera-ready extension field is shown in a section that takes it', async () => {
    const extensions = (await schemaFile('extensions.schema.json')).properties as Json;
    const definitions = ((await schemaFile('extensions.schema.json')).definitions ?? {}) as Json;
    const where = new Map<string, string[]>();
    for (const [section, declared] of Object.entries(extensions)) {
      // Sections that only point at a shared definition (volunteer, awards…) take tags/expected.
      const ref = (declared as Json).$ref;
      const shape =
        typeof ref === 'string' ? (definitions[ref.split('/').pop()!] as Json) : declared;
      for (const field of itemFields(shape as Json)) {
        where.set(field, [...(where.get(field) ?? []), section]);
      }
    }
    expect(where.has('firstAuthor')).toBe(true);
    for (const [field, sections] of where) {
      const shown = sections.some((section) =>
        entries(starter[section]).some((entry) => entry[field] !== undefined),
      );
      expect(shown, `${field} (in ${sections.join(', ')})`).toBe(true);
    }
  });

  test('our validator and the official one find it valid', async () => {
    const validated = await runScript('validate', [file], plain);
    expect(validated.code, validated.stderr).toBe(0);
    expect(validated.stderr).toBe('');
    expect(officialErrors(starter)).toEqual([]);
  });

  test('it prints on one page', async () => {
    const out = join(scratch, 'pdf');
    const exported = await exportPdf(file, out);
    expect(exported.code, exported.stderr).toBe(0);
    expect((await pdfInfo(exported.pdf)).pages).toBe(1);
  });

  test('an existing file is refused with exit 2 and left as it was', async () => {
    const mine = join(scratch, 'mine.json');
    await writeFile(mine, '{ "basics": { "name": "Someone Else" } }\n');
    const result = await runScript('init', [mine], plain);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${mine} exists already, and init never replaces a file.`);
    expect(stackLines(result.stderr)).toEqual([]);
    expect(await readFile(mine, 'utf8')).toBe('{ "basics": { "name": "Someone Else" } }\n');
  });

  test('a missing folder, or no file named, exits 2 with what to do', async () => {
    const inMissing = await runScript('init', [join(scratch, 'nowhere', 'cv.json')], plain);
    expect(inMissing.code).toBe(2);
    expect(inMissing.stderr).toContain('its folder does not exist');
    const none = await runScript('init', [], plain);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('which file should the new résumé go to?');
  });

  test('--help prints the usage and the exit codes', async () => {
    const result = await runScript('init', ['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: npm run init -- <file>');
    expect(result.stdout).toContain('Exit codes: 0 written, 2 the file exists already');
  });
});
