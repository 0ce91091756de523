/** `validateFile` in process on résumés of about 2 MB with thousands of errors. */
import { statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { validateFile } from '../../../src/resume/validate.js';
import { median, ms } from './measure.js';

/** Résumés of about 2 MB with `errors` problems of one kind: schema errors or syntax errors. */
const ERROR_KINDS = {
  'bad dates': (errors: number) => {
    const padding = 'x'.repeat(Math.max(0, Math.floor((2 * 1024 * 1024) / errors) - 60));
    const work = Array.from({ length: errors }, (_, index) => ({
      name: `Lab ${index}`,
      summary: padding,
      startDate: 'Present',
    }));
    return JSON.stringify({ basics: { name: 'Ada Example' }, work }, null, 1);
  },
  'trailing commas': (errors: number) => {
    const padding = 'x'.repeat(Math.max(0, Math.floor((2 * 1024 * 1024) / errors) - 60));
    const work = Array.from(
      { length: errors },
      (_, index) => `{"name":"Lab ${index}","summary":"${padding}","highlights":["a",]}`,
    );
    return `{"basics":{"name":"Ada Example"},"work":[\n${work.join(',\n')}\n]}`;
  },
};

export const VALIDATION_TITLE = '## Validation with thousands of errors';

/** `validateFile` in this process (what the preview server runs on every save), median of 3. */
export async function validationSection(scratch: string): Promise<string[]> {
  const lines = [
    VALIDATION_TITLE,
    '',
    '`validateFile` in process (read, parse, schema, locate every error, format the report) on résumés of about 2 MB: work entries that each hold a date the schema refuses, or each end a list with a trailing comma; median of 3 runs after one warm-up run, wall time and the CPU time of this process.',
    '',
    `Load average when this section started: ${loadavg()
      .map((value) => value.toFixed(2))
      .join(', ')} on ${cpus().length} cores (a busy machine inflates the wall times most).`,
    '',
    '| errors | kind | file size | median wall | median CPU | target (wall) |',
    '| ------ | ---- | --------- | ----------- | ---------- | ------------- |',
  ];
  for (const [kind, make] of Object.entries(ERROR_KINDS)) {
    for (const errors of [2_000, 8_000, 32_000]) {
      const path = join(scratch, `errors-${errors}.json`);
      writeFileSync(path, make(errors));
      const times: number[] = [];
      const cpu: number[] = [];
      for (let run = 0; run < 4; run += 1) {
        const started = performance.now();
        const usage = process.cpuUsage();
        const outcome = await validateFile(path);
        const { user, system } = process.cpuUsage(usage);
        if (run > 0) times.push(performance.now() - started);
        if (run > 0) cpu.push((user + system) / 1000);
        if (outcome.diagnostics.length !== errors) {
          throw new Error(
            `${kind}: expected ${errors} errors, found ${outcome.diagnostics.length}`,
          );
        }
      }
      const size = `${(statSync(path).size / 1024 ** 2).toFixed(1)} MiB`;
      const time = median(times);
      const target = errors === 32_000 ? `≤ 2 s: ${time <= 2_000 ? 'met' : 'not met'}` : '';
      lines.push(
        `| ${errors.toLocaleString('en')} | ${kind} | ${size} | ${ms(time)} | ${ms(median(cpu))} | ${target} |`,
      );
    }
  }
  return [...lines, ''];
}

/** Replaces (or adds) the section titled `title` of an existing RESULTS.md. */
export function replaceSection(results: string, title: string, section: string[]): string {
  const start = results.indexOf(title);
  if (start < 0) return `${results.trimEnd()}\n\n${section.join('\n')}`;
  const next = results.indexOf('\n## ', start + title.length);
  return `${results.slice(0, start)}${section.join('\n')}${next < 0 ? '' : results.slice(next + 1)}`;
}
