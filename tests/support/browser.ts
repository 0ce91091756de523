/**
 * One real Chromium per test file, found and started the way the exporter does it
 * (src/browser/find-or-install.ts, launch.ts), so tests exercise the same launch path users get.
 */
import { once } from 'node:events';
import type { Browser, Page } from 'puppeteer';
import { findBrowser } from '../../src/browser/find-or-install.js';
import {
  startBrowser,
  type BrowserLauncher,
  type RunningBrowser,
} from '../../src/browser/launch.js';

export interface TestBrowser {
  browser: Browser;
  close(): Promise<void>;
}

export async function launchTestBrowser(): Promise<TestBrowser> {
  const lookup = await findBrowser();
  if (!lookup.found) throw new Error(`Tests need Chromium: ${lookup.reason}`);
  const running: RunningBrowser = await startBrowser(lookup.path);
  const browser = await running.connect();
  return { browser, close: () => running.close() };
}

/**
 * Starts a real Chromium that is killed (SIGKILL) the moment a page is asked to print, and only
 * then lets the print go ahead: a browser crash at the worst moment of an export.
 */
export const browserThatDiesBeforePrint: BrowserLauncher = async (path, env) => {
  const running = await startBrowser(path, env);
  const rigged = new WeakSet<Page>();
  return {
    process: running.process,
    close: () => running.close(),
    async connect() {
      const browser = await running.connect();
      for (const page of await browser.pages()) {
        if (rigged.has(page)) continue;
        rigged.add(page);
        const print = page.pdf.bind(page);
        page.pdf = async (options) => {
          const exited = once(running.process, 'exit');
          running.process.kill('SIGKILL');
          await exited;
          return print(options);
        };
      }
      return browser;
    },
  };
};
