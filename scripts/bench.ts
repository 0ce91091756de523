/**
 * `npm run bench`: wall time of our export against `resumed export` and a bare puppeteer script
 * (the floor), in alternating rounds, plus the theme's warm render time against
 * jsonresume-theme-even's, and validation time for files with thousands of errors. Writes
 * bench/RESULTS.md. `npm run bench -- --only validation` re-measures only the last section.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { browserVersion, findBrowser } from '../src/browser/browser.js';
import { parseCliArgs } from '../src/cli/cli-args.js';
import { loadTheme } from '../src/export/theme-loader.js';
import { validateFile } from '../src/resume/validate.js';

const root = process.cwd();
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const SAMPLE = join(root, 'node_modules/@jsonresume/schema/sample.resume.json');

interface Input {
  label: string;
  resume: string;
  theme: string;
}
const INPUTS: Input[] = [
  { label: 'sample.resume.json + even', resume: SAMPLE, theme: 'jsonresume-theme-even' },
  {
    label: 'resume.json + camera-ready',
    resume: 'resume.json',
    theme: 'jsonresume-theme-camera-ready',
  },
];

type Tool = 'ours' | 'resumed' | 'floor';
const TOOLS: Tool[] = ['ours', 'resumed', 'floor'];

interface Run {
  ms: number;
  stderr: string;
}

function timed(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      if (code === 0) resolve({ ms, stderr });
      else reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${stderr}`));
    });
  });
}

const ourArgs = (input: Input, out: string) => [
  ...['--resume', input.resume, '--theme', input.theme, '--out', out],
];

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const ms = (value: number) => `${Math.round(value)} ms`;
const ratio = (value: number) => `${value.toFixed(2)}×`;

/** Median time per call of a warm `render`, after warm-up calls. */
async function warmRender(render: (resume: Resume) => Promise<string>, resume: Resume) {
  for (let i = 0; i < 30; i += 1) await render(resume);
  const times: number[] = [];
  for (let i = 0; i < 300; i += 1) {
    const started = performance.now();
    await render(resume);
    times.push(performance.now() - started);
  }
  return median(times);
}

/** Median of each "✔ step … (N ms)" progress line over the runs, by step. */
function stepMedians(runs: (Run | undefined)[]): [string, number][] {
  const byStep = new Map<string, number[]>();
  for (const run of runs) {
    for (const [line, verb, value] of (run?.stderr ?? '').matchAll(/^✔ (\w+).*\((\d+) ms\)$/gm)) {
      const step = line.includes('.pdf')
        ? 'load page, print, pdf-lib, write pdf'
        : line.includes('.html')
          ? 'write html'
          : verb!;
      byStep.set(step, [...(byStep.get(step) ?? []), Number(value)]);
    }
  }
  return [...byStep].map(([step, values]) => [step, median(values)]);
}

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

const VALIDATION_TITLE = '## Validation with thousands of errors';

/** `validateFile` in this process (what the preview server runs on every save), median of 3. */
async function validationSection(scratch: string): Promise<string[]> {
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
  process.stderr.write(`${lines.slice(-6).join('\n')}\n`);
  return [...lines, ''];
}

/** Replaces (or adds) the validation section of an existing RESULTS.md. */
function updateValidationSection(results: string, section: string[]): string {
  const start = results.indexOf(VALIDATION_TITLE);
  if (start < 0) return `${results.trimEnd()}\n\n${section.join('\n')}`;
  const next = results.indexOf('\n## ', start + VALIDATION_TITLE.length);
  return `${results.slice(0, start)}${section.join('\n')}${next < 0 ? '' : results.slice(next + 1)}`;
}

async function main(): Promise<void> {
  const parsed = parseCliArgs(process.argv.slice(2), {
    rounds: { type: 'string' },
    only: { type: 'string' },
  });
  if (!parsed.ok) throw new Error(parsed.message);
  const resultsPath = join(root, 'bench', 'RESULTS.md');
  if (parsed.values.only !== undefined) {
    if (parsed.values.only !== 'validation') throw new Error('--only takes: validation');
    const scratch = mkdtempSync(join(tmpdir(), 'bench-'));
    const section = await validationSection(scratch);
    rmSync(scratch, { recursive: true, force: true });
    writeFileSync(resultsPath, updateValidationSection(readFileSync(resultsPath, 'utf8'), section));
    process.stderr.write(`✔ updated the validation section of bench/RESULTS.md\n`);
    return;
  }
  const rounds = Number(parsed.values.rounds ?? 5);
  const lookup = await findBrowser();
  if (!lookup.found) throw new Error(`${lookup.reason} Run npm run setup-browser first.`);
  const chromium = lookup.path;
  const scratch = mkdtempSync(join(tmpdir(), 'bench-'));
  const asRoot = process.getuid?.() === 0;
  const load = loadavg().map((value) => value.toFixed(2));

  // The floor prints exactly the HTML our export writes.
  const html = new Map<string, string>();
  for (const input of INPUTS) {
    const theme = await loadTheme(input.theme, root);
    const resume = JSON.parse(readFileSync(resolve(root, input.resume), 'utf8')) as Resume;
    const path = join(scratch, `${input.label.replace(/\W+/g, '-')}.html`);
    writeFileSync(path, await theme.render(resume));
    html.set(input.label, path);
  }

  const command = (
    tool: Tool,
    input: Input,
    round: number,
  ): [string, string[], NodeJS.ProcessEnv?] => {
    const out = join(scratch, `${tool}-${round}`);
    switch (tool) {
      case 'ours':
        return [process.execPath, ['build/scripts/export.js', ...ourArgs(input, out)]];
      case 'resumed':
        return [
          bin('resumed'),
          [
            'export',
            input.resume,
            '--theme',
            input.theme,
            '--output',
            `${out}.pdf`,
            ...(asRoot ? ['--puppeteer-arg=--no-sandbox'] : []),
          ],
          { PUPPETEER_EXECUTABLE_PATH: chromium },
        ];
      case 'floor':
        return [
          process.execPath,
          ['bench/floor.mjs', html.get(input.label)!, `${out}.pdf`, chromium],
        ];
    }
  };

  // One untimed run of each, so every tool starts with warm file caches.
  for (const input of INPUTS) {
    for (const tool of TOOLS) await timed(...command(tool, input, -1)).catch(() => undefined);
  }

  const runs = new Map<string, (Run | undefined)[]>();
  for (let round = 0; round < rounds; round += 1) {
    for (const input of INPUTS) {
      // Alternate the order, so no tool always runs right after another.
      const order = round % 2 === 0 ? TOOLS : [...TOOLS].reverse();
      for (const tool of order) {
        // A failed run (resumed's network-idle wait can time out on a busy machine) is counted,
        // not fatal: its round drops out of that tool's ratios.
        const run = await timed(...command(tool, input, round)).catch((error: unknown) => {
          process.stderr.write(`  ${error instanceof Error ? error.message.split('\n')[0] : ''}\n`);
          return undefined;
        });
        const key = `${input.label}|${tool}`;
        runs.set(key, [...(runs.get(key) ?? []), run]);
        process.stderr.write(
          `  round ${round + 1}/${rounds} ${input.label} ${tool}: ${run ? ms(run.ms) : 'failed'}\n`,
        );
      }
    }
  }

  // Start-up costs that explain the difference to the floor.
  const startup: [string, string, string[]][] = [
    ['node, empty script', process.execPath, ['-e', '0']],
    ['node: import puppeteer', process.execPath, ['-e', "import('puppeteer')"]],
    ['node: import pdf-lib', process.execPath, ['-e', "import('pdf-lib')"]],
    [
      'node: import build/src/resume/validate.js',
      process.execPath,
      ['-e', "import('./build/src/resume/validate.js')"],
    ],
    ['node: import the theme', process.execPath, ['-e', "import('jsonresume-theme-camera-ready')"]],
  ];
  const startupTimes: [string, number][] = [];
  for (const [label, program, args] of startup) {
    const times: number[] = [];
    for (let i = 0; i < rounds; i += 1) times.push((await timed(program, args)).ms);
    startupTimes.push([label, median(times)]);
  }

  const sample = JSON.parse(readFileSync(SAMPLE, 'utf8')) as Resume;
  const ours = await loadTheme('jsonresume-theme-camera-ready', root);
  const even = await loadTheme('jsonresume-theme-even', root);
  const oursRender = await warmRender(ours.render, sample);
  const evenRender = await warmRender(even.render, sample);
  const validation = await validationSection(scratch);
  rmSync(scratch, { recursive: true, force: true });

  const lines: string[] = [
    '# Export benchmark',
    '',
    `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${rounds} alternating rounds after one warm-up run each; wall time of each command as a child process; medians, and the median of the per-round ratios.`,
    '',
    '## Machine',
    '',
    `- CPU: ${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores`,
    `- Memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- Node ${process.version}; ${browserVersion(chromium)} (${chromium})`,
    `- Load average when the run started: ${load.join(', ')} (other work on the machine inflates every figure alike)`,
    '',
    '## Export, HTML + PDF (ours) vs PDF only (resumed, floor)',
    '',
    '- ours: `node build/scripts/export.js` (what `npm run export` runs), writes resume.html and resume.pdf',
    '- resumed: `resumed export` 6.1 on the same résumé and theme',
    '- floor: `node bench/floor.mjs`: import puppeteer, launch, setContent, pdf, close, on the same HTML',
    '',
    '| input | command | median | ours / resumed | ours / floor |',
    '| ----- | ------- | ------ | -------------- | ------------ |',
  ];
  for (const input of INPUTS) {
    const times = (tool: Tool) => (runs.get(`${input.label}|${tool}`) ?? []).map((run) => run?.ms);
    const succeeded = (tool: Tool) => times(tool).filter((value) => value !== undefined);
    const pairRatio = (tool: Tool, other: Tool) => {
      const pairs = times(tool).flatMap((value, index) => {
        const against = times(other)[index];
        return value !== undefined && against !== undefined ? [value / against] : [];
      });
      return pairs.length > 0 ? median(pairs) : undefined;
    };
    const failures = (tool: Tool) => {
      const failed = times(tool).length - succeeded(tool).length;
      return failed > 0 ? ` (${failed} of ${rounds} runs failed)` : '';
    };
    for (const tool of TOOLS) {
      const ours = tool === 'ours';
      const vsResumed = ours ? pairRatio(tool, 'resumed') : undefined;
      const vsFloor = ours ? pairRatio(tool, 'floor') : undefined;
      const verdict = (value: number | undefined, target: number) =>
        value === undefined
          ? ''
          : `${ratio(value)} (target ≤ ${target}: ${value <= target ? 'met' : 'not met'})`;
      lines.push(
        `| ${input.label} | ${tool} | ${ms(median(succeeded(tool)))}${failures(tool)} | ${verdict(vsResumed, 0.6)} | ${verdict(vsFloor, 1.15)} |`,
      );
    }
  }

  lines.push(
    '',
    '## Where our export spends its time',
    '',
    'Median of the progress lines of our runs (Chromium starts in the background while the résumé is validated and rendered, so the steps overlap):',
    '',
    '| input | step | median |',
    '| ----- | ---- | ------ |',
  );
  for (const input of INPUTS) {
    for (const [step, value] of stepMedians(runs.get(`${input.label}|ours`) ?? [])) {
      lines.push(`| ${input.label} | ${step} | ${ms(value)} |`);
    }
  }
  lines.push(
    '',
    'Start-up costs, each a child process on its own (median):',
    '',
    '| what | wall |',
    '| ---- | ---- |',
  );
  for (const [label, value] of startupTimes) lines.push(`| ${label} | ${ms(value)} |`);

  const renderRatio = oursRender / evenRender;
  lines.push(
    '',
    '## Theme render, warm, in process',
    '',
    `\`render(sample.resume.json)\`, median per call over 300 calls after 30 warm-up calls.`,
    '',
    '| theme | median per call |',
    '| ----- | --------------- |',
    `| jsonresume-theme-camera-ready | ${oursRender.toFixed(3)} ms |`,
    `| jsonresume-theme-even | ${evenRender.toFixed(3)} ms |`,
    '',
    `Ratio ${ratio(renderRatio)} (target ≤ 0.50×: ${renderRatio <= 0.5 ? 'met' : 'not met'}).`,
    '',
    ...validation,
  );
  writeFileSync(resultsPath, lines.join('\n'));
  process.stderr.write(`✔ wrote bench/RESULTS.md\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`✖ ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(3);
});
