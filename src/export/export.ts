/**
 * An export run: validate → transform → render → HTML/PDF/PNG/… → write. The theme's worker and
 * Chromium start first, in the background: the theme loads and the browser boots while the résumé
 * is validated, and the browser closes while the PDF is post-processed. All outputs are written
 * only once every one of them is complete; the one exception is a missing browser, where the
 * outputs that need none are still written (outputs.ts). A batch exports many résumés with one
 * browser; a variant is a transform with its own names and page budget. Failures are the domain
 * errors of src/errors.ts.
 */
import { readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { PaperSize, Resume } from 'jsonresume-theme-camera-ready';
import { startBrowser, type BrowserLauncher } from '../browser/launch.js';
import {
  BrowserUnavailableError,
  OutputWriteError,
  UsageError,
  UserFacingError,
  VariantError,
} from '../errors.js';
import { UnknownVariantError, applyVariant, getVariant } from '../resume/variant.js';
import type { Progress } from '../runtime.js';
import { startBrowserSession, type BrowserSession } from './browser-session.js';
import type { FormatName } from './formats.js';
import { planExport, writeOutputs, type ExportPlan } from './outputs.js';
import type { HostResolver } from './photo-fetch.js';
import { checkGlyphs, installedCoverage, withPrintFonts } from './print-fonts.js';
import { peekMetaTheme, readResume, transformLabels } from './read-resume.js';
import { chooseTheme } from './theme-loader.js';
import { startThemeWorker, type ThemeWorker } from './theme-render.js';
import { displayPath, outputBaseName } from './write-files.js';

/** `timings` collects how long each phase took (see createTimings). */
export async function exportResume(
  options: ExportOptions,
  timings: Timings = createTimings(),
): Promise<ExportResult> {
  timings.add('start', timings.now());
  const plan = planExport(options);
  // The theme's process starts first, while the browser is found and started.
  const worker = startThemeWorker();
  try {
    const session = plan.needsBrowser ? await openSession(plan, options, timings) : undefined;
    try {
      return await exportPlanned(plan, options, { session, worker, ownsBrowser: true }, timings);
    } finally {
      await session?.close();
    }
  } finally {
    await worker.stop();
  }
}

/** The browser an export, or a batch of them, prints with. */
function openSession(
  plan: Pick<ExportPlan, 'env' | 'timeoutMs'>,
  options: Pick<ExportOptions, 'progress' | 'launchBrowser'>,
  timings: Timings,
): Promise<BrowserSession> {
  return startBrowserSession({
    env: plan.env,
    progress: options.progress,
    launch: options.launchBrowser ?? startBrowser,
    timeoutMs: plan.timeoutMs,
    timings,
  });
}

/** What an export runs on. */
interface ExportRun {
  /** The browser it prints with (needed when the plan needs one). */
  session: BrowserSession | undefined;
  /** The worker its theme renders in (a batch's keeps the theme loaded between résumés). */
  worker: ThemeWorker;
  /** The browser is this export's alone, so it closes as soon as no output needs it. */
  ownsBrowser: boolean;
}

/** One résumé's export, on browser and worker started by the caller. */
async function exportPlanned(
  plan: ExportPlan,
  options: ExportOptions,
  { session, worker: themeWorker, ownsBrowser }: ExportRun,
  timings: Timings,
): Promise<ExportResult> {
  const { progress } = options;
  const asked = { option: options.theme, fromResume: options.themeFromResume ?? true };
  // The theme loads in its worker while the résumé is validated.
  const peeked =
    asked.option === undefined && asked.fromResume ? peekMetaTheme(plan.resumePath) : undefined;
  themeWorker.preload(chooseTheme(asked, peeked, plan.cwd).spec, plan.cwd);
  // fontconfig lists the installed fonts while the résumé is validated.
  const coverage = plan.needsBrowser ? installedCoverage() : undefined;
  const resume = await timings.measure('validate', () =>
    readResume(plan.resumePath, options, progress, plan.cwd),
  );
  session?.warmUp();
  const choice = chooseTheme(asked, resume.meta?.theme, plan.cwd);
  if (choice.warning) progress.warn(choice.warning);
  const theme = await timings.measure('render', () =>
    progress.step(
      () => themeWorker.render({ spec: choice.spec, cwd: plan.cwd, resume }, plan.timeoutMs),
      (rendered) =>
        `rendered with ${rendered.name}${choice.fromResume ? ' (meta.theme)' : ''}${transformLabels(options.transforms)}`,
    ),
  );
  const printed = plan.needsBrowser
    ? await withPrintFonts(theme.html, {
        env: plan.env,
        progress,
        offline: options.offline ?? false,
      })
    : { html: theme.html, files: new Map<string, string>() };
  if (coverage) await checkGlyphs(printed.html, coverage, options.strict ?? false, progress);
  const page = {
    html: printed.html,
    fonts: printed.files,
    allowedFolder: dirname(plan.resumePath),
  };
  const files = await writeOutputs(
    plan.outputs,
    {
      resume,
      theme,
      paper: options.paper,
      page,
      baseName: plan.baseName,
      site: { url: options.siteUrl, noIndex: options.noIndex, resumePath: plan.resumePath },
    },
    session,
    {
      target: { outDir: plan.outDir, shownOut: options.out, cwd: plan.cwd },
      progress,
      timings,
      ...(ownsBrowser && session && { browserDone: () => void session.close() }),
    },
  );
  return { files };
}

/** A pure résumé → résumé step between validation and rendering (a variant, for instance). */
export interface ResumeTransform {
  /** Shown in the progress line, e.g. "variant industry". */
  label: string;
  apply(resume: Resume): Resume;
}

export interface ExportOptions {
  /** The résumé file. */
  resume: string;
  /** Theme folder, package name or short name; default `meta.theme` (see below), else `./theme`. */
  theme?: string;
  /** Whether the résumé's `meta.theme` chooses the theme when `theme` is not given; default true. */
  themeFromResume?: boolean;
  /** Output folder. */
  out: string;
  /** The outputs to produce. */
  formats: readonly FormatName[];
  paper?: PaperSize;
  /** Skip schema validation (the file must still be readable JSON). */
  force?: boolean;
  /** Larger résumé files are refused (default: the validator's limit). */
  maxBytes?: number;
  /**
   * Fail, rather than warn, when the page has characters no font here can draw or the photo
   * cannot be shown.
   */
  strict?: boolean;
  /**
   * Fetch nothing: a photo given as an address is left out, and fonts a page needs that are not
   * in the font cache (src/export/font-packages.ts) are not fetched from the npm registry (their characters print
   * in a fallback font); each with a warning.
   */
  offline?: boolean;
  /** How the photo's host name becomes addresses (default: the system's resolver). */
  resolveHost?: HostResolver;
  /** --format site: where the site is published (else basics.url), for its canonical address and card. */
  siteUrl?: string;
  /** --format site: ask search engines not to index it, and make no card. */
  noIndex?: boolean;
  /** Output file name without extension; default "resume" (see outputBaseName). */
  baseName?: string;
  transforms?: ResumeTransform[];
  /** The longest the theme's render and each browser step may take; default DEFAULT_TIMEOUT_MS. */
  timeoutMs?: number;
  cwd?: string;
  /** The environment the browser is found with and every program started gets. */
  env?: NodeJS.ProcessEnv;
  /** Starts Chromium (default: startBrowser). */
  launchBrowser?: BrowserLauncher;
  progress: Progress;
}

export interface ExportResult {
  files: string[];
}

/*
 * How long each phase of an export took, for `--timings` (and `npm run bench`). Phases overlap:
 * the browser starts while the résumé is validated and rendered.
 */

const PHASES = [
  'start',
  'validate',
  'render',
  'browserStart',
  'load',
  'print',
  'postProcess',
  'write',
] as const;
export type Phase = (typeof PHASES)[number];

export interface Timings {
  /** Milliseconds on the run's clock. */
  now(): number;
  /** Adds `ms` to `phase` (a batch adds each résumé's). */
  add(phase: Phase, ms: number): void;
  measure<T>(phase: Phase, work: () => Promise<T>): Promise<T>;
  /** Every phase in milliseconds, rounded; 0 for a phase that did not run. */
  summary(): Record<Phase, number>;
}

/** `now` is the clock: milliseconds since the process started, by default. */
export function createTimings(now: () => number = () => performance.now()): Timings {
  const totals = new Map<Phase, number>();
  const add = (phase: Phase, ms: number) => totals.set(phase, (totals.get(phase) ?? 0) + ms);
  return {
    now,
    add,
    async measure(phase, work) {
      const startedAt = now();
      try {
        return await work();
      } finally {
        add(phase, now() - startedAt);
      }
    },
    summary: () =>
      Object.fromEntries(
        PHASES.map((phase) => [phase, Math.round(totals.get(phase) ?? 0)]),
      ) as Record<Phase, number>,
  };
}

/*
 * Many résumés in one run (`--resume a.json --resume b.json`, or a folder of them): one browser
 * for all, each résumé exported all-or-nothing to its own names (a.json → a.pdf). A résumé that
 * fails is reported and the others go on; a missing browser ends the batch.
 */

/** Résumés exported at once. */
const IN_FLIGHT = 2;

export interface BatchOptions extends Omit<ExportOptions, 'resume' | 'baseName'> {
  /** Résumé files, and folders whose `.json` files are résumés. */
  resumes: string[];
}

export interface BatchResult {
  /** How many résumés were exported. */
  exported: number;
  /** Every file written, résumé by résumé. */
  files: string[];
  /** The résumés that could not be exported, and why. */
  failures: { resume: string; error: UserFacingError }[];
}

export async function exportBatch(
  options: BatchOptions,
  timings: Timings = createTimings(),
): Promise<BatchResult> {
  timings.add('start', timings.now());
  const cwd = options.cwd ?? process.cwd();
  const plans = batchResumes(options.resumes, cwd).map((resume) => {
    const single: ExportOptions = { ...options, resume, baseName: stem(resume) };
    return { single, plan: planExport(single) };
  });
  const first = plans[0]?.plan;
  const session =
    plans.some(({ plan }) => plan.needsBrowser) && first
      ? await openSession(first, options, timings)
      : undefined;
  const result: BatchResult = { exported: 0, files: [], failures: [] };
  const queue = [...plans];
  const exportQueued = async () => {
    // Each in-flight slot keeps its theme loaded in a worker of its own; a failure may have left
    // that worker busy (a theme that never returns), so the next résumé gets a fresh one.
    let worker = startThemeWorker();
    try {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const { single, plan } = next;
        try {
          const { files } = await exportPlanned(
            plan,
            single,
            { session, worker, ownsBrowser: false },
            timings,
          );
          result.files.push(...files);
          result.exported += 1;
        } catch (error) {
          if (!(error instanceof UserFacingError) || error instanceof BrowserUnavailableError) {
            queue.length = 0;
            throw error;
          }
          result.failures.push({ resume: displayPath(cwd, plan.resumePath), error });
          await worker.stop();
          worker = startThemeWorker();
        }
      }
    } finally {
      await worker.stop();
    }
  };
  try {
    // Two at a time: one résumé is validated and rendered while the other prints.
    await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, plans.length) }, exportQueued));
    return result;
  } finally {
    await session?.close();
  }
}

/** Whether the résumés named make a batch: several, or a folder. */
export function isBatch(named: string[], cwd = process.cwd()): boolean {
  return named.length > 1 || named.some((name) => isFolder(resolve(cwd, name)));
}

/** The résumé files named, folders expanded to their `.json` files in name order. */
function batchResumes(named: string[], cwd: string): string[] {
  const files = named.flatMap((name) => {
    const path = resolve(cwd, name);
    if (!isFolder(path)) return [path];
    const inside = readdirSync(path)
      .filter((entry) => extname(entry).toLowerCase() === '.json')
      .sort()
      .map((entry) => join(path, entry));
    if (inside.length === 0)
      throw new UsageError(`--resume ${name}: the folder holds no .json file.`);
    return inside;
  });
  const unique = [...new Set(files)];
  const byStem = new Map<string, string>();
  for (const file of unique) {
    const other = byStem.get(stem(file));
    if (other !== undefined) {
      throw new UsageError(
        `${displayPath(cwd, other)} and ${displayPath(cwd, file)} would both be written as ${stem(file)}.*: rename one, or export them to different --out folders.`,
      );
    }
    byStem.set(stem(file), file);
  }
  return unique;
}

/** The output name of a résumé in a batch: its file name without the extension. */
const stem = (file: string) => basename(file, extname(file));

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/*
 * `npm run export -- --variant <name>`: the variant as the export's transform step, its own file
 * names (resume-<name>.<format>), and its page budget checked on the PDF that was written.
 */

export interface VariantExport {
  transform: ResumeTransform;
  baseName: string;
  /** Fails (OutputWriteError) when the written PDF has more pages than the variant's `pageBudget`. */
  checkPageBudget(files: string[], progress: Progress): Promise<void>;
}

export function variantExport(name: string): VariantExport {
  let budget: number | undefined;
  let selected: Resume | undefined;
  return {
    baseName: outputBaseName(name),
    transform: {
      label: `variant ${name}`,
      apply(resume) {
        try {
          budget = getVariant(resume, name).pageBudget;
          selected = applyVariant(resume, name);
          return selected;
        } catch (error) {
          if (error instanceof UnknownVariantError) {
            throw new VariantError(`--variant ${name}: ${error.message}`);
          }
          throw error;
        }
      },
    },
    async checkPageBudget(files, progress) {
      const pdf = files.find((file) => file.endsWith('.pdf'));
      if (budget === undefined || pdf === undefined || selected === undefined) return;
      // Section titles as camera-ready shows them help find sections in any theme's text.
      const { buildViewModel } = await import('jsonresume-theme-camera-ready');
      const titles = buildViewModel(selected).sections.map((section) => section.title);
      // pdf-lib loads only for a variant with a budget.
      const { countPages, overBudgetMessage } = await import('./printed-pdf.js');
      const count = await countPages(await readFile(pdf), budget, titles);
      const shown = displayPath(process.cwd(), pdf);
      if (count.pages > budget) {
        throw new OutputWriteError(overBudgetMessage(shown, name, budget, count));
      }
      progress.info(`${shown}: ${count.pages} of ${budget} allowed pages`);
    },
  };
}
