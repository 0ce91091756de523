/**
 * The real clients, our theme, installed as users install it: the packed theme in a fresh project,
 * rendered and exported by resume-cli 3.1.2 and resumed 6, naming the theme every way they allow.
 * Every output shows the owner and every publication title, and every PDF has our own exporter's
 * page count and page size (the theme's pdfRenderOptions make them agree).
 */
import { mkdtempSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Resume } from 'jsonresume-theme-camera-ready';
import {
  checkOutput,
  clientPlans,
  ourExport,
  packTheme,
  runPlan,
  userProject,
  type ClientRun,
  type OutputCheck,
} from './support/clients.js';
import { resumePath } from './support/paths.js';

const work = mkdtempSync(join(tmpdir(), 'compat-clients-'));
const project = join(work, 'project');
const out = join(work, 'out');
const plans = clientPlans(project, out);

const resume = JSON.parse(await readFile(resumePath, 'utf8')) as Resume;
const required = [
  resume.basics?.name ?? '',
  ...(resume.publications ?? []).map((publication) => publication.name ?? ''),
].filter(Boolean);

const runs = new Map<string, { run: ClientRun; check: OutputCheck }>();
let reference: { run: ClientRun; check: OutputCheck };

const key = (plan: { client: string; how: string; format: string }) =>
  `${plan.client} ${plan.how} ${plan.format}`;

beforeAll(async () => {
  await mkdir(out);
  const tarball = await packTheme(work);
  await userProject(project, tarball);
  const queue = plans.map((plan) => async () => {
    const run = await runPlan(plan);
    runs.set(key(plan), { run, check: await checkOutput(run, required) });
  });
  queue.push(async () => {
    const run = await ourExport(out);
    reference = { run, check: await checkOutput(run, required) };
  });
  // Two at a time: the PDF runs each start Chromium.
  await Promise.all(
    [0, 1].map(async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await next();
    }),
  );
}, 300_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

it('our own exporter writes the reference PDF', () => {
  expect(reference.run.result.code, reference.run.result.stderr).toBe(0);
  expect(reference.check.written).toBe(true);
  expect(reference.check.missing).toEqual([]);
  expect(reference.check.pdf?.pages).toBeGreaterThan(0);
});

describe.each(plans)('$client, theme by $how, $format', (plan) => {
  it("writes a file showing the owner's name and every publication title", () => {
    const outcome = runs.get(key(plan));
    expect(outcome).toBeDefined();
    const { run, check } = outcome!;
    expect(run.result.code, run.result.stdout + run.result.stderr).toBe(0);
    // resume-cli says "Done!" and exits 0 even when it wrote nothing: the file is the proof.
    expect(check.written, run.result.stdout + run.result.stderr).toBe(true);
    expect(check.missing).toEqual([]);
  });

  if (plan.format === 'pdf') {
    it('has the same page count and page size as npm run export', () => {
      const { check } = runs.get(key(plan))!;
      expect(check.pdf).toEqual(reference.check.pdf);
    });
  }
});
