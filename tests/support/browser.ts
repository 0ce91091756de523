/**
 * One real Chromium per test file, found and started the way the exporter does it
 * (src/browser/browser.ts), so tests exercise the same launch path users get.
 */
import type { Browser } from 'puppeteer';
import { findBrowser, startBrowser, type RunningBrowser } from '../../src/browser/browser.js';

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
