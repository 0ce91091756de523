/**
 * `npm run bench`: whole-process wall times of our PDF export against `resumed export` and the
 * bare floor script on every installed engine, our export's phases, the preview's save → PDF
 * time, batch throughput, the theme's warm render, validation with thousands of errors and a
 * 2,000-entry BibTeX import. Prints the results and writes bench/RESULTS.md. Options:
 * `--rounds N` (default 7), `--saves N` (preview saves, default 20), `--only validation` or
 * `--only import` (re-measures that section only).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { browserVersion, findBrowser } from '../../src/browser/find.js';
import { installedEngines } from '../../src/browser/engines.js';
import { EXIT, defineCommand, runCommand } from '../../src/cli/run-command.js';
import { benchCli as text } from '../../src/cli/maintainer-messages.js';
import { BrowserUnavailableError, UsageError } from '../../src/errors.js';
import { loadTheme } from '../../src/export/theme-loader.js';
import { batchSection } from './bench/batch.js';
import { bibImportSection } from './bench/bib-import.js';
import { devWarmSection } from './bench/dev-warm.js';
import { exportSection } from './bench/exports.js';
import { themeRenderSection } from './bench/theme-render.js';
import { importSection } from './bench/import.js';
import { updateSection } from './bench/measure.js';
import { validationSection } from './bench/validation.js';

const root = process.cwd();
const RESULTS = join(root, 'bench', 'RESULTS.md');
const RESUME = 'resume.json';
const SEED = join(root, 'tests/fixtures/seed/resume.json');
const SAMPLE = join(root, 'node_modules/@jsonresume/schema/sample.resume.json');
const BIB_FIXTURES = join(root, 'tests/fixtures/bib');
const THEME = 'jsonresume-theme-camera-ready';
const BATCH_SIZE = 100;

const log = (line: string) => process.stderr.write(`${line}\n`);
const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');

/** A whole number ≥ 1 for `option`. */
const count = (option: string) => (value: string) => {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new UsageError(text.wholeNumber(option));
  return parsed;
};

const bench = defineCommand({
  usage: text.usage,
  about: text.about,
  notes: text.exitCodes,
  options: {
    rounds: {
      type: 'string',
      value: 'n',
      description: text.roundsOption,
      default: '7',
      parse: count('--rounds'),
    },
    saves: {
      type: 'string',
      value: 'n',
      description: text.savesOption,
      default: '20',
      parse: count('--saves'),
    },
    only: {
      type: 'string',
      value: 'section',
      description: text.onlyOption,
      parse: (value: string) => {
        if (value !== 'validation' && value !== 'import' && value !== 'bib')
          throw new UsageError(text.onlyValues);
        return value;
      },
    },
  },
  async run({ values }) {
    await measure(values.rounds, values.saves, values.only);
    return EXIT.ok;
  },
});

/** The sections `--only` re-measures on their own. */
const ONLY = {
  validation: validationSection,
  import: importSection,
  bib: (scratch: string) => bibImportSection(scratch, BIB_FIXTURES, root),
};

async function measure(
  rounds: number,
  saves: number,
  only: keyof typeof ONLY | undefined,
): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'bench-'));
  try {
    if (only) {
      const section = await ONLY[only](scratch);
      writeFileSync(RESULTS, updateSection(readFileSync(RESULTS, 'utf8'), section));
      log(text.updated(only));
      return;
    }
    const engines = installedEngines(process.env.PATH ?? '');
    const lookup = await findBrowser();
    const defaultEngine = engines.find((engine) => lookup.found && engine.path === lookup.path);
    if (!defaultEngine) {
      throw new BrowserUnavailableError(
        text.notAnEngine(lookup.found ? lookup.path : lookup.reason),
      );
    }
    const loadBefore = load();

    // The floor prints exactly the HTML our export prints.
    const html = join(scratch, 'resume.html');
    const resume = JSON.parse(readFileSync(join(root, RESUME), 'utf8')) as Resume;
    writeFileSync(html, await (await loadTheme(THEME, root)).render(resume));

    const sections = [
      ...(await exportSection({
        root,
        scratch,
        rounds,
        engines,
        defaultEngine,
        resume: RESUME,
        theme: THEME,
        html,
        log,
      })),
      ...(await devWarmSection({ root, scratch, seed: SEED, saves, log })),
      ...(await batchSection({
        root,
        scratch,
        sample: SAMPLE,
        theme: THEME,
        count: BATCH_SIZE,
        log,
      })),
      ...(await themeRenderSection(root, SAMPLE)),
      ...(await validationSection(scratch)),
      ...(await importSection(scratch)),
      ...(await bibImportSection(scratch, BIB_FIXTURES, root)),
    ];
    const loadAfter = load();

    const report = [
      '# Export benchmark',
      '',
      `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}.`,
      '',
      '## Machine',
      '',
      `- CPU: ${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores; memory ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
      `- Node ${process.version}`,
      ...engines.map(
        (engine) =>
          `- ${engine.name}: ${browserVersion(engine.path)} (${engine.path})${engine === defaultEngine ? ', the default of the export' : ''}`,
      ),
      `- Load average (1, 5, 15 min) before: ${loadBefore}; after: ${loadAfter} (other work on the machine inflates every figure)`,
      '',
      ...sections,
    ].join('\n');
    writeFileSync(RESULTS, report);
    process.stdout.write(`${report}\n`);
    log(text.wrote);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

runCommand(bench);
