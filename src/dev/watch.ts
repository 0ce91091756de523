/**
 * What the preview watches, and how: the résumé file and the theme's folders, each change called
 * back once per burst of events, after the burst has settled, with the time of its first event
 * (so the delay to the reload can be reported). Themes that are built before use (a `build`
 * script in their package.json, as ours has: its templates and styles are compiled into dist/)
 * are watched at their sources and rebuilt when they change.
 */
import { existsSync, readFileSync, statSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ThemeLoadError } from '../errors.js';
import { runProcess } from '../run-process.js';
import { devText } from './messages.js';

export interface Watcher {
  close(): void;
}

export interface WatchOptions {
  /** Quiet time after the last event before `onChange` is called. */
  settleMs: number;
  onChange: (firstEventAt: number) => void;
  log: (line: string) => void;
}

function settled(settleMs: number, onChange: (firstEventAt: number) => void) {
  let timer: NodeJS.Timeout | undefined;
  let first: number | undefined;
  return {
    trigger: () => {
      first ??= performance.now();
      clearTimeout(timer);
      timer = setTimeout(() => {
        const at = first ?? performance.now();
        first = undefined;
        onChange(at);
      }, settleMs);
    },
    cancel: () => clearTimeout(timer),
  };
}

/**
 * Starts a watcher whose events are settled into bursts, whose errors are reported, not thrown,
 * and whose close also cancels a pending call.
 */
function watching(
  what: string,
  { settleMs, onChange, log }: WatchOptions,
  start: (trigger: () => void) => FSWatcher,
): Watcher {
  const burst = settled(settleMs, onChange);
  const watcher = start(burst.trigger);
  watcher.on('error', (error) => log(devText.stoppedWatching(what, error.message)));
  return {
    close() {
      burst.cancel();
      watcher.close();
    },
  };
}

/**
 * Watches one file through its folder: editors that save by writing a temporary file and renaming
 * it over the original replace the file, which a watch on the file itself would lose.
 */
export function watchFile(file: string, options: WatchOptions): Watcher {
  const name = basename(file);
  return watching(file, options, (trigger) =>
    watch(dirname(resolve(file)), (_event, changed) => {
      if (changed === null || changed === name) trigger();
    }),
  );
}

/** Watches a folder and everything below it; a folder that does not exist is not watched. */
export function watchTree(folder: string, options: WatchOptions): Watcher {
  if (!existsSync(folder)) return { close: () => undefined };
  return watching(folder, options, (trigger) => watch(folder, { recursive: true }, trigger));
}

/** The folders a theme's own sources live in, by the common layouts. */
const SOURCE_FOLDERS = ['templates', 'styles', 'src', 'partials', 'components'];
/**
 * The longest a theme's build may take. Ours compiles its templates, styles and fonts in seconds;
 * a build that has not finished by then is waiting for something that will not happen.
 */
export const THEME_BUILD_LIMIT_MS = 60_000;
/** What a theme without a build step is loaded from. */
const LOADED_FOLDERS = ['templates', 'styles', 'dist', 'lib', 'partials', 'components'];

export interface ThemeWatchPlan {
  /** Folders whose changes need the theme loaded afresh. */
  folders: string[];
  /** Runs the theme's build before it is loaded again; absent when it has none. */
  rebuild?: () => Promise<void>;
}

function hasBuildScript(location: string): boolean {
  const manifest = join(location, 'package.json');
  if (!existsSync(manifest)) return false;
  try {
    const { scripts } = JSON.parse(readFileSync(manifest, 'utf8')) as {
      scripts?: Record<string, unknown>;
    };
    return typeof scripts?.build === 'string';
  } catch {
    return false;
  }
}

/**
 * What to watch for a theme at `location` (a folder or an entry file). A theme with a build
 * script is watched at its sources and rebuilt on change; its build output is not watched, or
 * every build would trigger the next.
 */
export function themeWatchPlan(
  location: string,
  { buildLimitMs = THEME_BUILD_LIMIT_MS }: { buildLimitMs?: number } = {},
): ThemeWatchPlan {
  if (!statSync(location).isDirectory()) return { folders: [location] };
  if (!hasBuildScript(location)) {
    return { folders: LOADED_FOLDERS.map((folder) => join(location, folder)) };
  }
  return {
    folders: SOURCE_FOLDERS.map((folder) => join(location, folder)),
    rebuild: () => runBuild(location, buildLimitMs),
  };
}

/**
 * `npm run build` in the theme's folder, in a process group of its own that is killed whole when
 * it outlasts its limit or the preview ends (npm, its `sh` and what that starts); a failure
 * carries what the build printed.
 */
async function runBuild(location: string, limitMs: number): Promise<void> {
  const built = await runProcess('npm', ['run', 'build', '--silent'], {
    cwd: location,
    timeoutMs: limitMs,
    group: true,
  });
  if (built.timedOut) {
    throw new ThemeLoadError(devText.themeBuildTimedOut(limitMs / 1000, built.output.trim()));
  }
  if (built.code !== 0) {
    throw new ThemeLoadError(devText.themeBuildFailed(built.output.trim()));
  }
}
