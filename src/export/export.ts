import { accessSync, constants, existsSync, realpathSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Page } from 'puppeteer';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { OutputLockedError, isPlainFileName, writeFilesAtomic } from './atomic-write.js';
import {
  BrowserUnavailableError,
  findBrowser,
  resolveBrowser,
  startBrowser,
  type RunningBrowser,
} from '../browser/browser.js';
import { CliError, EXIT, describeError } from '../cli/cli-error.js';
import { DEFAULT_TIMEOUT_MS, runStep, type PageStep } from './export-steps.js';
import { FORMATS, type FormatWriter, type Output } from './formats.js';
import { withPrintFonts } from './cjk-fonts.js';
import { describeCharacters, installedCoverage, uncoveredCharacters } from './glyph-coverage.js';
import { openDocument, type OpenedDocument } from '../browser/page.js';
import { embedPhoto } from './photo.js';
import type { Paper } from './pdf.js';
import type { Progress } from '../cli/progress.js';
import { startThemeWorker } from './theme-render.js';

/** A pure résumé → résumé step between validation and rendering (a variant, for instance). */
export interface ResumeTransform {
  /** Shown in the progress line, e.g. "variant industry". */
  label: string;
  apply(resume: Resume): Resume;
}

export interface ExportOptions {
  /** The résumé file. */
  resume: string;
  /** Theme folder, package name or short name; default `meta.theme`, else `./theme`. */
  theme?: string;
  /** Output folder. */
  out: string;
  /** Names from FORMATS, in the order to produce them. */
  formats: string[];
  paper?: Paper;
  /** Skip schema validation (the file must still be readable JSON). */
  force?: boolean;
  /** Larger résumé files are refused (default: the validator's limit). */
  maxBytes?: number;
  /** Fail, rather than warn, when the page has characters no font here can draw. */
  strict?: boolean;
  /** Output file name without extension; default "resume". */
  baseName?: string;
  transforms?: ResumeTransform[];
  /** The longest the theme's render and each browser step may take; default DEFAULT_TIMEOUT_MS. */
  timeoutMs?: number;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  progress: Progress;
}

export interface ExportResult {
  files: string[];
}

const DEFAULT_THEME = './theme';
/** Test hook: kill Chromium right before printing, as a crash would. */
const KILL_BROWSER_VARIABLE = 'CAMERA_READY_KILL_BROWSER_BEFORE_PRINT';

/**
 * validate → transform → render → HTML/PDF/PNG → write. Chromium starts first, in the background,
 * so it boots while the résumé is validated and rendered. All outputs are written only once every
 * one of them is complete; the one exception is a missing browser, where the HTML is still written.
 * Failures are CliErrors carrying the exit code.
 */
export async function exportResume(options: ExportOptions): Promise<ExportResult> {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const { progress } = options;
  const resumePath = resolve(cwd, options.resume);
  const outDir = resolve(cwd, options.out);
  checkOutDir(outDir, resumePath, options.out);
  const writers = options.formats.map((name) => [name, formatWriter(name)] as const);
  const fileName = (name: string) => `${options.baseName ?? 'resume'}.${FORMATS[name]!.extension}`;
  const outputPath = (name: string) => join(outDir, fileName(name));
  checkFileNames(options.formats.map(fileName));
  checkOutputsSpareResume(options.formats.map(outputPath), resumePath);

  const browserNeeded = writers.some(([, writer]) => writer.needsBrowser);
  const lookup = browserNeeded ? await findBrowser(env) : undefined;
  let browser: Promise<RunningBrowser> | undefined;
  /**
   * Spawns Chromium now; connecting (which loads puppeteer, hundreds of milliseconds of this
   * thread) waits until the page is needed, so validation and rendering do not queue behind it.
   */
  const launch = (path: string) => {
    const startedAt = performance.now();
    const started = startBrowser(path);
    browser = started;
    // Reported where it is awaited; until then a failed start must not crash the process.
    started.catch(() => undefined);
    return async () => {
      const running = await started;
      await running.connect();
      progress.done(`started ${basename(path)}`, since(startedAt));
      return running;
    };
  };
  let connect = lookup?.found ? launch(lookup.path) : undefined;
  const themeWorker = startThemeWorker();

  try {
    const resume = embedPhoto(
      await readResume(resumePath, options, progress, cwd),
      dirname(resumePath),
      (message) => progress.warn(message),
    );
    const transformed = (options.transforms ?? []).reduce(
      (current, transform) => transform.apply(current),
      resume,
    );
    const prepared = options.paper ? withPaper(transformed, options.paper) : transformed;
    // With --force, meta.theme may be any JSON value: only a string names a theme.
    const metaTheme: unknown = resume.meta?.theme;
    const themeSpec =
      options.theme ?? (typeof metaTheme === 'string' && metaTheme ? metaTheme : DEFAULT_THEME);
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const theme = await progress.step(
      () => themeWorker.render({ spec: themeSpec, cwd, resume: prepared }, timeoutMs),
      (rendered) => `rendered with ${rendered.name}${labels(options.transforms)}`,
    );
    const { html } = theme;
    const printed = withPrintFonts(html);

    if (browserNeeded) await checkGlyphs(printed.html);

    let opened: Promise<OpenedDocument> | undefined;
    let running: RunningBrowser | undefined;
    const limits = (format: string) => ({
      format,
      timeoutMs,
      browserGone: () =>
        running !== undefined &&
        (running.process.exitCode !== null || running.process.signalCode !== null),
    });
    const openPage = (format: string) =>
      (opened ??= runStep(
        'page',
        async () => {
          connect ??= launch(await resolveBrowser(progress, env));
          running = await connect();
          const connected = await running.connect();
          // The tab Chromium opened at start has its renderer running by now; a new one would
          // have to start another (hundreds of milliseconds).
          const [blank] = await connected.pages();
          return openDocument(blank ?? (await connected.newPage()), printed.html, {
            allowedFolder: dirname(resumePath),
            fonts: printed.files,
            onBlocked: (attempt) =>
              progress.warn(`blocked ${attempt} — the export never reaches the network`),
            onIgnored: (call) => progress.warn(`ignored ${call}`),
          });
        },
        limits(format),
      ));
    const contextFor = (format: string) => ({
      html,
      resume: prepared,
      theme,
      paper: options.paper,
      page: async (): Promise<Page> => (await openPage(format)).page,
      step: async <T>(step: PageStep, work: () => Promise<T>): Promise<T> =>
        runStep(step, work, { ...limits(format), broken: (await opened)?.broken }),
      beforePrint: () => {
        if (env[KILL_BROWSER_VARIABLE] === '1')
          void browser?.then((b) => b.process.kill('SIGKILL'));
      },
    });

    const produced: { name: string; output: Output; ms: number }[] = [];
    for (const [name, writer] of [...writers].sort(browserLast)) {
      const startedAt = performance.now();
      try {
        produced.push({
          name,
          output: await writer.produce(contextFor(name)),
          ms: since(startedAt),
        });
      } catch (error) {
        if (error instanceof BrowserUnavailableError) await keepBrowserFreeOutputs(produced);
        throw asExportFailure(error, name);
      }
    }
    const files = await commit(produced);
    return { files };
  } finally {
    const running = await browser?.catch(() => undefined);
    await Promise.all([running?.close(), themeWorker.stop()]);
  }

  /** Characters no font here has would print as empty boxes: say which, and how to fix it. */
  async function checkGlyphs(html: string): Promise<void> {
    const missing = uncoveredCharacters(html, await installedCoverage());
    if (!missing?.length) return;
    const message =
      `${missing.length} character${missing.length > 1 ? 's' : ''} of the page ${missing.length > 1 ? 'have' : 'has'} no font on this machine and would print as empty boxes: ${describeCharacters(missing)}. ` +
      'Fix: install a font that has them (Debian: apt-get install fonts-noto-cjk for Chinese, Japanese and Korean, fonts-noto-core for most other scripts)';
    if (options.strict)
      throw new CliError(`${message}, or export without --strict.`, EXIT.exportFailed);
    progress.warn(`${message}.`);
  }

  function formatWriter(name: string): FormatWriter {
    const writer = FORMATS[name];
    if (!writer) {
      throw new CliError(
        `Unknown format "${name}". Choose from: ${Object.keys(FORMATS).join(', ')}.`,
        EXIT.badInputOrOptions,
      );
    }
    return writer;
  }

  /** Outputs that need no browser are written anyway when there is none: the HTML is still useful. */
  async function keepBrowserFreeOutputs(
    produced: { name: string; output: Output; ms: number }[],
  ): Promise<void> {
    await commit(produced.filter(({ name }) => !FORMATS[name]?.needsBrowser));
  }

  async function commit(
    produced: { name: string; output: Output; ms: number }[],
  ): Promise<string[]> {
    if (produced.length === 0) return [];
    const startedAt = performance.now();
    const files = produced.map(({ name, output }) => ({
      name: fileName(name),
      path: outputPath(name),
      data: output.data,
    }));
    try {
      await mkdir(outDir, { recursive: true });
    } catch (error) {
      throw new CliError(
        `Cannot create the output folder ${options.out}: ${describeError(error)}. Choose another folder with --out.`,
        EXIT.badInputOrOptions,
      );
    }
    try {
      await writeFilesAtomic(outDir, files);
    } catch (error) {
      if (error instanceof OutputLockedError) {
        throw new CliError(
          `Another export (process ${error.holder}) is writing to ${options.out} and did not finish within 30 s. The previous files there are unchanged; run again when it has finished, or choose another --out.`,
          EXIT.exportFailed,
        );
      }
      const code = (error as NodeJS.ErrnoException).code;
      const unwritable = code === 'EACCES' || code === 'EPERM' || code === 'EROFS';
      throw new CliError(
        `Could not write to ${options.out}: ${describeError(error)}. The previous files there are unchanged.`,
        unwritable ? EXIT.badInputOrOptions : EXIT.exportFailed,
      );
    }
    const writeMs = since(startedAt);
    produced.forEach(({ output, ms }, index) => {
      const shown = displayPath(cwd, files[index]!.path);
      const detail = output.detail ? ` — ${output.detail}` : '';
      progress.done(`wrote ${shown}${detail}`, ms + writeMs);
    });
    return files.map((file) => file.path);
  }
}

/** Reads and validates the résumé (or, with --force, only reads it). */
async function readResume(
  path: string,
  { force, maxBytes }: Pick<ExportOptions, 'force' | 'maxBytes'>,
  progress: Progress,
  cwd: string,
): Promise<Resume> {
  const shown = displayPath(cwd, path);
  if (force) {
    const { readResumeText, parseResumeText } = await import('../resume/load.js');
    const read = await readResumeText(path, { maxBytes });
    if (!read.ok) throw new CliError(diagnosticText(shown, read.diagnostic), read.exitCode);
    const parsed = parseResumeText(read.text);
    if (!parsed.ok) {
      throw new CliError(
        parsed.errors.map((d) => diagnosticText(shown, d)).join('\n'),
        EXIT.invalidInput,
      );
    }
    progress.warn(`--force: ${shown} was not validated`);
    return parsed.value;
  }
  const startedAt = performance.now();
  const { validateFile } = await import('../resume/validate.js');
  const outcome = await validateFile(path, { maxBytes });
  if (outcome.exitCode !== 0 || !outcome.resume) {
    throw new CliError(
      outcome.report.trim() || `${shown} is not a valid résumé.`,
      outcome.exitCode || 1,
    );
  }
  if (outcome.report.trim()) process.stderr.write(`${outcome.report.trimEnd()}\n`);
  progress.done(`validated ${shown}`, since(startedAt));
  return outcome.resume;
}

function diagnosticText(
  file: string,
  diagnostic: { line: number; column: number; message: string; hint?: string },
): string {
  const where = diagnostic.line > 0 ? `${file}:${diagnostic.line}:${diagnostic.column}` : file;
  return `${where}: ${diagnostic.message}${diagnostic.hint ? ` ${diagnostic.hint}` : ''}`;
}

/** The paper for themes that read it from `meta.themeOptions.paper` (camera-ready does). */
function withPaper(resume: Resume, paper: Paper): Resume {
  return {
    ...resume,
    meta: { ...resume.meta, themeOptions: { ...resume.meta?.themeOptions, paper } },
  };
}

/**
 * --out must be a folder (or one that can be created), writable, and not the résumé itself.
 * Checked before any work, so a bad option costs nothing and writes nothing.
 */
function checkOutDir(outDir: string, resumePath: string, shown: string): void {
  const fail = (why: string) =>
    new CliError(
      `--out ${shown}: ${why} Choose a folder, e.g. --out dist.`,
      EXIT.badInputOrOptions,
    );
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

/** Output names come from options (a variant's name): they must not reach outside --out. */
function checkFileNames(names: string[]): void {
  const unsafe = names.find((name) => !isPlainFileName(name) || name.startsWith('.'));
  if (unsafe === undefined) return;
  throw new CliError(
    `The output name ${JSON.stringify(unsafe)} is not a plain file name, so it could be written outside --out. A variant name may hold only letters, digits and "-".`,
    EXIT.badInputOrOptions,
  );
}

/** An output written over the résumé would destroy the input: refuse before any work. */
function checkOutputsSpareResume(outputs: string[], resumePath: string): void {
  const resume = realPath(resumePath);
  const clash = outputs.find((output) => realPath(output) === resume);
  if (clash === undefined) return;
  throw new CliError(
    `${clash} is both the résumé and an output of this export, so writing it would replace the résumé. Choose another --out folder (e.g. --out dist) or rename the résumé.`,
    EXIT.badInputOrOptions,
  );
}

/** Browser steps name themselves (export-steps.ts); this covers the outputs made without one. */
function asExportFailure(error: unknown, format: string): CliError {
  if (error instanceof CliError) return error;
  return new CliError(
    `Export to ${format.toUpperCase()} failed (${describeError(error)}). The previous files in the output folder are unchanged.`,
    EXIT.exportFailed,
  );
}

/** Outputs without a browser first (kept if it is missing), those that alter the page last. */
const rank = (writer: FormatWriter) => (writer.needsBrowser ? 1 : 0) + (writer.altersPage ? 1 : 0);
const browserLast = (a: readonly [string, FormatWriter], b: readonly [string, FormatWriter]) =>
  rank(a[1]) - rank(b[1]);

const since = (startedAt: number) => performance.now() - startedAt;

function labels(transforms: ResumeTransform[] | undefined): string {
  return transforms?.length ? ` (${transforms.map((t) => t.label).join(', ')})` : '';
}

/** A path as the user would type it: relative to the working folder when inside it. */
function displayPath(cwd: string, path: string): string {
  const shown = relative(cwd, path);
  return shown && !shown.startsWith('..') && !isAbsolute(shown) ? shown : path;
}
