/**
 * The page a résumé is printed from. Sealed (the page-level half of the sealed export; Chromium's
 * switches in launch.ts are the other): it is blocked from what it asks for beyond its own folder,
 * the user is told about every attempt to reach out — requests, prefetch and preconnect hints,
 * WebSockets, popups, WebRTC — and the export fails when the page leaves its document or opens a
 * dialog. Then loaded, read (its headings, its margins) and closed.
 */
import type { Page } from 'puppeteer';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { isReallyInside } from '../paths.js';
import { ExportStepError } from '../errors.js';

export interface SealOptions {
  /** Folder whose files the page may load (the résumé's own); everything else is blocked. */
  allowedFolder: string;
  /** Told about each blocked attempt once, e.g. "prefetch of http://example.com/x". */
  onBlocked(attempt: string): void;
  /** Told about a call of the page's that was ignored, e.g. "window.print() (…)". */
  onIgnored(call: string): void;
  /** Fonts the export itself serves to the page: address → file (see print-fonts.ts). */
  fonts?: ReadonlyMap<string, string>;
}

interface Seal {
  /** Rejects with an ExportStepError as soon as the page navigates away or opens a dialog. */
  broken: Promise<never>;
  /**
   * Reports the page's resource hints (prefetch, preconnect…): Chromium drops them before any
   * request that could be intercepted, so they are read from the document instead.
   */
  reportHints(): Promise<void>;
}

/**
 * Whether the page may load `url`: inline data, about:, and files of the allowed folder only —
 * judged on real paths, so a symlink in a received folder cannot hand the page a file outside it.
 */
export function isAllowedRequest(url: string, allowedFolder: string): boolean {
  if (url.startsWith('data:') || url.startsWith('about:')) return true;
  if (!url.startsWith('file:')) return false;
  let path: string;
  try {
    path = fileURLToPath(url);
  } catch {
    return false;
  }
  return isReallyInside(allowedFolder, path);
}

/** Called from the page for each blocked call; see PAGE_GUARDS. */
const BINDING = '__cameraReadyBlocked';

/**
 * Runs in every frame before its scripts. RTCPeerConnection throws: Chromium's switches already
 * keep WebRTC off the network, and this way no socket is even opened and the attempt is reported.
 * window.print() does nothing: the export prints the page itself, and a print the page started
 * would make that fail. A string, not a function: the page must get exactly this text, untouched
 * by any transpiler.
 */
const PAGE_GUARDS = `(() => {
  const report = window[${JSON.stringify(BINDING)}] || (() => {});
  const blocked = function (configuration) {
    const servers = ((configuration && configuration.iceServers) || [])
      .flatMap((server) => [].concat(server && server.urls || []))
      .map(String);
    report('webrtc', servers.join(' '));
    throw new DOMException('WebRTC is disabled while a résumé is exported.', 'NotAllowedError');
  };
  const define = (name, value) =>
    Object.defineProperty(window, name, { value, writable: false, configurable: false });
  define('RTCPeerConnection', blocked);
  define('webkitRTCPeerConnection', blocked);
  define('print', () => report('print', ''));
})();`;

const HINTS = ['prefetch', 'preconnect', 'dns-prefetch', 'prerender', 'preload', 'modulepreload'];

/** Seals `page`; call before loading anything into it. */
async function sealPage(page: Page, options: SealOptions): Promise<Seal> {
  const reportedUrls = new Set<string>();
  const report = (attempt: string, url: string) => {
    if (reportedUrls.has(url)) return;
    reportedUrls.add(url);
    options.onBlocked(attempt);
  };
  let breakPage: (error: ExportStepError) => void = () => undefined;
  const broken = new Promise<never>((_, reject) => (breakPage = reject));
  // Observed where the export awaits its steps; a page that never breaks must not warn.
  broken.catch(() => undefined);
  const leave = (url: string, how: string) =>
    breakPage(
      new ExportStepError(
        `The page tried to leave the résumé for ${url} (${how}), so it cannot be printed. A theme script, or a field whose HTML the theme does not escape (<meta http-equiv="refresh">, a link or form), causes this: escape that field or fix the theme.`,
      ),
    );

  const session = await page.createCDPSession();
  const { frameTree } = await session.send('Page.getFrameTree');
  const mainFrame = frameTree.frame.id;
  session.on('Page.windowOpen', ({ url }) => report(`popup window for ${url}`, url));
  session.on('Network.webSocketCreated', ({ url }) => report(`WebSocket to ${url}`, url));
  session.on('Page.frameRequestedNavigation', ({ frameId, url, reason }) => {
    const sameDocument = url.includes('#') && url.split('#')[0] === page.url().split('#')[0];
    if (frameId === mainFrame && !sameDocument) leave(url, describeReason(reason));
  });
  page.on('popup', (popup) => void popup?.close().catch(() => undefined));
  page.on('dialog', (dialog) => {
    void dialog.dismiss().catch(() => undefined);
    breakPage(
      new ExportStepError(
        `The page opened a dialog (${dialog.type()}: "${dialog.message()}"), which would wait for an answer forever. Remove the alert(), confirm(), prompt() or onbeforeunload from the theme.`,
      ),
    );
  });
  await page.exposeFunction(BINDING, (kind: string, detail: string) => {
    if (kind === 'print') options.onIgnored('window.print() (the export prints the page itself)');
    else report(`WebRTC connection${detail ? ` to ${detail}` : ''}`, `webrtc:${detail}`);
  });
  await Promise.all([
    session.send('Page.enable'),
    session.send('Network.enable'),
    page.evaluateOnNewDocument(PAGE_GUARDS),
    // The HTML is written into the tab's current document, which is not a new one.
    page.evaluate(PAGE_GUARDS),
    page.setRequestInterception(true),
  ]);
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    const url = request.url();
    const font = options.fonts?.get(url);
    if (font !== undefined) {
      // A font from another origin loads only with CORS approval.
      void readFile(font).then(
        (body) =>
          request.respond({
            status: 200,
            contentType: 'font/woff2',
            headers: { 'Access-Control-Allow-Origin': '*' },
            body,
          }),
        () => request.abort('failed'),
      );
    } else if (request.isNavigationRequest() && request.frame() === page.mainFrame()) {
      leave(url, 'a navigation');
      void request.abort('blockedbyclient');
    } else if (isAllowedRequest(url, options.allowedFolder)) {
      void request.continue();
    } else {
      report(`request to ${url}`, url);
      void request.abort('blockedbyclient');
    }
  });

  return {
    broken,
    async reportHints() {
      const { hints, refresh } = await page.evaluate((rels) => {
        const links = Array.from(document.querySelectorAll('link[rel][href]'));
        const metas = Array.from(document.querySelectorAll('meta[http-equiv][content]'));
        return {
          hints: links.flatMap((link) =>
            rels
              .filter((rel) => link.getAttribute('rel')?.toLowerCase().split(/\s+/).includes(rel))
              .map((rel) => [rel, (link as HTMLLinkElement).href || link.getAttribute('href')!]),
          ),
          refresh: metas
            .filter((meta) => meta.getAttribute('http-equiv')?.trim().toLowerCase() === 'refresh')
            .map((meta) => meta.getAttribute('content')!),
        };
      }, HINTS);
      for (const [rel, url] of hints) {
        if (url && !isAllowedRequest(url, options.allowedFolder)) report(`${rel} of ${url}`, url);
      }
      // A refresh fires on a timer that may outlast the print: fail now rather than by chance.
      const [content] = refresh;
      if (content !== undefined) {
        const target = /url\s*=\s*['"]?([^'"]*)/i.exec(content)?.[1]?.trim() || 'the same page';
        leave(target, 'a <meta http-equiv="refresh">');
      }
    },
  };
}

function describeReason(reason: string): string {
  const reasons: Record<string, string> = {
    metaTagRefresh: 'a <meta http-equiv="refresh">',
    scriptInitiated: 'a script',
    formSubmissionGet: 'a form',
    formSubmissionPost: 'a form',
    httpHeaderRefresh: 'a Refresh header',
    anchorClick: 'a link',
  };
  return reasons[reason] ?? `a navigation (${reason})`;
}

export interface OpenedDocument {
  page: Page;
  /** Rejects with an ExportStepError as soon as the page navigates away or opens a dialog. */
  broken: Promise<never>;
}

/**
 * Seals `page` (see sealPage), loads the HTML into it without waiting for network idle
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
