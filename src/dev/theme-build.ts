/**
 * Themes that are built before use (a `build` script in their package.json, as ours has: its
 * templates and styles are compiled into dist/) must be rebuilt when their sources change.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ThemeLoadError } from '../errors.js';
import { devText } from './messages.js';

/** The folders a theme's own sources live in, by the common layouts. */
const SOURCE_FOLDERS = ['templates', 'styles', 'src', 'partials', 'components'];
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
export function themeWatchPlan(location: string): ThemeWatchPlan {
  if (!statSync(location).isDirectory()) return { folders: [location] };
  if (!hasBuildScript(location)) {
    return { folders: LOADED_FOLDERS.map((folder) => join(location, folder)) };
  }
  return {
    folders: SOURCE_FOLDERS.map((folder) => join(location, folder)),
    rebuild: () => runBuild(location),
  };
}

/** `npm run build` in the theme's folder; a failure carries what the build printed. */
function runBuild(location: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', 'build', '--silent'], {
      cwd: location,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new ThemeLoadError(devText.themeBuildFailed(output.trim()))),
    );
  });
}
