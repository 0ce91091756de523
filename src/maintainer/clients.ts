/**
 * Our theme in the real JSON Resume clients, installed the way users install it: `npm pack`,
 * then `npm install <tarball>` in a fresh project beside resumed and puppeteer, with the
 * environment the clients need to find Chromium here. The compatibility tests assert on these
 * runs and `npm run compat` tabulates them. `root` is the repository the theme workspace and our
 * exporter come from.
 */
import { copyFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { findBrowser, installedEngines } from '../browser/find-or-install.js';
import { htmlToText, pdfInfo, pdfText, type PdfInfo } from './read-output.js';
import { failed, inPool, packageVersion, run, runScript, type RunResult } from './run.js';

const THEME_PACKAGE = 'jsonresume-theme-camera-ready';
/** The newest resume-cli that installs from the registry (3.7 depends on a package it lacks). */
export const RESUME_CLI_VERSION = '3.1.2';

/**
 * What both clients need to find and start Chromium here: the browser our exporter would use
 * (src/browser/find-or-install.ts), named the way puppeteer reads it, and no sandbox for resume-cli as root.
 * Where the exporter would use a headless shell, the clients get the system's full browser: they
 * launch with puppeteer's switches, without the one that makes the shell lay text out the same.
 */
let clientEnv: Promise<NodeJS.ProcessEnv> | undefined;
function clientEnvironment(): Promise<NodeJS.ProcessEnv> {
  clientEnv ??= findBrowser().then((lookup) => {
    if (!lookup.found) throw new Error(`The client tests need Chromium: ${lookup.reason}`);
    const browser = installedEngines(process.env.PATH ?? '').find(
      (engine) => engine.kind === 'browser',
    );
    const path = lookup.source === 'system' && browser ? browser.path : lookup.path;
    return {
      PUPPETEER_EXECUTABLE_PATH: path,
      PUPPETEER_SKIP_DOWNLOAD: '1',
      RESUME_PUPPETEER_NO_SANDBOX: '1',
    };
  });
  return clientEnv;
}

/** Chromium refuses to start as root without this. */
const NO_SANDBOX = process.getuid?.() === 0 ? ['--puppeteer-arg=--no-sandbox'] : [];

/** `npm pack` of the theme workspace into `dir`; returns the tarball's path. */
async function packTheme(root: string, dir: string): Promise<string> {
  const result = await run(
    'npm',
    ['pack', '--workspace', 'theme', '--pack-destination', dir, '--json'],
    { cwd: root },
  );
  if (result.code !== 0) throw failed('npm pack', result);
  const [packed] = JSON.parse(result.stdout) as { filename: string }[];
  if (!packed) throw failed('npm pack (no file)', result);
  return join(dir, packed.filename);
}

/**
 * A user's project in `dir`: its own package.json, the theme tarball, resume-cli, and resumed with
 * its puppeteer peer (the repository's versions, so npm's cache usually has them), plus a copy of
 * `resumePath` as resume.json. Install scripts are skipped as the README tells resume-cli users
 * to: its puppeteer would try to download a browser.
 */
async function userProject(
  root: string,
  dir: string,
  tarball: string,
  resumePath: string,
): Promise<string> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'package.json'), '{ "name": "cv-user", "private": true }\n');
  await copyFile(resumePath, join(dir, 'resume.json'));
  const packages = [
    tarball,
    `resume-cli@${RESUME_CLI_VERSION}`,
    `resumed@${await packageVersion(root, 'resumed')}`,
    `puppeteer@${await packageVersion(root, 'puppeteer')}`,
  ];
  const result = await run(
    'npm',
    ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline', ...packages],
    { cwd: dir, env: await clientEnvironment(), timeoutMs: 300_000 },
  );
  if (result.code !== 0) throw failed('npm install', result);
  return dir;
}

/** What every client's output must show: the owner's name and every publication title. */
export function requiredTexts(resume: Resume): string[] {
  const texts = [resume.basics?.name, ...(resume.publications ?? []).map((p) => p.name)];
  return texts.filter((text): text is string => Boolean(text));
}

type Format = 'html' | 'pdf';

/** One way of producing the résumé with a client. */
export interface ClientRun {
  client: 'resume-cli' | 'resumed' | 'camera-ready export';
  /** How the theme was named, as a reader of the table would type it. */
  how: string;
  format: Format;
  file: string;
  command: string;
  result: RunResult;
}

interface Plan {
  client: ClientRun['client'];
  how: string;
  format: Format;
  program: string;
  args: string[];
  cwd: string;
}

/**
 * Every client × theme naming × format we support, on the project's resume.json, writing into
 * `out`; `root` is the repository whose ./theme folder resume-cli is also pointed at.
 */
export function clientPlans(root: string, project: string, out: string): Plan[] {
  const resume = join(project, 'resume.json');
  const resumeCli = join(project, 'node_modules', '.bin', 'resume');
  const resumed = join(project, 'node_modules', '.bin', 'resumed');
  const plans: Plan[] = [];
  for (const format of ['html', 'pdf'] as const) {
    plans.push(
      {
        client: 'resume-cli',
        how: `--theme ${THEME_PACKAGE} (installed tarball)`,
        format,
        program: resumeCli,
        args: ['export', join(out, `resume-cli-package.${format}`), '--theme', THEME_PACKAGE],
        cwd: project,
      },
      {
        client: 'resume-cli',
        how: '--theme ./theme (repository folder)',
        format,
        program: resumeCli,
        args: [
          ...['export', join(out, `resume-cli-folder.${format}`), '--theme', './theme'],
          ...['--resume', resume],
        ],
        cwd: root,
      },
    );
  }
  const resumedCommand = { html: 'render', pdf: 'export' } as const;
  for (const format of ['html', 'pdf'] as const) {
    const extra = format === 'pdf' ? NO_SANDBOX : [];
    plans.push(
      {
        client: 'resumed',
        how: `--theme ${THEME_PACKAGE} (installed tarball)`,
        format,
        program: resumed,
        args: [
          ...[resumedCommand[format], 'resume.json', '-o', join(out, `resumed-option.${format}`)],
          ...['--theme', THEME_PACKAGE, ...extra],
        ],
        cwd: project,
      },
      {
        client: 'resumed',
        how: `meta.theme (installed tarball)`,
        format,
        program: resumed,
        args: [
          resumedCommand[format],
          'resume.json',
          '-o',
          join(out, `resumed-meta.${format}`),
          ...extra,
        ],
        cwd: project,
      },
    );
  }
  return plans;
}

async function runPlan(plan: Plan): Promise<ClientRun> {
  const file = plan.args.find((arg) => arg.endsWith(`.${plan.format}`)) ?? '';
  const result = await run(plan.program, plan.args, {
    cwd: plan.cwd,
    env: await clientEnvironment(),
  });
  const command = [
    plan.program.split('/').pop(),
    ...plan.args.map((arg) => arg.replace(/^.*\//, '')),
  ].join(' ');
  return { client: plan.client, how: plan.how, format: plan.format, file, command, result };
}

/** Our own exporter (`npm run export`) on the same résumé, for the reference PDF. */
async function ourExport(root: string, resume: string, out: string): Promise<ClientRun> {
  const dir = join(out, 'camera-ready');
  const args = ['--resume', resume, '--out', dir, '--format', 'pdf', '--quiet'];
  const result = await runScript(root, 'export', args);
  return {
    client: 'camera-ready export',
    how: 'npm run export',
    format: 'pdf',
    file: join(dir, 'resume.pdf'),
    command: `npm run export -- --resume ${resume} --out ${dir} --format pdf`,
    result,
  };
}

export interface OutputCheck {
  /** The file exists and is not empty (resume-cli reports success even when it wrote nothing). */
  written: boolean;
  /** Required texts not found in the output. */
  missing: string[];
  /** For PDFs. */
  pdf?: PdfInfo;
}

/** Reads what a client wrote and looks for `required` in its text. */
async function checkOutput(output: ClientRun, required: readonly string[]): Promise<OutputCheck> {
  const size = await stat(output.file).then(
    (s) => s.size,
    () => 0,
  );
  if (size === 0) return { written: false, missing: [...required] };
  const text =
    output.format === 'pdf'
      ? await pdfText(output.file)
      : htmlToText(await readFile(output.file, 'utf8'));
  const missing = required.filter((fact) => !text.includes(fact));
  return output.format === 'pdf'
    ? { written: true, missing, pdf: await pdfInfo(output.file) }
    : { written: true, missing };
}

export interface ClientOutcome {
  run: ClientRun;
  check: OutputCheck;
}

export interface ClientsReport {
  /** One per plan, in the order of `clientPlans`. */
  outcomes: ClientOutcome[];
  /** Our own exporter's PDF, which the clients' PDFs must match. */
  reference: ClientOutcome;
  versions: Record<'theme' | 'resume-cli' | 'resumed', string>;
}

/**
 * Packs the theme of the repository at `root`, installs it in a fresh project under `work` with a
 * copy of `resumePath`, runs every client plan and our exporter on that copy, and checks each
 * output for `required` texts.
 */
export async function runClients(
  root: string,
  work: string,
  resumePath: string,
  required: readonly string[],
): Promise<ClientsReport> {
  const project = join(work, 'project');
  const out = join(work, 'out');
  await mkdir(out, { recursive: true });
  const tarball = await packTheme(root, work);
  await userProject(root, project, tarball, resumePath);
  const plans = clientPlans(root, project, out);
  const outcomes = new Array<ClientOutcome>(plans.length);
  let reference: ClientOutcome | undefined;
  const tasks = plans.map((plan, index) => async () => {
    const run = await runPlan(plan);
    outcomes[index] = { run, check: await checkOutput(run, required) };
  });
  tasks.push(async () => {
    const run = await ourExport(root, join(project, 'resume.json'), out);
    reference = { run, check: await checkOutput(run, required) };
  });
  // One at a time: resumed waits for network idle with a 30 s limit, which a starved
  // Chromium on a busy two-core machine can miss.
  await inPool(tasks, 1);
  if (!reference) throw new Error('our exporter did not run');
  const versions = {
    theme: await packageVersion(root, join(root, 'theme')),
    'resume-cli': RESUME_CLI_VERSION,
    resumed: await packageVersion(root, 'resumed'),
  };
  return { outcomes, reference, versions };
}

/** Whether an outcome is what the compatibility tests require: written, complete, same pages. */
export function clientPassed({ run, check }: ClientOutcome, reference: ClientOutcome): boolean {
  const samePdf =
    run.format !== 'pdf' || JSON.stringify(check.pdf) === JSON.stringify(reference.check.pdf);
  return run.result.code === 0 && check.written && check.missing.length === 0 && samePdf;
}
