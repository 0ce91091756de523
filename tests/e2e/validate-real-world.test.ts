/**
 * Every real-world shape through `npm run validate --json`, the command people run. Valid shapes
 * pass (warnings allowed) and the official validator agrees; shapes that carry official-schema
 * errors on purpose get exactly the errors the official validator finds, each with its fix (as
 * listed in tests/support/real-world.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Diagnostic } from '../../src/resume/validate.js';
import { runScript } from '../support/cli.js';
import { EXPECTED_ERRORS, realWorldFolder as folder, shapes } from '../support/real-world.js';

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
