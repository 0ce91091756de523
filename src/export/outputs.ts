/**
 * The outputs of an export: planned from the options and checked before any work (a bad option
 * costs nothing and writes nothing), produced in memory from one rendered page, then written all
 * or none. This module alone decides what is written: when the browser is missing, the outputs
 * that need none are written all the same.
 */
import { accessSync, constants, existsSync, realpathSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { PaperSize, Resume } from 'jsonresume-theme-camera-ready';
import type { OpenedDocument } from '../browser/page.js';
import {
  BrowserUnavailableError,
  OutputWriteError,
  UsageError,
  UserFacingError,
  describeError,
} from '../errors.js';
import type { Progress } from '../runtime.js';
import { DEFAULT_TIMEOUT_MS, type BrowserSession, type PageSource } from './browser-session.js';
import type { ExportOptions, Timings } from './export.js';
import {
  FORMATS,
  type FormatName,
  type FormatWriter,
  type Output,
  type OutputContext,
} from './formats.js';
import type { RenderedTheme } from './theme-render.js';
import {
  OutputLockedError,
  checkFileNames,
  displayPath,
  outputBaseName,
  writeFilesAtomic,
} from './write-files.js';

export interface PlannedOutput {
  name: FormatName;
  writer: FormatWriter;
  fileName: string;
  path: string;
}

export interface ExportPlan {
  cwd: string;
  env: NodeJS.ProcessEnv;
  resumePath: string;
  outDir: string;
  /** Every output's file name less its extension. */
  baseName: string;
  /** In the order to produce them: those without a browser first, those that alter the page last. */
  outputs: PlannedOutput[];
  needsBrowser: boolean;
  timeoutMs: number;
}

/**
 * What an export will write, and where: resolved from the options and checked before any work,
 * so a bad option costs nothing and writes nothing.
 */
export function planExport(options: ExportOptions): ExportPlan {
  const cwd = options.cwd ?? process.cwd();
  const resumePath = resolve(cwd, options.resume);
  const outDir = resolve(cwd, options.out);
  checkOutDir(outDir, resumePath, options.out);
  const baseName = options.baseName ?? outputBaseName();
  const outputs = options.formats.map((name): PlannedOutput => {
    const writer: FormatWriter = FORMATS[name];
    const fileName = writer.fileName?.(baseName) ?? `${baseName}.${writer.extension}`;
    return { name, writer, fileName, path: join(outDir, fileName) };
  });
  const names = outputs.flatMap((output) => [
    output.fileName,
    ...(output.writer.companions?.(baseName) ?? []),
  ]);
  checkFileNames(names);
  checkNoClash(outputs, baseName);
  checkOnePageChange(outputs);
  checkOutputsSpareResume(
    names.map((name) => join(outDir, name)),
    resumePath,
  );
  return {
    cwd,
    env: options.env ?? process.env,
    resumePath,
    outDir,
    baseName,
    outputs: outputs.sort((a, b) => rank(a.writer) - rank(b.writer)),
    needsBrowser: outputs.some((output) => output.writer.needsBrowser),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
}

/** Two formats that would write the same file (a site holds its own PDF): refused before any work. */
function checkNoClash(outputs: PlannedOutput[], baseName: string): void {
  const writers = new Map<string, FormatName>();
  for (const output of outputs) {
    for (const name of [output.fileName, ...(output.writer.companions?.(baseName) ?? [])]) {
      const other = writers.get(name);
      if (other !== undefined) {
        throw new UsageError(
          `--format ${other},${output.name}: both would write ${name}. The site already holds the PDF and the JSON; export the other formats to another --out folder.`,
        );
      }
      writers.set(name, output.name);
    }
  }
}

/** The PNG preview and the site's card each reshape the one shared page: one per run. */
function checkOnePageChange(outputs: PlannedOutput[]): void {
  const altering = outputs.filter((output) => output.writer.altersPage).map((o) => o.name);
  if (altering.length < 2) return;
  throw new UsageError(
    `--format ${altering.join(',')}: each of these reshapes the page it is made from, so they cannot share one run. Export them one at a time, e.g. --format ${altering[0]} then --format ${altering[1]} with another --out.`,
  );
}

/** Outputs without a browser first (kept if it is missing), those that alter the page last. */
const rank = (writer: FormatWriter) => (writer.needsBrowser ? 1 : 0) + (writer.altersPage ? 1 : 0);

/** --out must be a folder (or one that can be created), writable, and not the résumé itself. */
function checkOutDir(outDir: string, resumePath: string, shown: string): void {
  const fail = (why: string) =>
    new UsageError(`--out ${shown}: ${why} Choose a folder, e.g. --out dist.`);
  if (realPath(outDir) === realPath(resumePath)) throw fail('that is the résumé file itself.');
  let existing = outDir;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  if (!statSync(existing).isDirectory()) {
    throw fail(
      existing === outDir ? 'is a file, not a folder.' : `${existing} is a file, not a folder.`,
    );
  }
  try {
    accessSync(existing, constants.W_OK);
  } catch {
    throw fail(`${existing} is not writable.`);
  }
}

/**
 * A path with every symbolic link resolved, also when its last parts do not exist yet: what
 * `--out link` really writes to, so a link to the résumé's folder cannot get past the checks.
 */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(realPath(parent), basename(path));
  }
}

/** An output written over the résumé would destroy the input: refuse before any work. */
function checkOutputsSpareResume(outputs: string[], resumePath: string): void {
  const resume = realPath(resumePath);
  const clash = outputs.find((output) => realPath(output) === resume);
  if (clash === undefined) return;
  throw new UsageError(
    `${clash} is both the résumé and an output of this export, so writing it would replace the résumé. Choose another --out folder (e.g. --out dist) or rename the résumé.`,
  );
}

export interface Produced {
  planned: PlannedOutput;
  output: Output;
  /** How long producing it took. */
  ms: number;
}

/** The rendered résumé every output is made from. */
export interface RenderedResume {
  resume: Resume;
  theme: RenderedTheme;
  paper: PaperSize | undefined;
  /** What the browser loads: the theme's HTML with the fonts for print (withPrintFonts). */
  page: PageSource;
  baseName: string;
  site: OutputContext['site'];
}

/** Where, and around what, the outputs are written. */
export interface WriteContext {
  target: CommitTarget;
  progress: Progress;
  timings: Timings;
  /** The run's own browser, closed once no output needs it; a batch's outlives the résumé. */
  browserDone?: () => void;
}

/**
 * Produces every planned output, then writes them all or none; returns the paths written. Those
 * that need no browser are produced first: when there is no browser, they are written all the
 * same (the HTML is still useful) before the failure is thrown.
 */
export async function writeOutputs(
  planned: PlannedOutput[],
  rendered: RenderedResume,
  session: BrowserSession | undefined,
  { target, progress, timings, browserDone }: WriteContext,
): Promise<string[]> {
  const needsBrowser = (output: PlannedOutput) => output.writer.needsBrowser;
  const early = await produceOutputs(
    planned.filter((output) => !needsBrowser(output)),
    rendered,
    session,
  );
  let late: Produced[];
  try {
    late = await produceOutputs(planned.filter(needsBrowser), rendered, session, browserDone);
  } catch (error) {
    if (error instanceof BrowserUnavailableError) {
      await commitOutputs(early, target, progress, timings);
    }
    throw error;
  }
  return commitOutputs([...early, ...late], target, progress, timings);
}

/**
 * Produces each planned output in memory, in the plan's order, from one rendered page; nothing is
 * written here. Once the last output that needs the browser is done with the page, `browserDone`
 * lets the browser close while that output finishes (a PDF's post-processing, say).
 */
export async function produceOutputs(
  planned: PlannedOutput[],
  rendered: RenderedResume,
  session: BrowserSession | undefined,
  browserDone?: () => void,
): Promise<Produced[]> {
  const lastBrowserOutput = planned.filter((output) => output.writer.needsBrowser).at(-1);
  let opened: Promise<OpenedDocument> | undefined;
  const browser = () => {
    if (!session) throw new Error('An output that needs the browser was planned without one.');
    return session;
  };
  const contextFor = (output: PlannedOutput): OutputContext => ({
    html: rendered.theme.html,
    resume: rendered.resume,
    theme: rendered.theme,
    paper: rendered.paper,
    baseName: rendered.baseName,
    site: rendered.site,
    page: async () => (await (opened ??= browser().open(rendered.page, output.name))).page,
    step: async (step, work) => browser().step(step, output.name, work, (await opened)?.broken),
    pageDone: () => {
      if (output === lastBrowserOutput) browserDone?.();
    },
  });

  const produced: Produced[] = [];
  try {
    for (const output of planned) {
      const startedAt = performance.now();
      try {
        const made = await output.writer.produce(contextFor(output));
        produced.push({ planned: output, output: made, ms: performance.now() - startedAt });
      } catch (error) {
        throw outputFailure(error, output.name);
      }
    }
    return produced;
  } finally {
    // The tab is this résumé's alone: a batch opens a new one for the next.
    const document = await opened?.catch(() => undefined);
    if (document) await session?.closeTab(document.page);
  }
}

export interface CommitTarget {
  outDir: string;
  /** --out as the user gave it, for messages. */
  shownOut: string;
  cwd: string;
}

/** Writes the finished outputs, all or none, and reports each file written; returns their paths. */
export async function commitOutputs(
  produced: Produced[],
  target: CommitTarget,
  progress: Progress,
  timings: Timings,
): Promise<string[]> {
  if (produced.length === 0) return [];
  const startedAt = timings.now();
  const files = produced.flatMap(({ planned, output }) => [
    { name: planned.fileName, path: planned.path, data: output.data },
    ...(output.companions ?? []).map((companion) => ({
      name: companion.fileName,
      path: join(target.outDir, companion.fileName),
      data: companion.data,
    })),
  ]);
  try {
    await mkdir(target.outDir, { recursive: true });
  } catch (error) {
    throw outDirFailure(error, target.shownOut);
  }
  try {
    await writeFilesAtomic(target.outDir, files);
  } catch (error) {
    throw writeFailure(error, target.shownOut);
  }
  const writeMs = timings.now() - startedAt;
  timings.add('write', writeMs);
  produced.forEach(({ planned, output, ms }) => {
    const detail = output.detail ? ` — ${output.detail}` : '';
    progress.done(`wrote ${displayPath(target.cwd, planned.path)}${detail}`, ms + writeMs);
  });
  return files.map((file) => file.path);
}

/*
 * The failures of an export's last stages, as the errors that say what went wrong. Browser steps
 * name themselves (browser-session.ts); these cover the rest.
 */

const UNCHANGED = 'The previous files in the output folder are unchanged.';

/** A failure while producing one output without a browser (HTML, text, BibTeX). */
function outputFailure(error: unknown, format: string): Error {
  if (error instanceof UserFacingError) return error;
  return new OutputWriteError(
    `Export to ${format.toUpperCase()} failed (${describeError(error)}). ${UNCHANGED}`,
  );
}

/** The output folder could not be created: --out names a place that cannot hold one. */
function outDirFailure(error: unknown, shownOut: string): Error {
  return new UsageError(
    `Cannot create the output folder ${shownOut}: ${describeError(error)}. Choose another folder with --out.`,
  );
}

/** Writing the finished outputs failed: a folder we may not write is the option's fault. */
function writeFailure(error: unknown, shownOut: string): Error {
  if (error instanceof OutputLockedError) {
    return new OutputWriteError(
      `Another export (process ${error.holder}) is writing to ${shownOut} and did not finish within 30 s. The previous files there are unchanged; run again when it has finished, or choose another --out.`,
    );
  }
  const code = (error as NodeJS.ErrnoException).code;
  const message = `Could not write to ${shownOut}: ${describeError(error)}. The previous files there are unchanged.`;
  return code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
    ? new UsageError(message)
    : new OutputWriteError(message);
}
