/**
 * Starting Chromium directly rather than through puppeteer.launch, so the browser boots while the
 * rest of the export (puppeteer's own import included) is still loading. It runs in a process
 * group of its own, so that every helper it starts can be killed and waited for together.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { Browser } from 'puppeteer';
import { BrowserUnavailableError } from '../errors.js';
import { onShutdown } from '../runtime.js';
import { killBrowserProcesses, killBrowserProcessesSync } from './browser-processes.js';
import { chromiumArgs } from './chromium-args.js';
import { pipeTransport } from './pipe-transport.js';
import { PUPPETEER_CALL_LIMIT_MS, loadPuppeteerCore } from './puppeteer.js';

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

/** Whether the browser's process has ended (crashed, killed or closed). */
export function browserGone(browser: RunningBrowser): boolean {
  const { exitCode, signalCode } = browser.process;
  return exitCode !== null || signalCode !== null;
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
  const failedToStart = new Promise<never>((_, reject) => {
    child.once('error', (error) =>
      reject(new BrowserUnavailableError(`Could not start ${executablePath}: ${error.message}`)),
    );
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
    if (child.exitCode !== null || child.signalCode !== null) {
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
