import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { rm } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';
import { homedir, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { Browser, ConnectionTransport } from 'puppeteer';
import { killBrowserProcesses, killBrowserProcessesSync } from './browser-processes.js';
import { DEBIAN_ENGINE_PACKAGES, LAYOUT_ARGS, installedEngines } from './engines.js';
import { CliError, EXIT } from '../cli/cli-error.js';
import type { Progress } from '../cli/progress.js';
import { onShutdown } from '../cli/shutdown.js';

/**
 * puppeteer through `require`: its ESM build is some 200 modules, and under a loader such as tsx's
 * each costs a round trip to the loader thread (seconds in all); its CommonJS build loads in-thread.
 */
function loadPuppeteer(): typeof import('puppeteer') {
  return createRequire(import.meta.url)('puppeteer') as typeof import('puppeteer');
}

/** Environment variables that name a browser explicitly; when set, nothing else is tried. */
const EXPLICIT_VARIABLES = ['PUPPETEER_EXECUTABLE_PATH', 'CHROME_PATH'] as const;
/** Set to 1 to never install a browser with apt-get. */
export const NO_INSTALL_VARIABLE = 'CAMERA_READY_NO_BROWSER_INSTALL';

const SYSTEM_PATHS = [
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export const INSTALL_HINT =
  'Install Chromium (Debian/Ubuntu: `sudo apt-get install chromium`, or `npm run setup-browser` as root) ' +
  'or point PUPPETEER_EXECUTABLE_PATH at a Chrome or Chromium executable.';

/** No browser could be found, installed or started: the export keeps what needs no browser. */
export class BrowserUnavailableError extends CliError {
  constructor(message: string) {
    super(message, EXIT.exportFailed);
    this.name = 'BrowserUnavailableError';
  }
}

export type BrowserLookup =
  | { found: true; path: string; source: string }
  | { found: false; reason: string; explicit: boolean };

/**
 * Finds a Chrome or Chromium: the path named by the environment, then puppeteer's own download,
 * then the system's, a headless shell first (engines.ts). Cheap: puppeteer is only imported when
 * its download folder exists.
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

/** Whether Debian's chromium may be installed here without asking: root, apt-get, not disabled. */
export function canInstallBrowser(env: NodeJS.ProcessEnv = process.env): boolean {
  return (
    env[NO_INSTALL_VARIABLE] !== '1' &&
    process.getuid?.() === 0 &&
    existsSync('/etc/debian_version') &&
    findOnPath('apt-get', env.PATH ?? '') !== undefined
  );
}

function findOnPath(name: string, searchPath: string): string | undefined {
  return searchPath
    .split(delimiter)
    .filter(Boolean)
    .map((directory) => join(directory, name))
    .find((candidate) => existsSync(candidate));
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

/**
 * Installs Debian's `chromium` and `chromium-headless-shell` (and `fonts-noto-cjk` when there is
 * no CJK font) with apt-get; apt's own output is shown only when it fails.
 */
export async function installBrowser(progress: Progress): Promise<void> {
  progress.info("no Chrome or Chromium found: installing Debian's chromium (this takes a minute)");
  const fonts = hasCjkFont() ? [] : ['fonts-noto-cjk'];
  await installDebianPackages([...DEBIAN_ENGINE_PACKAGES, ...fonts], progress);
}

/** `apt-get update`, then `apt-get install` of the given packages (root on Debian only). */
export async function installDebianPackages(packages: string[], progress: Progress): Promise<void> {
  const install = `apt-get install -y ${packages.join(' ')}`;
  const steps: [string, string[]][] = [
    ['apt-get update', ['update', '-qq']],
    [install, ['install', '-y', '-qq', '--no-install-recommends', ...packages]],
  ];
  for (const [label, args] of steps) {
    await progress.step(() => runApt(label, args), label);
  }
}

/** Whether a program is on the PATH, e.g. poppler's `pdfinfo`. */
export function hasProgram(name: string, env: NodeJS.ProcessEnv = process.env): boolean {
  return findOnPath(name, env.PATH ?? '') !== undefined;
}

function runApt(label: string, args: string[]): Promise<void> {
  return runQuietly(label, 'apt-get', args, { DEBIAN_FRONTEND: 'noninteractive' });
}

/** Runs an installer, showing its output only when it fails. */
function runQuietly(
  label: string,
  program: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) =>
      reject(new CliError(`${label} failed: ${error.message}`, EXIT.exportFailed)),
    );
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(
            new CliError(`${label} failed (exit ${code}):\n${output.trim()}`, EXIT.exportFailed),
          ),
    );
  });
}

/**
 * A browser path, installing Chromium first when none is found and that is allowed. Throws a
 * CliError (exit 3) that says what to install when there is none.
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
  const installers = canInstallBrowser(env) ? [installBrowser, downloadBrowser] : [downloadBrowser];
  for (const install of installers) {
    try {
      await install(progress);
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

/**
 * Downloads puppeteer's Chrome into its cache (PUPPETEER_CACHE_DIR, else ~/.cache/puppeteer),
 * as `npx puppeteer browsers install chrome` does. `npm install` skips this download
 * (.puppeteerrc.cjs), so that installing works on machines that cannot reach Google's servers.
 */
export async function downloadBrowser(progress: Progress): Promise<void> {
  progress.info("no Chrome or Chromium found: downloading puppeteer's Chrome");
  const cli = createRequire(import.meta.url).resolve('puppeteer/lib/cjs/puppeteer/node/cli.js');
  const label = 'puppeteer browsers install chrome';
  await progress.step(
    () => runQuietly(label, process.execPath, [cli, 'browsers', 'install', 'chrome']),
    label,
  );
}

/** Reports the browser's version, e.g. "Chromium 156.0.8078.79". */
export function browserVersion(executablePath: string): string {
  const result = spawnSync(executablePath, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : 'unknown';
}

/**
 * Switches that seal the browser off from the network, below anything a page can do: every host
 * name (IP literals included) resolves to "not found", so no DNS query, socket, prefetch or
 * preconnect happens; a proxy on a refused port catches whatever would bypass the resolver, and
 * loopback is not exempt from it; WebRTC may send UDP only through that proxy, i.e. never; and
 * Chromium's own services (updates, sync, safe browsing, field trials) stay off.
 */
export const SEALED_NETWORK_ARGS: readonly string[] = [
  '--host-resolver-rules=MAP * ~NOTFOUND',
  '--proxy-server=http://127.0.0.1:9',
  '--proxy-bypass-list=<-loopback>',
  '--webrtc-ip-handling-policy=disable_non_proxied_udp',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--no-pings',
  '--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider,AutofillServerCommunication,NetworkTimeServiceQuerying',
];

/** The flags every launch uses; `--no-sandbox` only where Chromium refuses to start without it. */
export function chromiumArgs(userDataDir: string): string[] {
  return [
    '--headless=new',
    '--remote-debugging-pipe',
    `--user-data-dir=${userDataDir}`,
    '--disable-gpu',
    ...LAYOUT_ARGS,
    ...SEALED_NETWORK_ARGS,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-extensions',
    '--disable-default-apps',
    '--disable-breakpad',
    '--disable-dev-shm-usage',
    '--hide-scrollbars',
    '--mute-audio',
    '--force-color-profile=srgb',
    // Needed for page.pdf's `tagged` and `outline` options.
    '--export-tagged-pdf',
    '--generate-pdf-document-outline',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    'about:blank',
  ];
}

export interface RunningBrowser {
  /** The Chromium process; killing it is how a crash is simulated. */
  readonly process: ChildProcess;
  /** Connects puppeteer (imported on first use) to the running browser. */
  connect(): Promise<Browser>;
  /**
   * Closes the browser (killing it if it does not close at once), waits until every one of its
   * processes is gone, then removes its profile folder.
   */
  close(): Promise<void>;
}

const PROFILE_PREFIX = 'camera-ready-chromium-';
/**
 * Chromium puts its singleton socket at `$TMPDIR/.org.chromium.Chromium.XXXXXX/SingletonSocket`,
 * and a Unix socket path holds at most 107 bytes. Its TMPDIR is the profile folder, so that
 * folder's parent may be this long at most.
 */
const MAX_PROFILE_PARENT =
  107 - '/.org.chromium.Chromium.XXXXXX/SingletonSocket'.length - `/${PROFILE_PREFIX}XXXXXX`.length;
/** How long a browser gets to close by itself before it is killed. */
const CLOSE_GRACE_MS = 1000;

/** The system's temporary folder, or /tmp when that path is too long for Chromium's socket. */
function profileParent(): string {
  const parent = tmpdir();
  return parent.length <= MAX_PROFILE_PARENT ? parent : '/tmp';
}

/**
 * Starts Chromium directly rather than through puppeteer.launch, so the browser boots while the
 * rest of the export (puppeteer's own import included) is still loading. It runs in a process
 * group of its own, so that every helper it starts can be killed and waited for together.
 */
export async function startBrowser(executablePath: string): Promise<RunningBrowser> {
  // Created synchronously, in the same tick as the exit hook below: no window to leave it behind.
  const userDataDir = mkdtempSync(join(profileParent(), PROFILE_PREFIX));
  const child = spawn(executablePath, chromiumArgs(userDataDir), {
    // Chromium's own temporary files go inside the profile folder, so removing it leaves nothing.
    env: { ...process.env, TMPDIR: userDataDir },
    stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
    detached: true,
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    // Keep the tail only: enough to explain a failed start.
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  const failedToStart = new Promise<never>((_, reject) => {
    child.once('error', (error) =>
      reject(new BrowserUnavailableError(`Could not start ${executablePath}: ${error.message}`)),
    );
  });
  // Seen by connect(); until someone connects, a failed start must not crash the process.
  failedToStart.catch(() => undefined);
  let connection: Promise<Browser> | undefined;
  let connected: Browser | undefined;
  let closing: Promise<void> | undefined;
  // If the process ends without close() (process.exit), take the browser and its profile along.
  const cleanUpOnExit = () => {
    killBrowserProcessesSync(child, userDataDir);
    rmSync(userDataDir, { recursive: true, force: true, maxRetries: 3 });
  };
  process.once('exit', cleanUpOnExit);
  const close = () =>
    (closing ??= (async () => {
      if (child.exitCode === null && child.signalCode === null && connected?.connected) {
        // A connected browser closes cleanly; a busy or starting one is killed.
        await Promise.race([connected.close().catch(() => undefined), delay(CLOSE_GRACE_MS)]);
      }
      await killBrowserProcesses(child, userDataDir);
      await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
      process.off('exit', cleanUpOnExit);
      forgetOnShutdown();
    })());
  const forgetOnShutdown = onShutdown(close);

  return {
    process: child,
    connect() {
      connection ??= Promise.race([
        failedToStart,
        (async () => {
          const puppeteer = loadPuppeteer();
          // Killed while puppeteer loaded (the export failed early): its pipe will never answer.
          if (child.exitCode !== null || child.signalCode !== null) {
            throw new BrowserUnavailableError('Chromium exited before it could be used.');
          }
          const transport = pipeTransport(child.stdio[3] as Writable, child.stdio[4] as Readable);
          connected = await puppeteer.connect({
            transport,
            defaultViewport: null,
            protocolTimeout: 120_000,
          });
          return connected;
        })(),
      ]).catch((error: unknown) => {
        const detail = stderr.trim() ? `\n${stderr.trim()}` : '';
        throw error instanceof CliError
          ? error
          : new BrowserUnavailableError(`Chromium at ${executablePath} did not start.${detail}`);
      });
      return connection;
    },
    close,
  };
}

/** The DevTools protocol over Chromium's pipe: JSON messages separated by NUL bytes. */
function pipeTransport(write: Writable, read: Readable): ConnectionTransport {
  let pending = Buffer.alloc(0);
  const transport: ConnectionTransport = {
    send(message) {
      write.write(`${message}\0`);
    },
    close() {
      write.end();
    },
  };
  read.on('data', (chunk: Buffer) => {
    // Split on bytes, not characters: a chunk may end inside a multi-byte character.
    let buffer = Buffer.concat([pending, chunk]);
    for (let end = buffer.indexOf(0); end !== -1; end = buffer.indexOf(0)) {
      transport.onmessage?.(buffer.toString('utf8', 0, end));
      buffer = buffer.subarray(end + 1);
    }
    pending = buffer;
  });
  read.on('close', () => transport.onclose?.());
  // A write to a browser that was killed must not crash the process: the pending call fails instead.
  write.on('error', () => undefined);
  return transport;
}
