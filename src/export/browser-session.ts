/**
 * The run's one browser, and the steps run in it. The browser is started as soon as the export
 * knows it needs one, so Chromium boots while the résumé is validated and rendered, and connected
 * (which loads puppeteer, hundreds of milliseconds of this thread) only when the first page is
 * opened. Each step in the browser or on its output runs with a time limit and a failure message
 * that names the step, so nothing of ours is blamed on the browser and a browser that died is not
 * blamed on the theme.
 */
import { basename } from 'node:path';
import type { Browser, Page } from 'puppeteer';
import { findBrowser, resolveBrowser } from '../browser/find-or-install.js';
import { browserGone, type BrowserLauncher, type RunningBrowser } from '../browser/launch.js';
import { closeTab, openDocument, type OpenedDocument } from '../browser/page.js';
import { ExportStepError, UserFacingError, describeError } from '../errors.js';
import type { Progress } from '../runtime.js';
import type { Phase, Timings } from './export.js';

export interface BrowserSession {
  /**
   * Loads the page in a tab (the one Chromium opened at start, then new ones), sealed: it may load
   * files from `allowedFolder` (the résumé's own) and the fonts the export serves, nothing else.
   */
  open(page: PageSource, format: string): Promise<OpenedDocument>;
  /** Runs one browser step of `format` within its time limit, timed. */
  step<T>(
    step: PageStep,
    format: string,
    work: () => Promise<T>,
    broken?: Promise<never>,
  ): Promise<T>;
  /** Closes a tab within the time limit (see closeTab in page.ts). */
  closeTab(page: Page): Promise<void>;
  /**
   * Connects now, if the browser was found at start, without waiting: puppeteer loads while the
   * theme renders in its worker. A failure is reported by `open`.
   */
  warmUp(): void;
  /** Closes the browser and removes its profile; safe to call when it never started. */
  close(): Promise<void>;
}

/** What a tab loads: the page, and what it may load besides. */
export interface PageSource {
  html: string;
  /** The résumé's folder. */
  allowedFolder: string;
  /** Fonts the export serves to the page: address → file (see print-fonts.ts). */
  fonts: ReadonlyMap<string, string>;
}

export interface SessionOptions {
  env: NodeJS.ProcessEnv;
  progress: Progress;
  launch: BrowserLauncher;
  timeoutMs: number;
  timings: Timings;
}

export async function startBrowserSession(options: SessionOptions): Promise<BrowserSession> {
  const { env, progress, timings } = options;
  let starting: Promise<RunningBrowser> | undefined;
  let running: RunningBrowser | undefined;
  let connected: Promise<Browser> | undefined;
  let installing: Promise<string> | undefined;
  let tabsOpened = 0;

  /** Spawns Chromium now; returns how to connect to it, once. */
  const launch = (path: string) => {
    const startedAt = timings.now();
    const started = options.launch(path, env);
    starting = started;
    // Reported where it is awaited; until then a failed start must not crash the process.
    started.catch(() => undefined);
    return async () => {
      running = await started;
      const browser = await running.connect();
      const ms = timings.now() - startedAt;
      timings.add('browserStart', ms);
      progress.done(`started ${basename(path)}`, ms);
      return browser;
    };
  };
  const lookup = await findBrowser(env);
  let connect = lookup.found ? launch(lookup.path) : undefined;

  const limits = (format: string, broken?: Promise<never>): StepLimits => ({
    format,
    timeoutMs: options.timeoutMs,
    broken,
    browserGone: () => running !== undefined && browserGone(running),
  });
  const step: BrowserSession['step'] = (name, format, work, broken) =>
    timings.measure(STEP_PHASES[name], () => runStep(name, work, limits(format, broken)));

  return {
    step,
    closeTab: (page) => closeTab(page, options.timeoutMs),
    warmUp() {
      if (connect) (connected ??= connect()).catch(() => undefined);
    },
    open: async ({ html, allowedFolder, fonts }, format) => {
      // Installing a browser is a step of its own, with its own progress and limit (install.ts):
      // the page's limit starts once there is a browser to start.
      const connectOnce = (connect ??= launch(
        await (installing ??= resolveBrowser(progress, env)),
      ));
      return runStep(
        'page',
        async () => {
          const browser = await (connected ??= connectOnce());
          // Timed from here: waiting for the browser to start counts as its start.
          return timings.measure('load', async () => {
            // The tab Chromium opened at start has its renderer running by now; a new one would
            // have to start another (hundreds of milliseconds).
            const [blank] = tabsOpened++ === 0 ? await browser.pages() : [];
            return openDocument(blank ?? (await browser.newPage()), html, {
              allowedFolder,
              fonts,
              onBlocked: (attempt) =>
                progress.warn(`blocked ${attempt} — the export never reaches the network`),
              onIgnored: (call) => progress.warn(`ignored ${call}`),
            });
          });
        },
        limits(format),
      );
    },
    async close() {
      const started = await starting?.catch(() => undefined);
      await started?.close();
    },
  };
}

export type PageStep = 'page' | 'print' | 'screenshot' | 'post-processing';

/** The phase each browser step counts towards (the PNG's screenshot is printing too). */
const STEP_PHASES: Record<PageStep, Phase> = {
  page: 'load',
  print: 'print',
  screenshot: 'print',
  'post-processing': 'postProcess',
};

/** The default --timeout: a CV renders and prints in a second or two; this leaves room for a slow machine. */
export const DEFAULT_TIMEOUT_MS = 30_000;

const STEPS: Record<PageStep, { doing: string; failed: string; slow: string }> = {
  page: {
    doing: 'loading the page',
    failed: 'The HTML the theme returned could not be loaded.',
    slow: 'a script in the theme may loop forever, or a font or image never finish loading',
  },
  print: {
    doing: 'printing the PDF',
    failed:
      'If the theme sets pdfRenderOptions, check them: scale between 0.1 and 2, sizes and margins valid CSS lengths.',
    slow: 'a script in the page may be keeping it busy',
  },
  screenshot: {
    doing: 'taking the PNG preview',
    failed: 'The page could not be captured.',
    slow: 'a script in the page may be keeping it busy',
  },
  'post-processing': {
    doing: 'finishing the PDF (metadata, bookmarks, paper size)',
    failed:
      'This is a fault in the exporter itself, not in the browser: please report it with the résumé that causes it.',
    slow: 'the PDF may be very large',
  },
};

const UNCHANGED = 'The previous files in the output folder are unchanged.';

export interface StepLimits {
  /** The format being produced, e.g. "pdf". */
  format: string;
  timeoutMs: number;
  /** Rejects when the page breaks (navigates away, opens a dialog): ends the step at once. */
  broken?: Promise<never>;
  /** Whether the browser process is gone (crashed or killed). */
  browserGone(): boolean;
}

/** Runs one step within its time limit; any failure becomes an ExportStepError naming the step. */
export async function runStep<T>(
  step: PageStep,
  work: () => Promise<T>,
  limits: StepLimits,
): Promise<T> {
  const { doing, failed, slow } = STEPS[step];
  const prefix = `Export to ${limits.format.toUpperCase()} failed`;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new ExportStepError(
            `${prefix}: ${doing} took longer than ${limits.timeoutMs / 1000} s and was stopped; ${slow}. Raise the limit with --timeout if it is only slow. ${UNCHANGED}`,
          ),
        ),
      limits.timeoutMs,
    );
  });
  try {
    return await Promise.race([work(), timeout, ...(limits.broken ? [limits.broken] : [])]);
  } catch (error) {
    if (error instanceof UserFacingError) throw error;
    const detail = describeError(error);
    const closed =
      step !== 'post-processing' &&
      (limits.browserGone() ||
        (error instanceof Error &&
          ['TargetCloseError', 'ConnectionClosedError'].includes(error.name)));
    throw new ExportStepError(
      closed
        ? `${prefix}: the browser stopped responding or was closed while ${doing} (${detail}). ${UNCHANGED}`
        : `${prefix} while ${doing}: ${detail.replace(/\.?$/, '.')} ${failed} ${UNCHANGED}`,
    );
  } finally {
    clearTimeout(timer);
  }
}
