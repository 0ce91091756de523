import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * puppeteer through `require`: its ESM build is some 200 modules, and under a loader such as tsx's
 * each costs a round trip to the loader thread (seconds in all); its CommonJS build loads in-thread.
 * For its download's path (see find.ts).
 */
export function loadPuppeteer(): typeof import('puppeteer') {
  return require('puppeteer') as typeof import('puppeteer');
}

/**
 * puppeteer-core, the part of puppeteer that drives a running browser: all an export needs to
 * connect, without puppeteer's download settings.
 */
export function loadPuppeteerCore(): typeof import('puppeteer-core') {
  return require('puppeteer-core') as typeof import('puppeteer-core');
}

/**
 * Puppeteer's own limit on one browser call (protocol messages, page.pdf). A backstop only: each
 * export step has its own, shorter limit (src/export/export-steps.ts).
 */
export const PUPPETEER_CALL_LIMIT_MS = 120_000;
