/**
 * The benchmark's whole-process sections (our export against resumed and the floor script, the
 * preview's save → PDF, batch throughput), and the timing and statistics they and the in-process
 * sections of bench.ts report with.
 */
import {
  copyFileSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { Resume } from 'jsonresume-theme-camera-ready';
import type { Engine } from '../../../src/browser/find-or-install.js';
import { describeError } from '../../../src/errors.js';
import { run, type RunOptions, type RunResult as CliResult } from '../../../src/maintainer/run.js';

interface Timed {
  ms: number;
  result: CliResult;
}

/** Runs a program to its exit, timed from spawn to exit: what a user waits for. */
async function timeProcess(
  command: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<Timed> {
  const started = performance.now();
  const result = await run(command, args, options);
  return { ms: performance.now() - started, result };
}

/** The first line of what a failed run printed, to say why in the report. */
function failure({ code, signal, stderr }: CliResult): string {
  const line = stderr.split('\n').find((text) => text.trim() !== '') ?? '';
  return `exit ${code ?? signal}${line ? `: ${line.trim()}` : ''}`;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile, `p` from 0 to 100 (the median of an even count is the lower one). */
function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const ms = (value: number) => (Number.isNaN(value) ? '—' : `${Math.round(value)} ms`);
export const ratio = (value: number) => (Number.isNaN(value) ? '—' : `${value.toFixed(2)}×`);

/** Size, inode and modification time: changes whenever a file is replaced, even by the same bytes. */
function fingerprint(path: string): string {
  try {
    const stat = statSync(path);
    return `${stat.ino}:${stat.mtimeMs}:${stat.size}`;
  } catch {
    return '';
  }
}

/** Polls `ready` every few milliseconds; fails after `timeoutMs` or when `gone` settles first. */
async function waitUntil(
  ready: () => boolean,
  timeoutMs: number,
  gone: Promise<CliResult>,
): Promise<void> {
  let exited: CliResult | undefined;
  void gone.then((result) => (exited = result));
  const deadline = performance.now() + timeoutMs;
  while (!ready()) {
    if (exited) throw new Error(`the program exited first (${failure(exited)})`);
    if (performance.now() > deadline) throw new Error(`nothing after ${timeoutMs} ms`);
    await delay(3);
  }
}

interface ExportBenchContext {
  root: string;
  scratch: string;
  rounds: number;
  engines: Engine[];
  /** The engine the export picks by itself. */
  defaultEngine: Engine;
  resume: string;
  theme: string;
  /** The HTML our export prints for `resume`, for the floor script. */
  html: string;
  log: (line: string) => void;
}

interface Contender {
  label: string;
  tool: 'ours' | 'resumed' | 'floor';
  engine: Engine;
  command(out: string, timings: boolean): [string, string[], RunOptions?];
}

const TIMINGS_LINE = /^timings (\{.*\})$/m;

/**
 * Whole processes, PDF only, same résumé and theme: our export on each engine, `resumed export`
 * on the full browser (the engine the JSON Resume clients use), and the bare floor script on each
 * engine, in alternating rounds. Our export's phases come from its `--timings` line when it has one.
 */
export async function exportSection(context: ExportBenchContext): Promise<string[]> {
  const { root, scratch, rounds, engines, resume, theme, html, log } = context;
  const clientEngine = engines.find((engine) => engine.kind === 'browser') ?? engines[0]!;
  const noSandbox = process.getuid?.() === 0 ? ['--puppeteer-arg=--no-sandbox'] : [];
  const engineEnv = (engine: Engine) => ({ env: { PUPPETEER_EXECUTABLE_PATH: engine.path } });
  const contenders: Contender[] = [
    ...engines.map((engine): Contender => ({
      label: 'ours',
      tool: 'ours',
      engine,
      command: (out, timings) => [
        process.execPath,
        [
          ...['build/scripts/export.js', '--resume', resume, '--theme', theme],
          ...['--format', 'pdf', '--out', out, ...(timings ? ['--timings'] : [])],
        ],
        engineEnv(engine),
      ],
    })),
    {
      label: 'resumed',
      tool: 'resumed',
      engine: clientEngine,
      command: (out) => [
        join(root, 'node_modules', '.bin', 'resumed'),
        ['export', resume, '--theme', theme, '--output', join(out, 'resume.pdf'), ...noSandbox],
        engineEnv(clientEngine),
      ],
    },
    ...engines.map((engine): Contender => ({
      label: 'floor',
      tool: 'floor',
      engine,
      command: (out) => [
        process.execPath,
        ['bench/floor.mjs', html, join(out, 'resume.pdf'), engine.path],
      ],
    })),
  ];
  const key = (contender: Contender) => `${contender.tool} ${contender.engine.name}`;
  const runOnce = (contender: Contender, round: number | 'warm-up', timings: boolean) => {
    const out = join(scratch, `${contender.tool}-${contender.engine.name}-${round}`);
    mkdirSync(out, { recursive: true });
    const [program, args, options] = contender.command(out, timings);
    return timeProcess(program, args, { cwd: root, ...options });
  };

  // One untimed run of each warms the file caches; ours, run with --timings, says whether the
  // export has that option.
  let timings = true;
  let timingsNote = '';
  for (const contender of contenders) {
    const warm = await runOnce(contender, 'warm-up', contender.tool === 'ours' && timings);
    if (contender.tool === 'ours' && timings && !TIMINGS_LINE.test(warm.result.stderr)) {
      timings = false;
      timingsNote = `our export has no \`--timings\` yet (${failure(warm.result)})`;
      await runOnce(contender, 'warm-up', false);
    }
  }

  const runs = new Map<string, (Timed | undefined)[]>();
  for (let round = 0; round < rounds; round += 1) {
    // Alternate the order, so no command always runs right after the same other one.
    const order = round % 2 === 0 ? contenders : [...contenders].reverse();
    for (const contender of order) {
      const timed = await runOnce(contender, round, contender.tool === 'ours' && timings);
      const ok = timed.result.code === 0;
      runs.set(key(contender), [...(runs.get(key(contender)) ?? []), ok ? timed : undefined]);
      log(
        `  round ${round + 1}/${rounds} ${key(contender)}: ${ok ? ms(timed.ms) : failure(timed.result)}`,
      );
    }
  }

  const times = (name: string) => (runs.get(name) ?? []).map((run) => run?.ms);
  const succeeded = (name: string) => times(name).filter((value) => value !== undefined);
  /** The median of the per-round ratios: each round's pair ran back to back under the same load. */
  const pairRatio = (name: string, other: string) =>
    median(
      times(name).flatMap((value, round) => {
        const against = times(other)[round];
        return value !== undefined && against !== undefined ? [value / against] : [];
      }),
    );
  const failed = (name: string) => times(name).length - succeeded(name).length;
  const verdict = (value: number, target: number) =>
    Number.isNaN(value)
      ? '—'
      : `${ratio(value)} (≤ ${target}: ${value <= target ? 'met' : 'not met'})`;

  const ours = (engine: Engine) => `ours ${engine.name}`;
  const resumed = `resumed ${clientEngine.name}`;
  const floor = (engine: Engine) => `floor ${engine.name}`;
  const shellPrintsSame = engines.some((engine) => engine.kind === 'headless-shell');
  const resumedTarget = shellPrintsSame ? 0.35 : 0.5;

  const lines = [
    '## Export, whole processes',
    '',
    `Wall time from spawn to exit, PDF only, of \`${resume}\` with \`${theme}\`; ${rounds} alternating rounds after one warm-up run of each; medians, and ratios as the median of the per-round ratios.`,
    '',
    '- ours: `node build/scripts/export.js --format pdf` (what `npm run export -- --format pdf` runs)',
    `- resumed: \`resumed export\` with the same theme, on ${clientEngine.name} (the engine resume-cli and resumed use)`,
    '- floor: `node bench/floor.mjs`: puppeteer launch → setContent → pdf → close, on the HTML our export prints',
    '',
    '| command | engine | median | failed runs |',
    '| ------- | ------ | ------ | ----------- |',
    ...contenders.map(
      (contender) =>
        `| ${contender.label} | ${contender.engine.name}${contender.engine === context.defaultEngine && contender.tool === 'ours' ? ' (default)' : ''} | ${ms(median(succeeded(key(contender))))} | ${failed(key(contender))} |`,
    ),
    '',
    '| ratio | value |',
    '| ----- | ----- |',
    `| ours (${context.defaultEngine.name}, the default) / resumed (${clientEngine.name}) | ${verdict(pairRatio(ours(context.defaultEngine), resumed), resumedTarget)} |`,
    ...engines.map(
      (engine) =>
        `| ours / floor, both on ${engine.name} | ${verdict(pairRatio(ours(engine), floor(engine)), 1.1)} |`,
    ),
    ...engines
      .filter((engine) => engine !== clientEngine)
      .map(
        (engine) =>
          `| floor on ${engine.name} / floor on ${clientEngine.name} | ${ratio(pairRatio(floor(engine), floor(clientEngine)))} |`,
      ),
    '',
    '### Phases of our export',
    '',
  ];
  if (!timings) return [...lines, `Not measured: ${timingsNote}.`, ''];
  lines.push(
    'Median of each phase reported by `--timings` over the timed runs, in ms (phases overlap: the browser starts while the résumé is validated and rendered).',
    '',
  );
  for (const engine of engines) {
    const phases = new Map<string, number[]>();
    for (const run of runs.get(ours(engine)) ?? []) {
      const json = TIMINGS_LINE.exec(run?.result.stderr ?? '')?.[1];
      if (!json) continue;
      for (const [phase, value] of Object.entries(JSON.parse(json) as Record<string, number>)) {
        phases.set(phase, [...(phases.get(phase) ?? []), value]);
      }
    }
    lines.push(
      `| ${engine.name} | ${[...phases.keys()].join(' | ')} |`,
      `| --- |${' --- |'.repeat(phases.size)}`,
      `| median | ${[...phases.values()].map((values) => ms(median(values))).join(' | ')} |`,
      '',
    );
  }
  return lines;
}

interface BatchContext {
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

/**
 * Batch export: many résumés in one `npm run export` with one browser, in résumés per second.
 * Measured only when the export takes several `--resume` options (two in, two PDFs out).
 */
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

interface DevWarmContext {
  root: string;
  scratch: string;
  seed: string;
  saves: number;
  log: (line: string) => void;
}

/** Saves before these are not counted: the first renders warm the theme and the page. */
const WARM_UP_SAVES = 2;
const PDF_TIMEOUT_MS = 60_000;
const WATCH_START_MS = 1000;

/**
 * The preview's warm path: `npm run dev -- --pdf` on a copy of the seed CV, the copy saved again
 * and again, each time from the save to the new PDF on disk.
 */
export async function devWarmSection(context: DevWarmContext): Promise<string[]> {
  const { root, scratch, saves, log } = context;
  const folder = join(scratch, 'dev');
  mkdirSync(folder, { recursive: true });
  const resumePath = join(folder, 'resume.json');
  copyFileSync(context.seed, resumePath);
  const seed = JSON.parse(readFileSync(resumePath, 'utf8')) as Resume;
  const pdf = join(folder, 'out', 'resume.pdf');

  const stop = new AbortController();
  const dev = run(
    process.execPath,
    [
      ...['build/scripts/dev.js', '--pdf', '--port', '0'],
      ...['--resume', resumePath, '--out', join(folder, 'out')],
    ],
    { cwd: root, signal: stop.signal, timeoutMs: 30 * 60_000 },
  );
  const times: number[] = [];
  try {
    await waitUntil(() => fingerprint(pdf) !== '', PDF_TIMEOUT_MS, dev);
    // The preview starts watching the résumé right after its first render: a save before that
    // would go unseen.
    await delay(WATCH_START_MS);
    for (let save = 0; save < WARM_UP_SAVES + saves; save += 1) {
      const before = fingerprint(pdf);
      // A new lastModified each time: a real change, which the preview renders and prints.
      const seconds = String(save % 60).padStart(2, '0');
      const minutes = String(Math.floor(save / 60) % 60).padStart(2, '0');
      const text = JSON.stringify(
        { ...seed, meta: { ...seed.meta, lastModified: `2026-01-01T00:${minutes}:${seconds}` } },
        null,
        2,
      );
      const savedAt = performance.now();
      writeFileSync(resumePath, text);
      await waitUntil(() => fingerprint(pdf) !== before, PDF_TIMEOUT_MS, dev);
      const elapsed = performance.now() - savedAt;
      if (save >= WARM_UP_SAVES) times.push(elapsed);
      const counted = save - WARM_UP_SAVES + 1;
      log(`  ${counted > 0 ? `save ${counted}/${saves}` : 'warm-up save'}: ${ms(elapsed)}`);
    }
  } catch (error) {
    stop.abort();
    const { stderr } = await dev;
    throw new Error(`preview: ${describeError(error)}; it printed:\n${stderr.trim()}`, {
      cause: error,
    });
  }
  stop.abort();
  await dev;
  const p95 = percentile(times, 95);
  return [
    '## Preview: save → new PDF',
    '',
    `\`npm run dev -- --pdf\` on a copy of the seed CV, saved ${saves} times (after ${WARM_UP_SAVES} uncounted saves), each a new \`meta.lastModified\`; time from the write of the résumé to the new PDF replacing the old one on disk.`,
    '',
    '| saves | p50 | p95 | max | target |',
    '| ----- | --- | --- | --- | ------ |',
    `| ${times.length} | ${ms(percentile(times, 50))} | ${ms(p95)} | ${ms(percentile(times, 100))} | p95 ≤ 300 ms: ${p95 <= 300 ? 'met' : 'not met'} |`,
    '',
  ];
}
