/**
 * The run's one browser: started as soon as the export knows it needs one, so Chromium boots while
 * the résumé is validated and rendered, and connected (which loads puppeteer, hundreds of
 * milliseconds of this thread) only when the first page is opened.
 */
import { basename } from 'node:path';
import type { Browser, Page } from 'puppeteer';
import { findBrowser, resolveBrowser } from '../browser/find-or-install.js';
import { browserGone, type BrowserLauncher, type RunningBrowser } from '../browser/launch.js';
import { closeTab, openDocument, type OpenedDocument } from '../browser/page.js';
import type { Progress } from '../runtime.js';
import { runStep, type PageStep, type StepLimits } from './export-steps.js';
import { STEP_PHASES, type Timings } from './timings.js';

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
