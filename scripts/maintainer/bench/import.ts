/**
 * `importBib` in process on a 2,000-entry library: into a résumé without publications, and 1,000
 * updates of a résumé that already lists all 2,000 (each update changes the venue and the
 * publisher text of one publication). The library is generated in the shape of a DBLP export,
 * with invented authors.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { importBib } from '../../../src/bib/import.js';
import { median, ms } from './measure.js';

export const IMPORT_TITLE = '## BibTeX import of a large library';

const ENTRIES = 2_000;
const UPDATES = 1_000;

function library(count: number, venue: string): string {
  return Array.from(
    { length: count },
    (_, index) => `@inproceedings{DBLP:conf/x/Ferreira${index},
  author       = {Tom{\\'{a}}s Ferreira and
                  Ingrid Solberg and
                  Yuki Tanabe},
  title        = {Contrastive Memory Banks for Continual Perception, Part ${index}},
  booktitle    = {${venue}},
  year         = {${2000 + (index % 26)}},
  url          = {https://example.org/papers/${index}},
}
`,
  ).join('\n');
}

/** Median of 3 timed runs after one warm-up; `reset` restores the résumé before each run. */
async function timeImport(
  bibPath: string,
  resumePath: string,
  reset: () => void,
  expected: { add: number; update: number },
): Promise<{ wall: number; cpu: number }> {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let run = 0; run < 4; run += 1) {
    reset();
    const started = performance.now();
    const usage = process.cpuUsage();
    const result = await importBib({ bibPath, resumePath, dryRun: false });
    const { user, system } = process.cpuUsage(usage);
    const count = (kind: string) => result.changes.filter((c) => c.kind === kind).length;
    if (!result.written || count('add') !== expected.add || count('update') !== expected.update) {
      throw new Error(
        `import of ${bibPath}: expected ${expected.add} added and ${expected.update} updated, got ${count('add')} and ${count('update')} (${result.failure ?? 'no failure'})`,
      );
    }
    if (run > 0) walls.push(performance.now() - started);
    if (run > 0) cpus.push((user + system) / 1000);
  }
  return { wall: median(walls), cpu: median(cpus) };
}

export async function importSection(scratch: string): Promise<string[]> {
  const lines = [
    IMPORT_TITLE,
    '',
    `\`importBib\` in process (read, parse, map, merge, edit, validate before and after, write through the lock): a ${ENTRIES.toLocaleString('en')}-entry library; median of 3 runs after one warm-up run, wall time and the CPU time of this process.`,
    '',
    `Load average when this section started: ${loadavg()
      .map((value) => value.toFixed(2))
      .join(', ')} on ${cpus().length} cores.`,
    '',
    '| case | median wall | median CPU | target (wall) |',
    '| ---- | ----------- | ---------- | ------------- |',
  ];
  const empty = join(scratch, 'import-empty.json');
  writeFileSync(empty, `${JSON.stringify({ basics: { name: 'Tomás Ferreira' } }, null, 2)}\n`);
  const full = join(scratch, 'import-full.json');
  const resume = join(scratch, 'import-resume.json');
  const all = join(scratch, 'library.bib');
  const moved = join(scratch, 'moved.bib');
  writeFileSync(all, library(ENTRIES, 'ICLR'));
  writeFileSync(moved, library(UPDATES, 'NeurIPS'));
  // The résumé that lists the whole library: the first import's result.
  copyFileSync(empty, full);
  await importBib({ bibPath: all, resumePath: full, dryRun: false });
  const cases = [
    {
      name: `${ENTRIES.toLocaleString('en')} entries into a résumé without publications`,
      bib: all,
      from: empty,
      expected: { add: ENTRIES, update: 0 },
    },
    {
      name: `${UPDATES.toLocaleString('en')} updates of a résumé with ${ENTRIES.toLocaleString('en')} publications`,
      bib: moved,
      from: full,
      expected: { add: 0, update: UPDATES },
    },
  ];
  for (const { name, bib, from, expected } of cases) {
    const time = await timeImport(bib, resume, () => copyFileSync(from, resume), expected);
    lines.push(
      `| ${name} | ${ms(time.wall)} | ${ms(time.cpu)} | ≤ 5 s: ${time.wall <= 5_000 ? 'met' : 'not met'} |`,
    );
  }
  return [...lines, ''];
}
