/**
 * Getting a browser when there is none: Debian's `chromium` with apt-get where that is allowed
 * (root on Debian), else puppeteer's own Chrome. The apt-get installer also serves
 * `setup-browser --with-test-tools` (poppler, strace).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { BrowserUnavailableError } from '../errors.js';
import type { Progress } from '../runtime.js';
import { runProcess } from '../process/run.js';
import { DEBIAN_ENGINE_PACKAGES } from './engines.js';
import { INSTALL_HINT, findBrowser, hasProgram } from './find.js';

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
  const cli = createRequire(import.meta.url).resolve('puppeteer/lib/cjs/puppeteer/node/cli.js');
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
