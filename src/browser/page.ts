import type { Page } from 'puppeteer';
import { sealPage, type SealOptions } from './page-seal.js';

export interface OpenedDocument {
  page: Page;
  /** Rejects with an ExportStepError as soon as the page navigates away or opens a dialog. */
  broken: Promise<never>;
}

/**
 * Seals `page` (see page-seal.ts), loads the HTML into it without waiting for network idle
 * (nothing may be fetched anyway), then waits for web fonts and images, which is all a print
 * needs. Lazy images are loaded now: a print shows them all, and one below the fold would never
 * start loading by itself. Time limits are the caller's.
 */
export async function openDocument(
  page: Page,
  html: string,
  options: SealOptions,
): Promise<OpenedDocument> {
  const seal = await sealPage(page, options);
  const load = async () => {
    await page.setContent(html, { waitUntil: 'load', timeout: 0 });
    await page.evaluate(async () => {
      await document.fonts.ready;
      const images = Array.from(document.images);
      for (const image of images) image.loading = 'eager';
      // decode() settles once the image has loaded or failed (a blocked one fails).
      await Promise.all(images.map((image) => image.decode().catch(() => undefined)));
    });
    await seal.reportHints();
  };
  await Promise.race([load(), seal.broken]);
  return { page, broken: seal.broken };
}

/**
 * Closes a tab, waiting at most `limitMs`: a page caught in a navigation or reload of its own may
 * never confirm it, and the tab is then left to the browser's end, which kills it with the rest.
 */
export async function closeTab(page: Page, limitMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise((resolve) => (timer = setTimeout(resolve, limitMs)));
  await Promise.race([page.close().catch(() => undefined), limit]);
  clearTimeout(timer);
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
    // A cross-origin sheet (blocked, so empty) throws SecurityError on cssRules: skip it.
    const rules = Array.from(document.styleSheets).flatMap((sheet) => {
      try {
        return Array.from(sheet.cssRules);
      } catch {
        return [];
      }
    });
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
