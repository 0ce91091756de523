/**
 * The seed on screens, in real Chromium: a dark page when the reader's system asks for one, a
 * sheet that stands out from the page around it on a wide screen, and on a phone every date,
 * venue and place on its own line below its title (the same for every entry, however long the
 * title). Print ignores the colour scheme.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { launchTestBrowser, type TestBrowser } from '../support/browser.js';
import { seedResumePath } from '../support/paths.js';
import { theme } from '../support/theme.js';

let chromium: TestBrowser;
let html: string;

beforeAll(async () => {
  chromium = await launchTestBrowser();
  html = theme.render(JSON.parse(await readFile(seedResumePath, 'utf8')) as Resume);
});
afterAll(() => chromium?.close());

type Scheme = 'light' | 'dark';

async function rendered<T>(
  media: 'screen' | 'print',
  width: number,
  scheme: Scheme,
  use: (page: Page) => Promise<T>,
) {
  const page = await chromium.browser.newPage();
  try {
    // Media type and features in one call: puppeteer's emulateMediaType and emulateMediaFeatures
    // each reset what the other set.
    const cdp = await page.createCDPSession();
    await cdp.send('Emulation.setEmulatedMedia', {
      media,
      features: [{ name: 'prefers-color-scheme', value: scheme }],
    });
    await page.setViewport({ width, height: 900 });
    await page.setContent(html, { waitUntil: 'load' });
    return await use(page);
  } finally {
    await page.close();
  }
}

const onScreen = <T>(width: number, scheme: Scheme, use: (page: Page) => Promise<T>) =>
  rendered('screen', width, scheme, use);

interface Colours {
  /** What shows behind the body's own box: the first opaque background from body up. */
  page: string;
  /** What shows behind the text of the sheet. */
  sheet: string;
  /** What shows at the left edge of a wide screen, beside the sheet. */
  beside: string;
  text: string;
  muted: string;
  heading: string;
  badge: { text: string; background: string };
}

/** Relative luminance (WCAG 2) of a computed `rgb()`, `rgba()` or `color(srgb …)` colour. */
function luminance(colour: string): number {
  // color-mix() computes to `color(srgb r g b)` with channels from 0 to 1.
  const scale = colour.startsWith('color(srgb') ? 255 : 1;
  const [r, g, b] = (colour.match(/\d[\d.]*/g) ?? []).slice(0, 3).map((c) => Number(c) * scale);
  const linear = (c = 0) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

function colours(page: Page): Promise<Colours> {
  return page.evaluate(() => {
    const backdrop = (el: Element | null): string => {
      for (let at = el; at; at = at.parentElement) {
        const bg = getComputedStyle(at).backgroundColor;
        if (bg !== 'transparent' && !/rgba\(.*, 0\)$/.test(bg)) return bg;
      }
      return 'rgb(255, 255, 255)';
    };
    const colour = (selector: string) => getComputedStyle(document.querySelector(selector)!).color;
    const badge = document.querySelector('.status-published')!;
    return {
      page: backdrop(document.body),
      sheet: backdrop(document.querySelector('.bullets li')),
      beside: backdrop(document.elementFromPoint(8, 450)),
      text: colour('.bullets li'),
      muted: colour('.place'),
      heading: colour('h2'),
      badge: { text: getComputedStyle(badge).color, background: backdrop(badge) },
    };
  });
}

describe('on a screen in dark mode', () => {
  it('sets light text on a dark page and a dark sheet, each readable', async () => {
    const c = await onScreen(1280, 'dark', colours);
    expect(luminance(c.page), c.page).toBeLessThan(0.05);
    expect(luminance(c.sheet), c.sheet).toBeLessThan(0.05);
    expect(luminance(c.text), c.text).toBeGreaterThan(0.6);
    // WCAG AA for body text: 4.5:1, for the muted places, the headings and the status badges too.
    for (const fg of [c.text, c.muted, c.heading]) {
      expect(contrast(fg, c.sheet), `${fg} on ${c.sheet}`).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrast(c.badge.text, c.badge.background), JSON.stringify(c.badge)).toBeGreaterThan(
      4.5,
    );
  });

  it('keeps the light page when the reader asks for light', async () => {
    const c = await onScreen(1280, 'light', colours);
    expect(luminance(c.sheet), c.sheet).toBeGreaterThan(0.9);
    expect(luminance(c.text), c.text).toBeLessThan(0.05);
  });
});

describe('on a wide screen', () => {
  it.each<Scheme>(['light', 'dark'])(
    'shows the sheet apart from the page around it (%s)',
    async (scheme) => {
      const c = await onScreen(1280, scheme, colours);
      // Visibly different, not a shade apart: the sheet's edge is what shows where the page ends.
      expect(contrast(c.beside, c.sheet), `${c.beside} beside ${c.sheet}`).toBeGreaterThan(1.1);
    },
  );
});

describe('at 375 px', () => {
  it('puts every date, venue and place on its own line below what it belongs to', async () => {
    const misplaced = await onScreen(375, 'light', (page) =>
      page.evaluate(() =>
        [...document.querySelectorAll('.entry-line')].flatMap((line) => {
          const [first] = line.children;
          const side = line.querySelectorAll(':scope > .dates, :scope > .venue, :scope > .place');
          if (!first) return [];
          const firstBottom = first.getBoundingClientRect().bottom;
          return [...side]
            .filter((el) => el !== first && el.getBoundingClientRect().top < firstBottom - 1)
            .map((el) => `${el.textContent} beside ${first.textContent}`);
        }),
      ),
    );
    expect(misplaced).toEqual([]);
  });
});

describe('in print', () => {
  it('keeps the light colours whatever colour scheme the reader prefers', async () => {
    const printed = (scheme: Scheme) => rendered('print', 1280, scheme, colours);
    const light = await printed('light');
    expect(await printed('dark')).toEqual(light);
    expect(luminance(light.sheet), light.sheet).toBe(1);
  });
});
