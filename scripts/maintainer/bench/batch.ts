/**
 * Batch export: many résumés in one `npm run export` with one browser, in résumés per second.
 * Measured only when the export takes several `--resume` options (two in, two PDFs out).
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { failure, ms, timeProcess } from './measure.js';

export interface BatchContext {
  root: string;
  scratch: string;
  /** The résumé the generated ones are made from. */
  sample: string;
  theme: string;
  count: number;
  log: (line: string) => void;
}

/** Varied copies of the sample: each its own name, some without a section or two. */
function generate(sample: Resume, index: number): Resume {
  const { publications, volunteer, ...rest } = sample;
  return {
    ...rest,
    basics: { ...sample.basics, name: `Example Person ${index + 1}` },
    ...(index % 2 === 0 && publications && { publications }),
    ...(index % 3 !== 0 && volunteer && { volunteer }),
  };
}

const pdfsIn = (folder: string): number =>
  readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.pdf'))
    .length;

export async function batchSection(context: BatchContext): Promise<string[]> {
  const { root, scratch, theme, count, log } = context;
  const folder = join(scratch, 'batch');
  mkdirSync(folder, { recursive: true });
  const sample = JSON.parse(readFileSync(context.sample, 'utf8')) as Resume;
  const files = Array.from({ length: count }, (_, index) => {
    const path = join(folder, `resume-${String(index + 1).padStart(3, '0')}.json`);
    writeFileSync(path, JSON.stringify(generate(sample, index), null, 2));
    return path;
  });
  const exportAll = (inputs: string[], out: string) => {
    mkdirSync(out, { recursive: true });
    return timeProcess(
      process.execPath,
      [
        ...['build/scripts/export.js', '--theme', theme, '--format', 'pdf', '--out', out],
        ...inputs.flatMap((input) => ['--resume', input]),
      ],
      { cwd: root, timeoutMs: 30 * 60_000 },
    );
  };
  const title = ['## Batch export', ''];

  const probe = await exportAll(files.slice(0, 2), join(folder, 'probe'));
  const probed = pdfsIn(join(folder, 'probe'));
  if (probe.result.code !== 0 || probed !== 2) {
    const why = probe.result.code !== 0 ? failure(probe.result) : `${probed} PDF written for 2`;
    return [...title, `Not measured: the export takes one résumé at a time (${why}).`, ''];
  }
  const timed = await exportAll(files, join(folder, 'out'));
  const written = pdfsIn(join(folder, 'out'));
  log(`  batch of ${count}: ${ms(timed.ms)}, ${written} PDFs`);
  if (timed.result.code !== 0 || written !== count) {
    return [...title, `Failed: ${failure(timed.result)}; ${written} of ${count} PDFs written.`, ''];
  }
  return [
    ...title,
    `One \`npm run export -- --format pdf --resume … --resume …\` of ${count} résumés generated from the schema's sample (names and sections varied), whole process, one run.`,
    '',
    '| résumés | wall | résumés per second |',
    '| ------- | ---- | ------------------ |',
    `| ${count} | ${ms(timed.ms)} | ${(count / (timed.ms / 1000)).toFixed(1)} |`,
    '',
  ];
}
