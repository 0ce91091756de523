/**
 * Loads and renders a theme in a child process of its own (see theme-render.ts), so that a theme
 * that loops, blocks in a system call or takes all the memory can be killed together with every
 * process it started. Reports `loaded`, then `rendered` or `failed`, for each render it is asked
 * for, and `crashed` when the theme throws where nothing can catch it (a timer, say).
 */
import { InputError, ThemeLoadError, ThemeRenderError } from '../errors.js';
import { describeThrown, loadTheme } from './theme-loader.js';
import type { ThemeJob, ThemeMessage, ThemeRequest } from './theme-render.js';

const send = (message: ThemeMessage, then: () => void = () => undefined) => {
  try {
    process.send?.(message, then);
  } catch {
    // The exporter is gone: nobody is left to tell.
    process.exit(1);
  }
};

// The theme's own error, sent before the process ends, so the export can say it at once.
process.on('uncaughtException', (error) =>
  send({ kind: 'crashed', message: describeThrown(error) }, () => process.exit(1)),
);

/** Each theme is loaded once per process: a batch renders many résumés with it. */
const themes = new Map<string, ReturnType<typeof loadTheme>>();

function themeFor(spec: string, cwd: string): ReturnType<typeof loadTheme> {
  const key = `${cwd}\0${spec}`;
  // Named as soon as it is found, so that a crash while it loads can name it too.
  const loading =
    themes.get(key) ??
    loadTheme(spec, cwd, { onFound: (name) => send({ kind: 'found', spec, name }) });
  themes.set(key, loading);
  return loading;
}

/**
 * One job at a time: while a job runs, no listener holds the IPC channel, so nothing but the
 * theme's own work keeps the process alive, and a render that can never settle ends it at once.
 * A preload starts loading a theme and takes the next request at once; its failure is the render's.
 */
const takeJob = () =>
  process.once('message', (request: ThemeRequest) => {
    if (request.kind === 'preload') {
      themeFor(request.spec, request.cwd).catch(() => undefined);
      takeJob();
    } else {
      void render(request.job);
    }
  });

async function render({ spec, cwd, resume }: ThemeJob): Promise<void> {
  let step: 'load' | 'render' = 'load';
  try {
    const theme = await themeFor(spec, cwd);
    step = 'render';
    send({ kind: 'loaded', name: theme.name });
    const html = await theme.render(resume);
    send({ kind: 'rendered', name: theme.name, html, pdfRenderOptions: pdfOptions(theme) });
  } catch (error) {
    send(failure(error, spec, step));
  }
  takeJob();
}

/** Only data crosses processes: options that are functions or class instances are dropped. */
function pdfOptions(theme: Awaited<ReturnType<typeof loadTheme>>): object {
  try {
    return JSON.parse(JSON.stringify(theme.pdfRenderOptions ?? {})) as object;
  } catch (error) {
    throw new ThemeRenderError(
      `Theme ${theme.name} exports pdfRenderOptions that cannot be read: ${describeThrown(error)}. Make them plain data (numbers, strings, booleans).`,
    );
  }
}

/** Classes do not cross processes: their names do, for theme-render.ts to rebuild them. */
function failure(error: unknown, spec: string, step: 'load' | 'render'): ThemeMessage {
  const ours =
    error instanceof InputError
      ? 'InputError'
      : error instanceof ThemeLoadError
        ? 'ThemeLoadError'
        : error instanceof ThemeRenderError
          ? 'ThemeRenderError'
          : undefined;
  if (ours && error instanceof Error)
    return { kind: 'failed', error: ours, message: error.message };
  // Not one of ours: the theme threw where the loader does not wrap it.
  return {
    kind: 'failed',
    error: step === 'load' ? 'ThemeLoadError' : 'ThemeRenderError',
    message: `Theme ${spec} failed to ${step}: ${describeThrown(error)}`,
  };
}

takeJob();
