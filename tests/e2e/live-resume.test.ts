/**
 * The live CV. Every other test reads the frozen copy in tests/fixtures/seed, so editing
 * resume.json breaks nothing but this: the README's commands, run on the file as it is now, find
 * it valid, it prints within its page budget of two A4 pages, and its industry variant keeps to one
 * page with the skills. Its `$schema` is a path to this version's schema file in the repository,
 * which editors resolve without fetching anything.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { pdfInfo, pdfPageTexts } from '../../src/maintainer/read-output.js';
import { SCHEMA_URL } from '../../src/resume/schema.js';
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

  const exported = await runScript('export', ['--format', 'pdf', '--out', out, '--quiet']);
  expect(exported.code, exported.stderr).toBe(0);
  const { pages, width, height } = await pdfInfo(join(out, 'resume.pdf'));
  expect(pages).toBeGreaterThan(0);
  expect(pages).toBeLessThanOrEqual(PAGE_BUDGET);
  expect({ width, height }).toEqual(A4);
});

test('the industry variant prints on one A4 page and keeps a skills section', async () => {
  const dir = join(out, 'industry');
  const exported = await runScript('export', [
    '--variant',
    'industry',
    '--format',
    'pdf',
    '--out',
    dir,
    '--quiet',
  ]);
  expect(exported.code, exported.stderr).toBe(0);
  const file = join(dir, 'resume-industry.pdf');
  expect((await pdfInfo(file)).pages).toBe(1);
  // Skills are where applicant-tracking systems look for keywords: the one page must keep them.
  const [page] = await pdfPageTexts(file);
  // The heading is resume.json's skills title, which the theme sets in capitals.
  expect(page).toContain('TECHNICAL SKILLS');
  expect(page).toContain('distributed multi-GPU training');
});

test('resume.json names the schema file of this version by a relative path', () => {
  const resume = JSON.parse(readFileSync(join(repoRoot, 'resume.json'), 'utf8')) as {
    $schema?: string;
  };
  const reference = resume.$schema ?? '';
  // Relative, so the clone works anywhere; no scheme, so editors read the file, not the network.
  expect(reference).toMatch(/^\.\.?\//);
  expect(isAbsolute(reference)).toBe(false);
  const file = resolve(repoRoot, reference);
  expect(existsSync(file), file).toBe(true);
  // The file is the schema this version validates with: its $id is the one the validator uses.
  const schema = JSON.parse(readFileSync(file, 'utf8')) as { $id?: string };
  expect(schema.$id).toBe(SCHEMA_URL);
});
