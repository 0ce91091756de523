import { createRequire } from 'node:module';

/**
 * puppeteer through `require`: its ESM build is some 200 modules, and under a loader such as tsx's
 * each costs a round trip to the loader thread (seconds in all); its CommonJS build loads in-thread.
 */
export function loadPuppeteer(): typeof import('puppeteer') {
  return createRequire(import.meta.url)('puppeteer') as typeof import('puppeteer');
}

/**
 * Puppeteer's own limit on one browser call (protocol messages, page.pdf). A backstop only: each
 * export step has its own, shorter limit (src/export/export-steps.ts).
 */
export const PUPPETEER_CALL_LIMIT_MS = 120_000;
