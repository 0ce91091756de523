/**
 * The live CV. Every other test reads the frozen copy in tests/fixtures/seed, so editing
 * resume.json breaks nothing but this: the README's commands, run on the file as it is now, find
 * it valid, and it prints within its page budget of two A4 pages. It also names the schema of
 * this version, so editors check it against the fields this version knows.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { pdfInfo } from '../../src/maintainer/poppler.js';
import { SCHEMA_URL } from '../../src/resume/schema-files.js';
import { runScript } from '../support/cli.js';
import { repoRoot } from '../support/paths.js';

const PAGE_BUDGET = 2;
/** A4 in PostScript points, rounded as pdfInfo rounds them. */
const A4 = { width: 595, height: 842 };

const out = mkdtempSync(join(tmpdir(), 'live-resume-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

test(`resume.json is valid and prints on at most ${PAGE_BUDGET} A4 pages`, async () => {
  const validated = await runScript('validate', [], { env: { NO_COLOR: '1' } });
  expect(validated.code, validated.stdout + validated.stderr).toBe(0);
  expect(validated.stdout).toBe(
    'resume.json is valid (JSON Resume 1.3.1 + camera-ready extensions)\n',
  );
  const resume = JSON.parse(readFileSync(join(repoRoot, 'resume.json'), 'utf8')) as {
    $schema?: string;
  };
  expect(resume.$schema).toBe(SCHEMA_URL);

  const exported = await runScript('export', ['--format', 'pdf', '--out', out, '--quiet']);
  expect(exported.code, exported.stderr).toBe(0);
  const { pages, width, height } = await pdfInfo(join(out, 'resume.pdf'));
  expect(pages).toBeGreaterThan(0);
  expect(pages).toBeLessThanOrEqual(PAGE_BUDGET);
  expect({ width, height }).toEqual(A4);
});
