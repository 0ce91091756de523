/**
 * The real clients, our theme, installed as users install it: the packed theme in a fresh project,
 * rendered and exported by resume-cli 3.1.2 and resumed 6, naming the theme every way they allow.
 * Every output shows the owner and every publication title, and every PDF has our own exporter's
 * page count and page size (the theme's pdfRenderOptions make them agree).
 */
import { mkdtempSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Resume } from 'jsonresume-theme-camera-ready';
import {
  clientPlans,
  requiredTexts,
  runClients,
  type ClientsReport,
} from '../../src/maintainer/clients.js';
import { repoRoot, seedResumePath } from '../support/paths.js';

const work = mkdtempSync(join(tmpdir(), 'compat-clients-'));
// The same plans runClients will run, known now so each gets its own test.
const plans = clientPlans(repoRoot, join(work, 'project'), join(work, 'out'));

const resume = JSON.parse(await readFile(seedResumePath, 'utf8')) as Resume;
const required = requiredTexts(resume);

let report: ClientsReport;

beforeAll(async () => {
  report = await runClients(repoRoot, work, seedResumePath, required);
}, 300_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

it('our own exporter writes the reference PDF', () => {
  const { run, check } = report.reference;
  expect(run.result.code, run.result.stderr).toBe(0);
  expect(check.written).toBe(true);
  expect(check.missing).toEqual([]);
  expect(check.pdf?.pages).toBeGreaterThan(0);
});

describe.each(plans.map((plan, index) => ({ ...plan, index })))(
  '$client, theme by $how, $format',
  (plan) => {
    it("writes a file showing the owner's name and every publication title", () => {
      const { run, check } = report.outcomes[plan.index]!;
      expect(run.file).toBe(plan.args.find((arg) => arg === run.file));
      expect(run.result.code, run.result.stdout + run.result.stderr).toBe(0);
      // resume-cli says "Done!" and exits 0 even when it wrote nothing: the file is the proof.
      expect(check.written, run.result.stdout + run.result.stderr).toBe(true);
      expect(check.missing).toEqual([]);
    });

    if (plan.format === 'pdf') {
      it('has the same page count and page size as npm run export', () => {
        const { check } = report.outcomes[plan.index]!;
        expect(check.pdf).toEqual(report.reference.check.pdf);
      });
    }
  },
);
