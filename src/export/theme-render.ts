/**
 * Runs a theme where a stuck render can be stopped: in a worker thread, ended when it outlasts its
 * time limit or the run is interrupted. The main thread stays free to answer signals meanwhile.
 */
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { InputError, ThemeLoadError, ThemeRenderError } from '../errors.js';
import { onShutdown } from '../cli/shutdown.js';
import type { ThemePdfOptions } from './theme-loader.js';

export interface ThemeJob {
  spec: string;
  cwd: string;
  resume: Resume;
}

/** What the worker is asked: to start loading a theme, or to render with one. */
export type ThemeRequest =
  { kind: 'preload'; spec: string; cwd: string } | { kind: 'render'; job: ThemeJob };

export type ThemeMessage =
  | { kind: 'loaded'; name: string }
  | { kind: 'rendered'; name: string; html: string; pdfRenderOptions: ThemePdfOptions }
  | { kind: 'failed'; message: string; error: keyof typeof THEME_ERRORS };

/** The errors a theme job ends with, by name (the worker sends names: classes do not cross threads). */
const THEME_ERRORS = { InputError, ThemeLoadError, ThemeRenderError };

export interface RenderedTheme {
  /** The package name (or folder name of an unpublished theme). */
  name: string;
  pdfRenderOptions: ThemePdfOptions;
  html: string;
}

/**
 * The worker's module, with this module's own extension: `.ts` when run through tsx, whose loader
 * Node 20 does not start in workers by itself (so the worker registers it first), `.js` when built.
 */
const here = fileURLToPath(import.meta.url);
const WORKER_ENTRY = new URL(`./theme-worker${extname(here)}`, import.meta.url).href;
const TS_LOADER = extname(here) === '.ts' ? import.meta.resolve('tsx/esm/api') : undefined;
const BOOTSTRAP = `const { workerData } = require('node:worker_threads');
(async () => {
  if (workerData.loader) (await import(workerData.loader)).register();
  await import(workerData.entry);
})();`;

export interface ThemeWorker {
  /**
   * Starts loading a theme ahead of its render (while the résumé is validated, say). Nothing is
   * reported: a failure to load is the failure of the render that uses it.
   */
  preload(spec: string, cwd: string): void;
  /** Loads the theme and renders `resume`; fails with an error naming the step that failed. */
  render(job: ThemeJob, timeoutMs: number): Promise<RenderedTheme>;
  /** Ends the worker, whatever it is doing. */
  stop(): Promise<void>;
}

/**
 * Starts the worker now, so that its own start (a thread, and the loader when run through tsx)
 * overlaps whatever comes before the render, such as validation.
 */
export function startThemeWorker(): ThemeWorker {
  const worker = new Worker(BOOTSTRAP, {
    eval: true,
    workerData: { entry: WORKER_ENTRY, loader: TS_LOADER },
    stdout: false,
    stderr: false,
  });
  const terminate = () => worker.terminate().then(() => undefined);
  const forget = onShutdown(terminate);
  // Until render() listens, a worker that fails to start must not crash the process.
  worker.on('error', () => undefined);
  const ask = (request: ThemeRequest) => worker.postMessage(request);
  return {
    preload: (spec, cwd) => ask({ kind: 'preload', spec, cwd }),
    stop: () => {
      forget();
      return terminate();
    },
    render(job, timeoutMs) {
      let name = job.spec;
      let loaded = false;
      let timer: NodeJS.Timeout | undefined;
      let onMessage = (_: ThemeMessage): void => undefined;
      let onError = (_: Error): void => undefined;
      let onExit = (): void => undefined;
      return new Promise<RenderedTheme>((resolve, reject) => {
        const fail = (message: string) =>
          reject(loaded ? new ThemeRenderError(message) : new ThemeLoadError(message));
        timer = setTimeout(() => {
          const step = loaded ? 'render' : 'load';
          fail(
            `Theme ${name} did not ${step} within ${timeoutMs / 1000} s and was stopped: it may loop forever or wait for something that never happens. Fix the theme, or raise the limit with --timeout if it is only slow.`,
          );
        }, timeoutMs);
        onMessage = (message: ThemeMessage) => {
          if (message.kind === 'loaded') {
            name = message.name;
            loaded = true;
          } else if (message.kind === 'rendered') {
            resolve({ name, html: message.html, pdfRenderOptions: message.pdfRenderOptions });
          } else {
            reject(new THEME_ERRORS[message.error](message.message));
          }
        };
        onError = (error: Error) =>
          fail(`Theme ${name} failed to ${loaded ? 'render' : 'load'}: ${error.message}`);
        // The worker ends by itself when nothing is left to wait for.
        onExit = () =>
          fail(
            `Theme ${name} stopped before it ${loaded ? 'returned its HTML' : 'loaded'}: it returned a promise that nothing can ever settle, or ended the process itself. Fix the theme.`,
          );
        worker.on('message', onMessage).on('error', onError).on('exit', onExit);
        ask({ kind: 'render', job });
      }).finally(() => {
        clearTimeout(timer);
        // The worker may take the next job: this one's listeners go.
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      });
    },
  };
}
