/**
 * Loads and renders a theme in a worker thread, so a theme that loops forever or never settles
 * can be stopped (see theme-render.ts). Reports `loaded`, then `rendered` or `failed`.
 */
import { parentPort } from 'node:worker_threads';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { describeError } from '../errors.js';
import { InputError, ThemeLoadError } from '../errors.js';
import { loadTheme } from './theme-loader.js';
import type { ThemeJob, ThemeMessage } from './theme-render.js';

const send = (message: ThemeMessage) => parentPort?.postMessage(message);

// One job per worker; once it is taken, nothing but the theme's own work keeps the worker alive.
parentPort?.once('message', async ({ spec, cwd, resume }: ThemeJob) => {
  try {
    const theme = await loadTheme(spec, cwd);
    send({ kind: 'loaded', name: theme.name });
    const html = await theme.render(resume as Resume);
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
});
