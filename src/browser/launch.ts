/**
 * Starting Chromium directly rather than through puppeteer.launch, so the browser boots while the
 * rest of the export (puppeteer's own import included) is still loading: its command line, the
 * DevTools protocol over its pipe, and its end. It runs in a process group of its own, so that
 * every helper it starts can be killed and waited for together.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import type { Browser, ConnectionTransport } from 'puppeteer';
import { BrowserUnavailableError } from '../errors.js';
import { onShutdown } from '../runtime.js';

const require = createRequire(import.meta.url);

/**
 * puppeteer-core, the part of puppeteer that drives a running browser: all an export needs to
 * connect, without puppeteer's download settings.
 */
function loadPuppeteerCore(): typeof import('puppeteer-core') {
  return require('puppeteer-core') as typeof import('puppeteer-core');
}

/**
 * Puppeteer's own limit on one browser call (protocol messages, page.pdf). A backstop only: each
 * export step has its own, shorter limit (runStep, src/export/browser-session.ts).
 */
export const PUPPETEER_CALL_LIMIT_MS = 120_000;

/* The command line every Chromium of ours starts with. */

/**
 * The headless shell's default font hinting is "full", which also turns off subpixel glyph
 * positioning: every glyph advance is rounded to a whole pixel, so lines come out longer or shorter
 * than in Chromium, words wrap elsewhere and page breaks move (the seed CV printed on three pages).
 * "none" keeps subpixel positioning, as Chromium lays text out; Chromium's pages are the same with it.
 */
const LAYOUT_ARGS: readonly string[] = ['--font-render-hinting=none'];

/**
 * Switches that seal the browser off from the network, below anything a page can do: every host
 * name (IP literals included) resolves to "not found", so no DNS query, socket, prefetch or
 * preconnect happens; a proxy on a refused port catches whatever would bypass the resolver, and
 * loopback is not exempt from it; WebRTC may send UDP only through that proxy, i.e. never; and
 * Chromium's own services (updates, sync, safe browsing, field trials) stay off.
 */
const SEALED_NETWORK_ARGS: readonly string[] = [
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

/**
 * The DevTools protocol over Chromium's pipe (`--remote-debugging-pipe`, fds 3 and 4): JSON
 * messages separated by NUL bytes. Ours rather than puppeteer.launch, so Chromium can be spawned
 * before puppeteer is even loaded (see startBrowser; bench/launch-transport.mjs measures the gain).
 */
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

/*
 * Ending every process of one Chromium: the browser runs in a process group of its own, and
 * helpers that leave the group (crashpad's handlers start sessions of their own) still carry the
 * TMPDIR it was given, which names its unique profile folder.
 */
/**
 * The processes of the browser that still run. Killed ones stay zombies until init reaps them
 * (up to a second here); they can do nothing and do not count. Outside Linux, only the group is
 * seen, as a whole.
 */
function running(child: ChildProcess, tmpdir: string): number[] {
  const group = child.pid;
  if (group === undefined) return [];
  if (process.platform !== 'linux') return signalable(-group) ? [-group] : [];
  const marker = `TMPDIR=${tmpdir}\0`;
  return readdirSync('/proc').flatMap((entry) => {
    if (!/^\d+$/.test(entry)) return [];
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // After the command name: state, parent, process group.
      const [state, , processGroup] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state === 'Z' || state === 'X') return [];
      if (Number(processGroup) === group) return [Number(entry)];
      return readFileSync(`/proc/${entry}/environ`, 'utf8').includes(marker) ? [Number(entry)] : [];
    } catch {
      // Gone meanwhile, or another user's.
      return [];
    }
  });
}

function signalable(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function kill(pids: number[]): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

/**
 * SIGKILL to the browser's group and every helper, again until none runs: one still alive could
 * recreate the profile folder after it is removed, and one forked as the first signal went out
 * escaped it.
 */
async function killBrowserProcesses(
  child: ChildProcess,
  tmpdir: string,
  limitMs = 3000,
): Promise<void> {
  if (child.pid === undefined) return;
  kill([-child.pid]);
  for (const end = performance.now() + limitMs; performance.now() < end; await delay(10)) {
    const pids = running(child, tmpdir);
    if (pids.length === 0) return;
    kill(pids);
  }
}

/** The same, blocking: for the process's exit hook, where nothing asynchronous runs. */
function killBrowserProcessesSync(child: ChildProcess, tmpdir: string, limitMs = 1000): void {
  if (child.pid === undefined) return;
  kill([-child.pid]);
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (const end = performance.now() + limitMs; performance.now() < end;) {
    const pids = running(child, tmpdir);
    if (pids.length === 0) return;
    kill(pids);
    Atomics.wait(pause, 0, 0, 10);
  }
}

export interface RunningBrowser {
  /** The Chromium process. */
  readonly process: ChildProcess;
  /** Connects puppeteer (imported on first use) to the running browser. */
  connect(): Promise<Browser>;
  /** Kills the browser, waits until every one of its processes is gone, then removes its profile. */
  close(): Promise<void>;
}

/** How a browser is started: `startBrowser`, or another in tests (one that crashes, say). */
export type BrowserLauncher = (
  executablePath: string,
  env: NodeJS.ProcessEnv,
) => Promise<RunningBrowser>;

/**
 * The browsers startBrowser started whose process has ended, as Node reports it: 'exit' once it
 * ran, 'error' when it could not be started.
 */
const endedBrowsers = new WeakSet<ChildProcess>();

/**
 * Whether the browser's process has ended (crashed, killed or closed). One that another launcher
 * started (puppeteer.launch, in bench/launch-transport.mjs) is seen to end only by a signal.
 */
export function browserGone(browser: RunningBrowser): boolean {
  return endedBrowsers.has(browser.process) || browser.process.signalCode !== null;
}

const PROFILE_PREFIX = 'camera-ready-chromium-';
/**
 * Chromium puts its singleton socket at `$TMPDIR/.org.chromium.Chromium.XXXXXX/SingletonSocket`,
 * and a Unix socket path holds at most 107 bytes. Its TMPDIR is the profile folder, so that
 * folder's parent may be this long at most.
 */
const MAX_PROFILE_PARENT =
  107 - '/.org.chromium.Chromium.XXXXXX/SingletonSocket'.length - `/${PROFILE_PREFIX}XXXXXX`.length;

/** The system's temporary folder, or /tmp when that path is too long for Chromium's socket. */
function profileParent(env: NodeJS.ProcessEnv): string {
  const parent = env.TMPDIR?.replace(/(.)\/+$/, '$1') || tmpdir();
  return parent.length <= MAX_PROFILE_PARENT ? parent : '/tmp';
}

/** Starts Chromium with `env` (its TMPDIR aside, which becomes the profile folder). */
export async function startBrowser(
  executablePath: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<RunningBrowser> {
  // Created synchronously, in the same tick as the exit hook below: no window to leave it behind.
  const userDataDir = mkdtempSync(join(profileParent(env), PROFILE_PREFIX));
  const child = spawn(executablePath, chromiumArgs(userDataDir), {
    // Chromium's own temporary files go inside the profile folder, so removing it leaves nothing.
    env: { ...env, TMPDIR: userDataDir },
    stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
    detached: true,
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    // Keep the tail only: enough to explain a failed start.
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  child.once('exit', () => endedBrowsers.add(child));
  const failedToStart = new Promise<never>((_, reject) => {
    child.once('error', (error) => {
      endedBrowsers.add(child);
      reject(new BrowserUnavailableError(`Could not start ${executablePath}: ${error.message}`));
    });
  });
  // Seen by connect(); until someone connects, a failed start must not crash the process.
  failedToStart.catch(() => undefined);
  let connection: Promise<Browser> | undefined;
  let closing: Promise<void> | undefined;
  // If the process ends without close() (an exit from anywhere), take the browser and its profile along.
  const cleanUpOnExit = () => {
    killBrowserProcessesSync(child, userDataDir);
    rmSync(userDataDir, { recursive: true, force: true, maxRetries: 3 });
  };
  process.once('exit', cleanUpOnExit);
  const close = () =>
    (closing ??= (async () => {
      // Killed rather than asked to close: its profile is thrown away, so there is nothing for it
      // to save, and a clean shutdown takes tens of milliseconds.
      await killBrowserProcesses(child, userDataDir);
      await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
      process.off('exit', cleanUpOnExit);
      forgetOnShutdown();
    })());
  const forgetOnShutdown = onShutdown(close);

  const connect = async (): Promise<Browser> => {
    const puppeteer = loadPuppeteerCore();
    // Killed while puppeteer loaded (the export failed early): its pipe will never answer.
    if (endedBrowsers.has(child)) {
      throw new BrowserUnavailableError('Chromium exited before it could be used.');
    }
    const transport = pipeTransport(child.stdio[3] as Writable, child.stdio[4] as Readable);
    return puppeteer.connect({
      transport,
      defaultViewport: null,
      protocolTimeout: PUPPETEER_CALL_LIMIT_MS,
    });
  };
  return {
    process: child,
    connect() {
      connection ??= Promise.race([failedToStart, connect()]).catch((error: unknown) => {
        const detail = stderr.trim() ? `\n${stderr.trim()}` : '';
        throw error instanceof BrowserUnavailableError
          ? error
          : new BrowserUnavailableError(`Chromium at ${executablePath} did not start.${detail}`);
      });
      return connection;
    },
    close,
  };
}
