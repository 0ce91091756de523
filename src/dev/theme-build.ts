/**
 * Themes that are built before use (a `build` script in their package.json, as ours has: its
 * templates and styles are compiled into dist/) must be rebuilt when their sources change.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ThemeLoadError } from '../errors.js';
import { runProcess } from '../run-process.js';
import { devText } from './messages.js';

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
