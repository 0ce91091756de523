/**
 * Finding a Chrome or Chromium: the path named by the environment, then puppeteer's own download,
 * then the system's.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { installedEngines } from './engines.js';
import { loadPuppeteer } from './puppeteer.js';

/** Environment variables that name a browser explicitly; when set, nothing else is tried. */
const EXPLICIT_VARIABLES = ['PUPPETEER_EXECUTABLE_PATH', 'CHROME_PATH'] as const;

const SYSTEM_PATHS = [
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export const INSTALL_HINT =
  'Install Chromium (Debian/Ubuntu: `sudo apt-get install chromium`, or `npm run setup-browser` as root) ' +
  'or point PUPPETEER_EXECUTABLE_PATH at a Chrome or Chromium executable.';

export type BrowserLookup =
  | { found: true; path: string; source: string }
  | { found: false; reason: string; explicit: boolean };

/**
 * The system's browser is a headless shell when one is installed (engines.ts). Cheap: puppeteer is
 * only imported when its download folder exists.
 */
export async function findBrowser(env: NodeJS.ProcessEnv = process.env): Promise<BrowserLookup> {
  for (const variable of EXPLICIT_VARIABLES) {
    const path = env[variable];
    if (!path) continue;
    return existsSync(path)
      ? { found: true, path, source: variable }
      : {
          found: false,
          explicit: true,
          reason: `${variable} is set to ${path}, which does not exist.`,
        };
  }
  const downloaded = await puppeteerDownload(env);
  if (downloaded) return { found: true, path: downloaded, source: "puppeteer's download" };
  const system = findSystemBrowser(env.PATH ?? '');
  if (system) return { found: true, path: system, source: 'system' };
  return { found: false, explicit: false, reason: 'No Chrome or Chromium was found.' };
}

async function puppeteerDownload(env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const cacheDir = env.PUPPETEER_CACHE_DIR ?? join(homedir(), '.cache', 'puppeteer');
  if (!existsSync(cacheDir)) return undefined;
  try {
    const path = loadPuppeteer().executablePath();
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

function findSystemBrowser(searchPath: string): string | undefined {
  return installedEngines(searchPath)[0]?.path ?? SYSTEM_PATHS.find((path) => existsSync(path));
}

function findOnPath(name: string, searchPath: string): string | undefined {
  return searchPath
    .split(delimiter)
    .filter(Boolean)
    .map((directory) => join(directory, name))
    .find((candidate) => existsSync(candidate));
}

/** Whether a program is on the PATH, e.g. poppler's `pdfinfo` or `apt-get`. */
export function hasProgram(name: string, env: NodeJS.ProcessEnv = process.env): boolean {
  return findOnPath(name, env.PATH ?? '') !== undefined;
}

/** Reports the browser's version, e.g. "Chromium 156.0.8078.79". */
export function browserVersion(executablePath: string): string {
  const result = spawnSync(executablePath, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : 'unknown';
}
