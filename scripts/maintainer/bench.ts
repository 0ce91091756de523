/**
 * `npm run bench`: whole-process wall times of our PDF export against `resumed export` and the
 * bare floor script on every installed engine, our export's phases, the preview's save → PDF
 * time, batch throughput, the theme's warm render, validation with thousands of errors and a
 * 2,000-entry BibTeX import. Prints the results and writes bench/RESULTS.md. Options:
 * `--rounds N` (default 7), `--saves N` (preview saves, default 20), `--only validation` or
 * `--only import` (re-measures that section only).
 */
import {
  copyFileSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Resume } from 'jsonresume-theme-camera-ready';
import {
  browserVersion,
  findBrowser,
  installedEngines,
} from '../../src/browser/find-or-install.js';
import { importBib } from '../../src/bib/import.js';
import { EXIT, defineCommand, runCommand } from '../../src/cli/run-command.js';
import { BrowserUnavailableError, UsageError } from '../../src/errors.js';
import { loadTheme } from '../../src/export/theme-loader.js';
import { importTool, installOtherThemes } from '../../src/maintainer/other-themes.js';
import { validateFile } from '../../src/resume/validate.js';
import {
  batchSection,
  devWarmSection,
  exportSection,
  median,
  ms,
  ratio,
} from './bench/processes.js';

/** The texts of `npm run bench`. */
const text = {
  usage: 'Usage: npm run bench [-- --rounds N] [-- --saves N] [-- --only validation|import|bib]',
  about: [
    'Times whole processes, alternating: our PDF export, resumed export with our theme and the bare',
    'floor script (bench/floor.mjs) on every installed engine; our export’s phases (--timings); the',
    'preview’s save → PDF; batch throughput; the theme’s warm render; validation with thousands of',
    'errors; a 2,000-entry BibTeX import; the import of 1,000 entries against citation-js parsing',
    'them. Prints the results and writes bench/RESULTS.md. Run it on a quiet machine.',
  ].join('\n'),
  exitCodes: 'Exit codes: 0 measured, 2 bad option, 3 no engine to compare or a bug.',
  roundsOption: 'alternating rounds of whole-process exports',
  savesOption: 'preview saves timed (after two uncounted ones)',
  onlyOption: 're-measure one section of bench/RESULTS.md: validation, import or bib',
  onlyValues: '--only takes: validation, import, bib.',
  wholeNumber: (option: string): string => `${option} takes a whole number ≥ 1.`,
  notAnEngine: (browser: string): string =>
    `The export's browser (${browser}) is not one of the system's engines this benchmark compares. Run npm run setup-browser first, and unset PUPPETEER_EXECUTABLE_PATH.`,
  updated: (section: string): string => `✔ updated the ${section} section of bench/RESULTS.md`,
  wrote: '✔ wrote bench/RESULTS.md',
};

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

/** Replaces (or adds) one section of an existing RESULTS.md: the lines from its title to the next. */
function updateSection(results: string, section: readonly string[]): string {
  const title = section[0] ?? '';
  const start = results.indexOf(title);
  if (start < 0) return `${results.trimEnd()}\n\n${section.join('\n')}`;
  const next = results.indexOf('\n## ', start + title.length);
  return `${results.slice(0, start)}${section.join('\n')}${next < 0 ? '' : results.slice(next + 1)}`;
}

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

/** The theme's warm `render()` in process, against jsonresume-theme-even's. */
async function themeRenderSection(root: string, sample: string): Promise<string[]> {
  const resume = JSON.parse(readFileSync(sample, 'utf8')) as Resume;
  const ours = await warmRender(
    (await loadTheme('jsonresume-theme-camera-ready', root)).render,
    resume,
  );
  const themes = await installOtherThemes(root);
  const even = await warmRender((await loadTheme('jsonresume-theme-even', themes)).render, resume);
  return [
    '## Theme render, warm, in process',
    '',
    '`render(sample.resume.json)`, median per call over 300 calls after 30 warm-up calls.',
    '',
    '| theme | median per call |',
    '| ----- | --------------- |',
    `| jsonresume-theme-camera-ready | ${ours.toFixed(3)} ms |`,
    `| jsonresume-theme-even | ${even.toFixed(3)} ms |`,
    '',
    `Ratio ${ratio(ours / even)} (target ≤ 0.50×: ${ours / even <= 0.5 ? 'met' : 'not met'}).`,
    '',
  ];
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

/**
 * `validateFile` in this process (what the preview server runs on every save) on résumés of about
 * 2 MB with thousands of errors, median of 3.
 */
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
  return [...lines, ''];
}

const IMPORT_TITLE = '## BibTeX import of a large library';

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

/**
 * `importBib` in process on a 2,000-entry library: into a résumé without publications, and 1,000
 * updates of a résumé that already lists all 2,000 (each update changes the venue and the
 * publisher text of one publication). The library is generated in the shape of a DBLP export,
 * with invented authors.
 */
async function importSection(scratch: string): Promise<string[]> {
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

/** The part of citation-js the bench uses; the packages ship no types. */
interface CitationJs {
  Cite: new (data: string) => { data: unknown[] };
}

const BIB_TITLE = '## BibTeX import of 1,000 entries';
const BIB_ENTRIES = 1_000;
/** Measured runs of each, after one warm-up run each. */
const RUNS = 5;
/** What the import takes at most, against citation-js's parse of the same file. */
const TARGET_RATIO = 2;

/**
 * 1,000 entries in the shapes of the corpus (ADS, dblp, Scholar, Zotero, al-folio, arXiv), each
 * with its own key and title, so that none is a version of another.
 */
function thousandEntries(fixtures: string): string {
  const entries = readdirSync(fixtures)
    .filter((file) => file.endsWith('.bib') && file !== 'malformed.bib')
    .flatMap((file) => readFileSync(join(fixtures, file), 'utf8').split(/\n(?=@)/))
    .map((text) => text.trim())
    .filter((text) => /^@(?!string|proceedings|comment|preamble)[a-z]+\{/i.test(text));
  const out: string[] = [];
  for (let i = 0; out.length < BIB_ENTRIES; i++) {
    out.push(
      entries[i % entries.length]!.replace(/^(@\w+\{)([^,]+),/, `$1$2x${i},`)
        .replace(/(\btitle\s*=\s*["{]+)/i, `$1Study ${i} of `)
        .replace(/\b(doi|eprint|arxiv)(\s*=\s*\{)/gi, `$1$2${i}`),
    );
  }
  return `${out.join('\n\n')}\n`;
}

/**
 * The whole BibTeX import (read, parse, map, merge, edit, validate, write) of 1,000 entries,
 * against citation-js parsing the same file, in this process: median of 5 after a warm-up each.
 */
async function bibImportSection(
  scratch: string,
  fixtures: string,
  repoRoot: string,
): Promise<string[]> {
  // citation-js lives in the tools project (tests/other-themes), installed on demand.
  const { Cite } = (await importTool(repoRoot, '@citation-js/core')) as CitationJs;
  await importTool(repoRoot, '@citation-js/plugin-bibtex');
  const bibPath = join(scratch, 'thousand.bib');
  const text = thousandEntries(fixtures);
  writeFileSync(bibPath, text);
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let run = 0; run < RUNS + 1; run++) {
    let started = performance.now();
    const cited = new Cite(text);
    if (run > 0) theirs.push(performance.now() - started);
    const resumePath = join(scratch, `bib-resume-${run}.json`);
    writeFileSync(resumePath, '{ "basics": { "name": "Tomás Ferreira" } }\n');
    started = performance.now();
    const result = await importBib({ bibPath, resumePath, dryRun: false });
    if (run > 0) ours.push(performance.now() - started);
    if (!result.written || cited.data.length < BIB_ENTRIES) {
      throw new Error(
        `bib import: ${result.changes.length} changes, citation-js ${cited.data.length} items`,
      );
    }
  }
  const ratio = median(ours) / median(theirs);
  return [
    BIB_TITLE,
    '',
    `\`importBib\` (read, parse, map, merge, edit, validate, write) on ${BIB_ENTRIES.toLocaleString('en')} entries in the corpus's shapes (${(text.length / 1024).toFixed(0)} KiB), and \`new Cite(text)\` of citation-js on the same file, in one process; median of ${RUNS} runs after one warm-up run each. Load average when it started: ${loadavg()
      .map((value) => value.toFixed(2))
      .join(', ')} on ${cpus().length} cores.`,
    '',
    '| ours | citation-js | ratio | target |',
    '| ---- | ----------- | ----- | ------ |',
    `| ${ms(median(ours))} | ${ms(median(theirs))} | ${ratio.toFixed(2)} | ≤ ${TARGET_RATIO}: ${ratio <= TARGET_RATIO ? 'met' : 'not met'} |`,
    '',
  ];
}

runCommand(bench);
