import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer';

export interface OpenOptions {
  /** Folder whose files the page may load (the résumé's own); everything else is blocked. */
  allowedFolder: string;
  /** Told about each blocked request, so the user learns what the theme tried to fetch. */
  onBlocked(url: string): void;
}

/** Whether the page may load `url`: inline data, about:, and files of the allowed folder only. */
export function isAllowedRequest(url: string, allowedFolder: string): boolean {
  if (url.startsWith('data:') || url.startsWith('about:')) return true;
  const folder = pathToFileURL(allowedFolder).href.replace(/\/?$/, '/');
  return url.startsWith(folder);
}

/**
 * Loads the HTML into `page` without waiting for network idle (nothing may be fetched anyway),
 * then waits for web fonts and images, which is all a print needs.
 */
export async function openDocument(page: Page, html: string, options: OpenOptions): Promise<Page> {
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    const url = request.url();
    if (isAllowedRequest(url, options.allowedFolder)) {
      void request.continue();
    } else {
      options.onBlocked(url);
      void request.abort('blockedbyclient');
    }
  });
  await page.setContent(html, { waitUntil: 'load', timeout: 120_000 });
  await page.evaluate(async () => {
    await document.fonts.ready;
    await Promise.all(
      Array.from(document.images)
        .filter((image) => !image.complete)
        .map(
          (image) =>
            new Promise((settle) => image.addEventListener('loadend', settle, { once: true })),
        ),
    );
  });
  return page;
}

/** The headings Chromium will put in the PDF's outline, as the page lays them out. */
export interface HeadingOutline {
  /** How many headings the outline will hold: every rendered h1–h6, in document order. */
  count: number;
  /** The section headings, which become the PDF's bookmarks: position among those, and text. */
  sections: { index: number; title: string }[];
}

/**
 * Every rendered heading, and which are the sections: the first heading of each outermost
 * `<section>` (h2 in camera-ready, h3 in even), else every `h2`. Chromium's outline titles are
 * the text it painted, which can differ from the heading's (a heading carried over to a new page
 * is named twice), so bookmarks are matched by position and titled from here.
 */
export function headingOutline(page: Page): Promise<HeadingOutline> {
  return page.evaluate(() => {
    const rendered = Array.from(
      document.querySelectorAll<HTMLHeadingElement>('h1, h2, h3, h4, h5, h6'),
    ).filter(
      // Chromium leaves out what is not painted, and headings without text.
      (heading) =>
        heading.checkVisibility({ visibilityProperty: true }) && heading.innerText.trim() !== '',
    );
    const outermost = Array.from(document.querySelectorAll('section')).filter(
      (section) => !section.parentElement?.closest('section'),
    );
    const firstHeadings = outermost
      .map((section) => section.querySelector('h1, h2, h3, h4, h5, h6'))
      .filter((heading): heading is HTMLHeadingElement => heading !== null);
    const headings =
      firstHeadings.length > 0 ? firstHeadings : Array.from(document.querySelectorAll('h2'));
    return {
      count: rendered.length,
      sections: headings.map((heading) => ({
        index: rendered.indexOf(heading),
        title: (heading.textContent ?? '').replace(/\s+/g, ' ').trim(),
      })),
    };
  });
}

/**
 * Pads the document by its `@page` margins, so a screen rendering at paper width lays out like the
 * printed page (for the PNG preview).
 */
export function applyPageMargins(page: Page): Promise<void> {
  return page.evaluate(() => {
    const margins: Record<string, string> = { top: '0', right: '0', bottom: '0', left: '0' };
    // A work list rather than a recursive helper: tsx would wrap a named helper in a function
    // the page does not have.
    const rules = Array.from(document.styleSheets).flatMap((sheet) => Array.from(sheet.cssRules));
    for (let rule = rules.shift(); rule; rule = rules.shift()) {
      if (rule instanceof CSSPageRule && rule.selectorText === '') {
        for (const side of Object.keys(margins)) {
          const value = rule.style.getPropertyValue(`margin-${side}`);
          if (value) margins[side] = value;
        }
      } else if (rule instanceof CSSMediaRule && rule.media.mediaText !== 'screen') {
        rules.push(...Array.from(rule.cssRules));
      }
    }
    const { top, right, bottom, left } = margins;
    document.documentElement.style.padding = `${top} ${right} ${bottom} ${left}`;
  });
}
