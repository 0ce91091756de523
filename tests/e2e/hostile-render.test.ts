/**
 * Hostile résumés through the theme, opened in real Chromium: whatever the résumé's strings
 * contain, the page runs no script, fetches nothing, and gains no element or attribute from them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { launchTestBrowser, type TestBrowser } from '../support/browser.js';
import { hostile, hostileMix, PAYLOADS } from '../support/hostile.js';
import { theme } from '../support/theme.js';

interface Observed {
  /** Every URL the page asked for, other than the theme's own inlined `data:` fonts. */
  requests: string[];
  /** How many of the theme's own `data:` fonts were loaded. */
  fonts: number;
  dialogs: string[];
  console: string[];
  errors: string[];
  pwned: unknown;
  /** Elements and attributes that can only come from an injection. */
  injected: string[];
}

/** What the DOM must never contain, whatever the résumé says. */
function findInjected(): string[] {
  const found: string[] = [];
  const dangerous = /^(javascript|data|vbscript):/i;
  const urlAttributes = [
    'href',
    'src',
    'action',
    'formaction',
    'xlink:href',
    'data',
    'poster',
    'srcset',
    'background',
  ];
  const forbidden =
    'script, iframe, object, embed, frame, frameset, applet, base, form, meta[http-equiv], [data-pwned]';
  for (const element of document.querySelectorAll(forbidden))
    found.push(element.outerHTML.slice(0, 120));
  for (const element of document.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      // Browsers drop control characters and whitespace when reading a URL's scheme.
      const value = attribute.value.replace(/[\u0000-\u0020]/g, '');
      if (name.startsWith('on')) found.push(`${element.tagName} ${name}`);
      if (urlAttributes.includes(name) && dangerous.test(value))
        found.push(`${element.tagName} ${name}=${attribute.value}`);
    }
  }
  return found;
}

function nothingObserved(): Observed {
  return {
    requests: [],
    fonts: 0,
    dialogs: [],
    console: [],
    errors: [],
    pwned: undefined,
    injected: [],
  };
}

let chromium: TestBrowser;
let page: Page;
let observed = nothingObserved();

beforeAll(async () => {
  chromium = await launchTestBrowser();
  // One page for the whole file; each résumé gets a fresh document (and window) in it.
  page = await chromium.browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    // The theme inlines its fonts as data: URLs in its own style sheet; those load nothing.
    if (url.startsWith('data:') && request.resourceType() === 'font') observed.fonts += 1;
    else if (url !== 'about:blank') observed.requests.push(url);
    void request.abort('blockedbyclient');
  });
  page.on('dialog', (dialog) => {
    observed.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('console', (message) => observed.console.push(message.text()));
  page.on('pageerror', (error) => observed.errors.push(String(error)));
});
afterAll(async () => {
  await chromium?.close();
});

/** Opens the theme's page for `resume` and reports everything it did. */
async function open(resume: Resume, print: boolean): Promise<Observed & { text: string }> {
  await page.goto('about:blank');
  observed = nothingObserved();
  await page.setContent(theme.render(resume), { waitUntil: 'load' });
  // Print media too: a print-only style sheet could fetch what the screen one does not.
  await page.emulateMediaType('print');
  if (print) await page.pdf({ printBackground: true });
  await page.emulateMediaType('screen');
  observed.pwned = await page.evaluate(() => (window as { __pwned?: unknown }).__pwned);
  observed.injected = await page.evaluate(findInjected);
  const text = await page.evaluate(() => document.body.textContent ?? '');
  return { ...observed, text };
}

async function check(resume: Resume, print: boolean): Promise<string> {
  const result = await open(resume, print);
  expect(result.pwned).toBeUndefined();
  expect(result.dialogs).toEqual([]);
  // An https photo is an <img>, as in every other theme used alone (our exporter embeds it
  // before rendering): that one address, and nothing else, may be asked for.
  const image = resume.basics?.image;
  const photo = typeof image === 'string' && /^https:\/\/[^\s]+$/.test(image) ? image : undefined;
  expect(result.requests.filter((url) => url !== photo)).toEqual([]);
  expect(result.injected).toEqual([]);
  expect(result.errors).toEqual([]);
  // The harness refuses that photo, which Chromium logs; nothing else may be logged.
  const refusedPhoto = /^Failed to load resource: net::ERR_BLOCKED_BY_CLIENT/;
  expect(result.console.filter((line) => !(photo && refusedPhoto.test(line)))).toEqual([]);
  return result.text;
}

describe('hostile résumés in Chromium', () => {
  it.each(PAYLOADS.map((payload) => [JSON.stringify(payload).slice(0, 70), payload] as const))(
    'every field = %s',
    async (_, payload) => {
      const text = await check(hostile(payload), false);
      // The payload is shown as text (the owner's name), not dropped or interpreted.
      expect(text).toContain(payload.trim());
    },
  );

  it('every payload at once, one per field, printed to PDF', async () => {
    const text = await check(hostileMix(), true);
    expect(text).toContain(PAYLOADS[0]);
  });
});
