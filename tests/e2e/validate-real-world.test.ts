/**
 * Every real-world shape through `npm run validate --json`, the command people run. Valid shapes
 * pass (warnings allowed) and the official validator agrees; shapes that carry official-schema
 * errors on purpose get exactly the errors the official validator finds, each with its fix. The
 * expected errors and fixes below are written from the fixtures, not copied from the output.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Diagnostic } from '../../src/resume/validate.js';
import { runScript } from '../support/cli.js';
import { repoRoot } from '../support/paths.js';

const folder = join(repoRoot, 'tests', 'fixtures', 'real-world');
const shapes = readdirSync(folder)
  .filter((file) => file.startsWith('shape-') && file.endsWith('.json'))
  .sort();

interface OfficialError {
  property: string;
}
const official = createRequire(import.meta.url)('@jsonresume/schema') as {
  validate(resume: unknown, callback: (errors: OfficialError[] | null) => void): void;
};

/** Paths of the official validator's errors, in our notation (`work[0].endDate`). */
function officialErrorPaths(resume: unknown): string[] {
  let found: string[] = [];
  official.validate(resume, (errors) => {
    found = (errors ?? []).map((e) => e.property.replace(/^instance\.?/, '') || '(root)');
  });
  return found.sort();
}

/** Fixtures that break the official schema on purpose: each error's path and its fix. */
const EXPECTED_ERRORS: Record<string, [path: string, hint: string][]> = {
  'shape-empty-dates-zh.json': [
    ['work[0].startDate', 'write "2021-07".'],
    ['work[0].endDate', 'remove endDate for a current role: themes print "Present"'],
    ['projects[0].startDate', 'write "2022-11".'],
    ['projects[0].endDate', 'write "2023-03".'],
  ],
  'shape-null-values-fr.json': [
    ['basics.image', 'remove image: JSON Resume has no null values'],
    ['basics.phone', 'remove phone: JSON Resume has no null values'],
    ['basics.url', 'remove url: JSON Resume has no null values'],
    ['basics.location.address', 'remove address: JSON Resume has no null values'],
    ['basics.location.region', 'remove region: JSON Resume has no null values'],
    ['work[0].url', 'remove url: JSON Resume has no null values'],
    ['work[0].endDate', 'remove endDate: JSON Resume has no null values'],
    ['skills[0].level', 'remove level: JSON Resume has no null values'],
    ['languages[1]', 'remove the null from the list.'],
  ],
  'shape-string-location-ru.json': [
    ['basics.location', 'write it as an object: {"address": "Казань, Россия"}.'],
  ],
  'shape-url-without-scheme-tr.json': [
    ['basics.url', 'add the scheme: "https://isilsahin.example.com.tr".'],
    ['basics.profiles[0].url', 'add the scheme: "https://social.example.com/in/isil-sahin".'],
    ['basics.profiles[1].url', 'add the scheme: "https://code.example.com/isilsahin".'],
  ],
  'shape-work-location-object-pt.json': [
    ['work[0].location', 'write it as text: "São Paulo, SP".'],
  ],
  'shape-datetime-dates-en.json': [
    ['work[0].startDate', 'keep only the date part: "2019-03-01".'],
    ['work[0].endDate', 'keep only the date part: "2023-06-30".'],
    ['education[0].startDate', 'keep only the date part: "2011-09-20".'],
  ],
  'shape-languages-as-strings-de.json': [
    ['skills[0]', 'write it as an object: {"name": "Produktstrategie"}.'],
    ['skills[1]', 'write it as an object: {"name": "Roadmap-Planung"}.'],
    ['skills[2]', 'write it as an object: {"name": "A/B-Tests"}.'],
    ['languages[0]', 'write it as an object: {"language": "Deutsch"}.'],
    ['languages[1]', 'write it as an object: {"language": "Englisch"}.'],
    ['languages[2]', 'write it as an object: {"language": "Slowenisch"}.'],
  ],
  'shape-skills-object-ko.json': [
    [
      'skills',
      'write a list with one entry per key: [{"name":"언어","keywords":["Kotlin","Java"]}, …].',
    ],
  ],
};

interface JsonReport {
  valid: boolean;
  exitCode: number;
  diagnostics: Diagnostic[];
}

async function validateCli(file: string): Promise<{ code: number | null; report: JsonReport }> {
  const result = await runScript('validate', ['--json', join(folder, file)], {
    env: { NO_COLOR: '1' },
  });
  return { code: result.code, report: JSON.parse(result.stdout) as JsonReport };
}

describe('the real-world corpus', () => {
  test('at least 32 shapes, each listed once in the README with where it was seen and its script', () => {
    expect(shapes.length).toBeGreaterThanOrEqual(32);
    const readme = readFileSync(join(folder, 'README.md'), 'utf8');
    const rows = readme.split('\n').filter((line) => line.startsWith('| `shape-'));
    const listed = rows.map((row) => /`(shape-[^`]+)`/.exec(row)?.[1]);
    expect([...listed].sort()).toEqual(shapes);
    for (const row of rows) {
      // file | shape | seen in | script: every cell filled.
      const cells = row.split(/(?<!\\)\|/).slice(1, -1);
      expect(cells).toHaveLength(4);
      for (const cell of cells) expect(cell.trim()).not.toBe('');
    }
  });

  test('no fixture carries a real address: every email and link is on an example domain', () => {
    for (const file of shapes) {
      const text = readFileSync(join(folder, file), 'utf8');
      for (const email of text.match(/[\w.+-]+@[\w.-]+/g) ?? []) {
        expect(email, `${file}: ${email}`).toMatch(/@example\.[a-z.]+$/);
      }
      for (const url of text.match(/https?:\/\/[^"\s/?#]+/g) ?? []) {
        const host = url.replace(/^https?:\/\//, '');
        const allowed =
          /(^|\.)example\.[a-z.]+$/.test(host) || host === 'raw.githubusercontent.com';
        expect(allowed, `${file}: ${url}`).toBe(true);
      }
    }
  });

  test('the deliberate errors are in the fixtures the README marks as such', () => {
    const readme = readFileSync(join(folder, 'README.md'), 'utf8');
    const marked = readme
      .split('\n')
      .filter((line) => line.includes('**errors**'))
      .map((line) => /`(shape-[^`]+)`/.exec(line)?.[1])
      .filter((file): file is string => file !== undefined);
    expect(marked.sort()).toEqual(Object.keys(EXPECTED_ERRORS).sort());
  });
});

// One process per fixture; run them side by side.
describe.concurrent('npm run validate on each real-world shape', () => {
  for (const file of shapes) {
    const expected = EXPECTED_ERRORS[file];
    test(file, async () => {
      const resume: unknown = JSON.parse(readFileSync(join(folder, file), 'utf8'));
      const { code, report } = await validateCli(file);
      const errors = report.diagnostics.filter((d) => d.severity === 'error');
      if (!expected) {
        expect(errors).toEqual([]);
        expect(code).toBe(0);
        expect(officialErrorPaths(resume)).toEqual([]);
        return;
      }
      expect(code).toBe(1);
      expect(errors.map((d) => d.path).sort()).toEqual(expected.map(([path]) => path).sort());
      // The same errors the official validator finds: never more, never fewer.
      expect(errors.map((d) => d.path).sort()).toEqual(officialErrorPaths(resume));
      for (const [path, hint] of expected) {
        const found = errors.find((d) => d.path === path);
        expect(found?.hint, path).toContain(hint);
        expect(found?.line, path).toBeGreaterThan(0);
      }
    });
  }
});

describe.concurrent('warnings on real-world shapes', () => {
  test('the resume-cli template: one warning per pre-1.0 field, naming its 1.0 name, located at the name', async () => {
    const file = 'shape-pre1-resume-cli-init.json';
    const text = readFileSync(join(folder, file), 'utf8');
    const { code, report } = await validateCli(file);
    expect(code).toBe(0);
    // Listed by hand from the fixture: picture, website; 2 × company/website; volunteer website;
    // gpa; publication website.
    const expected = [
      ['basics.picture', 'image'],
      ['basics.website', 'url'],
      ['work[0].company', 'name'],
      ['work[0].website', 'url'],
      ['work[1].company', 'name'],
      ['work[1].website', 'url'],
      ['volunteer[0].website', 'url'],
      ['education[0].gpa', 'score'],
      ['publications[0].website', 'url'],
    ];
    const warnings = report.diagnostics.filter((d) => d.severity === 'warning');
    expect(warnings.map((d) => [d.path, d.hint])).toEqual(
      expected.map(([path, current]) => [path, `rename it to "${current}".`]),
    );
    const lines = text.split('\n');
    for (const warning of warnings) {
      const name = warning.path.split('.').at(-1) ?? '';
      expect(lines[warning.line - 1]?.slice(warning.column - 1)).toMatch(new RegExp(`^"${name}":`));
    }
  });

  test('a publication website that is not a full URL: the rename hint says what the value must be', async () => {
    const { report } = await validateCli('shape-pre1-volunteer-publications-ru.json');
    const relative = report.diagnostics.find((d) => d.path === 'publications[1].website');
    expect(relative?.hint).toBe(
      'rename it to "url", whose value must be a full URL such as "https://example.com/page".',
    );
    const absolute = report.diagnostics.find((d) => d.path === 'publications[0].website');
    expect(absolute?.hint).toBe('rename it to "url".');
  });

  test('impossible calendar dates are warnings; the file stays valid', async () => {
    const { code, report } = await validateCli('shape-impossible-dates-cs.json');
    expect(code).toBe(0);
    expect(report.diagnostics.map((d) => [d.path, d.value])).toEqual([
      ['work[0].startDate', '2024-09-31'],
      ['work[1].startDate', '2019-13'],
      ['awards[0].date', '2023-02-29'],
    ]);
  });

  test('raw HTML: one warning per field that holds some', async () => {
    const { code, report } = await validateCli('shape-raw-html-zh.json');
    expect(code).toBe(0);
    expect(report.diagnostics.map((d) => d.path)).toEqual([
      'basics.summary',
      'work[0].highlights[0]',
      'work[0].highlights[1]',
      'projects[0].description',
    ]);
  });
});
