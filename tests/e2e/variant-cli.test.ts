/**
 * Variants from the command line: `npm run variant` for any JSON Resume client, and
 * `npm run export -- --variant` with its page budget, end to end with real Chromium.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { beforeAll, describe, expect, it } from 'vitest';
import { runScript, stackLines, type CliResult } from '../support/cli.js';
import { seedResumePath } from '../support/paths.js';
import { pdfInfo } from '../../src/maintainer/read-output.js';

const require = createRequire(import.meta.url);
const work = mkdtempSync(join(tmpdir(), 'variant-test-'));
const seed = JSON.parse(readFileSync(seedResumePath, 'utf8')) as Resume;

/** The seed whose academic variant is allowed one page only: it needs more. */
const tooLong = join(work, 'too-long.json');
writeFileSync(
  tooLong,
  JSON.stringify({
    ...seed,
    meta: { ...seed.meta, variants: { ...seed.meta?.variants, academic: { pageBudget: 1 } } },
  }),
);

let industry: CliResult;
let overBudget: CliResult;

beforeAll(async () => {
  [industry, overBudget] = await Promise.all([
    runScript('export', [
      ...['--resume', seedResumePath, '--variant', 'industry'],
      ...['--format', 'pdf', '--out', join(work, 'ind')],
    ]),
    runScript('export', [
      '--resume',
      tooLong,
      '--variant',
      'academic',
      '--format',
      'pdf',
      '--out',
      join(work, 'long'),
    ]),
  ]);
});

describe('npm run variant', () => {
  it('prints the industry variant as JSON the official validator accepts', async () => {
    const result = await runScript('variant', ['industry', '--resume', seedResumePath]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as Resume;
    expect(printed.basics?.name).toBe('Binjie Zhang');
    expect(printed.meta).not.toHaveProperty('variants');
    const { validate } = require('@jsonresume/schema') as {
      validate: (resume: unknown, callback: (errors: unknown, valid: boolean) => void) => void;
    };
    let valid = false;
    validate(printed, (_errors, ok) => (valid = ok));
    expect(valid).toBe(true);
  });

  it('rejects an unknown variant with exit 2, naming the defined ones', async () => {
    const result = await runScript('variant', ['marketing', '--resume', seedResumePath]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Unknown variant "marketing"');
    expect(result.stderr).toContain('academic, industry');
    expect(stackLines(result.stderr)).toEqual([]);
  });

  it('needs a name, and says which exist', async () => {
    const result = await runScript('variant', ['--resume', seedResumePath]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('academic, industry');
  });
});

describe('npm run export -- --variant', () => {
  it('writes the industry variant as a one-page A4 PDF', async () => {
    expect(industry.stderr).not.toContain('✖');
    expect(industry.code).toBe(0);
    const pdf = join(work, 'ind', 'resume-industry.pdf');
    expect(await pdfInfo(pdf)).toEqual({ pages: 1, width: 595, height: 842 });
    expect(existsSync(join(work, 'ind', 'resume.pdf'))).toBe(false);
  });

  it('fails with exit 3 when the variant needs more pages than its budget, naming what overflows', () => {
    expect(overBudget.code).toBe(3);
    expect(overBudget.stderr).toMatch(
      /resume-academic\.pdf has \d+ pages; the academic variant allows 1/,
    );
    expect(overBudget.stderr).toContain('meta.variants.academic.pageBudget');
    // The seed's later sections are beyond page 1.
    expect(overBudget.stderr).toMatch(/Beyond page 1: .*"Honors and Awards" \(page 2\)/);
    expect(stackLines(overBudget.stderr)).toEqual([]);
    // Written anyway, so the overflow can be looked at.
    expect(existsSync(join(work, 'long', 'resume-academic.pdf'))).toBe(true);
  });

  it('rejects an unknown variant with exit 2', async () => {
    const result = await runScript('export', [
      ...['--resume', seedResumePath],
      '--variant',
      'nope',
      '--format',
      'html',
      '--out',
      join(work, 'nope'),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Defined variants: academic, industry');
    expect(existsSync(join(work, 'nope'))).toBe(false);
  });
});
