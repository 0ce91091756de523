/**
 * Loads and renders a theme in a worker thread, so a theme that loops forever or never settles
 * can be stopped (see theme-render.ts). Reports `loaded`, then `rendered` or `failed`.
 */
import { parentPort } from 'node:worker_threads';
import { CliError, EXIT, describeError } from '../cli/cli-error.js';
import { loadTheme } from './theme-loader.js';
import type { ThemeJob, ThemeMessage } from './theme-render.js';

const send = (message: ThemeMessage) => parentPort?.postMessage(message);

async function run({ spec, cwd, resume }: ThemeJob): Promise<void> {
  try {
    const theme = await loadTheme(spec, cwd);
    send({ kind: 'loaded', name: theme.name });
    const html = await theme.render(resume);
    // Only data crosses threads: options that are functions or class instances are dropped.
    const pdfRenderOptions = JSON.parse(JSON.stringify(theme.pdfRenderOptions ?? {})) as object;
    send({ kind: 'rendered', name: theme.name, html, pdfRenderOptions });
  } catch (error) {
    send({
      kind: 'failed',
      message: describeError(error),
      exitCode: error instanceof CliError ? error.exitCode : EXIT.exportFailed,
    });
  }
}

// One job per worker; once it is taken, nothing but the theme's own work keeps the worker alive.
parentPort?.once('message', (job: ThemeJob) => void run(job));
