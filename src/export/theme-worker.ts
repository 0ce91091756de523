/**
 * Loads and renders a theme in a worker thread, so a theme that loops forever or never settles
 * can be stopped (see theme-render.ts). Reports `loaded`, then `rendered` or `failed`, for each
 * render it is asked for.
 */
import { parentPort } from 'node:worker_threads';
import { InputError, ThemeLoadError, describeError } from '../errors.js';
import { loadTheme } from './theme-loader.js';
import type { ThemeJob, ThemeMessage, ThemeRequest } from './theme-render.js';

const send = (message: ThemeMessage) => parentPort?.postMessage(message);
/** Each theme is loaded once per worker: a batch renders many résumés with it. */
const themes = new Map<string, ReturnType<typeof loadTheme>>();

function themeFor(spec: string, cwd: string): ReturnType<typeof loadTheme> {
  const key = `${cwd}\0${spec}`;
  const loading = themes.get(key) ?? loadTheme(spec, cwd);
  themes.set(key, loading);
  return loading;
}

/**
 * One job at a time: while a job runs, no listener holds the port, so nothing but the theme's own
 * work keeps the worker alive, and a render that can never settle ends the worker at once. A
 * preload starts loading a theme and takes the next request at once; its failure is the render's.
 */
const takeJob = () =>
  parentPort?.once('message', (request: ThemeRequest) => {
    if (request.kind === 'preload') {
      themeFor(request.spec, request.cwd).catch(() => undefined);
      takeJob();
    } else {
      void render(request.job);
    }
  });

async function render({ spec, cwd, resume }: ThemeJob): Promise<void> {
  try {
    const theme = await themeFor(spec, cwd);
    send({ kind: 'loaded', name: theme.name });
    const html = await theme.render(resume);
    // Only data crosses threads: options that are functions or class instances are dropped.
    const pdfRenderOptions = JSON.parse(JSON.stringify(theme.pdfRenderOptions ?? {})) as object;
    send({ kind: 'rendered', name: theme.name, html, pdfRenderOptions });
  } catch (error) {
    send({
      kind: 'failed',
      message: describeError(error),
      // Classes do not cross threads: their names do, for theme-render.ts to rebuild them.
      error:
        error instanceof InputError
          ? 'InputError'
          : error instanceof ThemeLoadError
            ? 'ThemeLoadError'
            : 'ThemeRenderError',
    });
  }
  takeJob();
}

takeJob();
