/**
 * Whole processes, PDF only, same résumé and theme: our export on each engine, `resumed export`
 * on the full browser (the engine the JSON Resume clients use), and the bare floor script on each
 * engine, in alternating rounds. Our export's phases come from its `--timings` line when it has one.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Engine } from '../../../src/browser/find-or-install.js';
import type { RunOptions } from '../../../src/maintainer/run.js';
import { failure, median, ms, ratio, timeProcess, type Timed } from './measure.js';

export interface ExportBenchContext {
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
