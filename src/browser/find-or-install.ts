/**
 * A browser to print with. Finding one: the path named by the environment, then puppeteer's own
 * download, then the system's, where a headless shell is preferred to Chromium. Getting one when
 * there is none: Debian's `chromium` with apt-get where that is allowed (root on Debian), else
 * puppeteer's own Chrome. The apt-get installer also serves `setup-browser --with-test-tools`
 * (poppler, strace).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { BrowserUnavailableError } from '../errors.js';
import type { Progress } from '../runtime.js';
import { runProcess } from '../run-process.js';

/*
 * The Chromium builds that can print a résumé, and which one the export prefers. The headless
 * shell (Debian's `chromium-headless-shell`) is Chromium's renderer without the browser around
 * it: a bare launch → print → close takes about 0.6 of Chromium's time with it, and, launched with
 * LAYOUT_ARGS (launch.ts), it prints the same pages with the same text and links.
 */
export type EngineKind = 'headless-shell' | 'browser';

export interface Engine {
  kind: EngineKind;
  /** The executable's name on PATH, e.g. `chromium-headless-shell`. */
  name: string;
  path: string;
}

/** Names on PATH, fastest first: a headless shell is used whenever one is installed. */
const ENGINE_NAMES: readonly [string, EngineKind][] = [
  ['chromium-headless-shell', 'headless-shell'],
  ['chrome-headless-shell', 'headless-shell'],
  ['chromium', 'browser'],
  ['chromium-browser', 'browser'],
  ['google-chrome', 'browser'],
  ['google-chrome-stable', 'browser'],
];

/** Debian's packages of both engines: Chromium, which the JSON Resume clients print with, and the shell. */
const DEBIAN_ENGINE_PACKAGES: readonly string[] = ['chromium', 'chromium-headless-shell'];

/**
 * Executables to start in place of a launcher script. Debian's /usr/bin/chromium-headless-shell
 * runs the shell as its child instead of becoming it (no `exec`): a signal to the process the
 * export started would reach the script and leave the browser running.
 */
const EXECUTABLES: Readonly<Record<string, string>> = {
  '/usr/bin/chromium-headless-shell': '/usr/lib/chromium/chromium-headless-shell',
};

/** Every engine installed on `searchPath`, in order of preference. */
export function installedEngines(searchPath: string): Engine[] {
  const directories = searchPath.split(delimiter).filter(Boolean);
  return ENGINE_NAMES.flatMap(([name, kind]) => {
    const onPath = directories.map((directory) => join(directory, name)).find(existsSync);
    if (!onPath) return [];
    const executable = EXECUTABLES[onPath];
    return [{ kind, name, path: executable && existsSync(executable) ? executable : onPath }];
  });
}

const require = createRequire(import.meta.url);

/**
 * puppeteer through `require`: its ESM build is some 200 modules, and under a loader such as tsx's
 * each costs a round trip to the loader thread (seconds in all); its CommonJS build loads in-thread.
 * For its download's path (see puppeteerDownload).
 */
function loadPuppeteer(): typeof import('puppeteer') {
  return require('puppeteer') as typeof import('puppeteer');
}

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
 * The system's browser is a headless shell when one is installed (installedEngines). Cheap:
 * puppeteer is only imported when its download folder exists.
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

/** Set to 1 to never install a browser with apt-get. */
export const NO_INSTALL_VARIABLE = 'CAMERA_READY_NO_BROWSER_INSTALL';

/** Whether Debian packages may be installed here without asking: root, apt-get, not disabled. */
export function canInstallBrowser(env: NodeJS.ProcessEnv = process.env): boolean {
  return (
    env[NO_INSTALL_VARIABLE] !== '1' &&
    process.getuid?.() === 0 &&
    existsSync('/etc/debian_version') &&
    hasProgram('apt-get', env)
  );
}

/**
 * Whether fontconfig knows a Noto CJK font, which the theme names for Chinese, Japanese and
 * Korean; false where fontconfig itself is missing.
 */
export function hasCjkFont(): boolean {
  try {
    const found = execFileSync('fc-list', [':family=Noto Sans CJK SC', 'family'], {
      encoding: 'utf8',
    });
    return found.trim() !== '';
  } catch {
    return false;
  }
}

/** `apt-get update`, then `apt-get install` of the given packages (root on Debian only). */
export async function installDebianPackages(
  packages: string[],
  progress: Progress,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const install = `apt-get install -y ${packages.join(' ')}`;
  const steps: [string, string[]][] = [
    ['apt-get update', ['update', '-qq']],
    [install, ['install', '-y', '-qq', '--no-install-recommends', ...packages]],
  ];
  const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const [label, args] of steps) {
    await progress.step(() => runQuietly(label, 'apt-get', args, aptEnv), label);
  }
}

/** Debian's `chromium` and `chromium-headless-shell`, and `fonts-noto-cjk` when there is no CJK font. */
async function installDebianChromium(progress: Progress, env: NodeJS.ProcessEnv): Promise<void> {
  progress.info("no Chrome or Chromium found: installing Debian's chromium (this takes a minute)");
  const fonts = hasCjkFont() ? [] : ['fonts-noto-cjk'];
  await installDebianPackages([...DEBIAN_ENGINE_PACKAGES, ...fonts], progress, env);
}

/**
 * Downloads puppeteer's Chrome into its cache (PUPPETEER_CACHE_DIR, else ~/.cache/puppeteer),
 * as `npx puppeteer browsers install chrome` does. `npm install` skips this download
 * (.puppeteerrc.cjs), so that installing works on machines that cannot reach Google's servers.
 */
async function downloadChrome(progress: Progress, env: NodeJS.ProcessEnv): Promise<void> {
  progress.info("no Chrome or Chromium found: downloading puppeteer's Chrome");
  const cli = require.resolve('puppeteer/lib/cjs/puppeteer/node/cli.js');
  const label = 'puppeteer browsers install chrome';
  const args = [cli, 'browsers', 'install', 'chrome'];
  await progress.step(() => runQuietly(label, process.execPath, args, env), label);
}

/**
 * The longest one installer program may run: Debian's chromium is about 100 MB from the mirror,
 * puppeteer's Chrome about 150 MB from Google; minutes on a slow line, never a quarter of an hour.
 * No page limit counts this time.
 */
export const INSTALL_LIMIT_MS = 15 * 60_000;

/** Runs an installer within INSTALL_LIMIT_MS, showing its output only when it fails. */
async function runQuietly(
  label: string,
  program: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const result = await runProcess(program, args, { env, timeoutMs: INSTALL_LIMIT_MS }).catch(
    (error: Error) => {
      throw new BrowserUnavailableError(`${label} failed: ${error.message}`);
    },
  );
  if (result.signal !== null) {
    throw new BrowserUnavailableError(
      `${label} took longer than ${INSTALL_LIMIT_MS / 60_000} min and was stopped.`,
    );
  }
  if (result.code !== 0) {
    throw new BrowserUnavailableError(
      `${label} failed (exit ${result.code}):\n${result.output.trim()}`,
    );
  }
}

/**
 * A browser path, installing Chromium first when none is found and that is allowed. Throws a
 * BrowserUnavailableError that says what to install when there is none.
 */
export async function resolveBrowser(
  progress: Progress,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const lookup = await findBrowser(env);
  if (lookup.found) return lookup.path;
  if (lookup.explicit) throw new BrowserUnavailableError(`${lookup.reason} ${INSTALL_HINT}`);
  const failures: string[] = [];
  // Debian's package where that is possible (it needs no internet beyond the package mirror),
  // else puppeteer's own Chrome.
  const installers = canInstallBrowser(env)
    ? [installDebianChromium, downloadChrome]
    : [downloadChrome];
  for (const install of installers) {
    try {
      await install(progress, env);
    } catch (error) {
      failures.push(failureSummary(error));
      continue;
    }
    const retry = await findBrowser(env);
    if (retry.found) return retry.path;
  }
  const tried = failures.length > 0 ? ` Tried: ${failures.join('; ')}.` : '';
  throw new BrowserUnavailableError(`${lookup.reason}${tried} ${INSTALL_HINT}`);
}

/** One line for an installer's failure: what failed, and the installer's own reason. */
function failureSummary(error: unknown): string {
  const [what = '', ...output] = (error instanceof Error ? error.message : String(error))
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const reason = output.find((line) => /^(E:|Error\b|- )|ENOTFOUND|EAI_AGAIN/.test(line));
  return reason ? `${what.replace(/:$/, '')}: ${reason}` : what;
}
