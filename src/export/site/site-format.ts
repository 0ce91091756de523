/**
 * `--format site`: a folder any static host can serve — index.html (the theme's page with the
 * site's head and bar), the PDF, the résumé as standard JSON Resume, and the social card.
 */
import { stat } from 'node:fs/promises';
import type { Page } from 'puppeteer';
import type { Resume } from 'jsonresume-theme-camera-ready';
import type { FormatWriter, Output, OutputContext } from '../formats.js';
import {
  affiliationBesideLabel,
  CARD_FILE,
  faviconDataUrl,
  faviconSvg,
  headElements,
  siteFiles,
  sitePage,
  siteTitle,
  webAddress,
  type SiteFiles,
  type SiteSettings,
} from './site-page.js';
import { outputBaseName } from '../write-files.js';
import { standardResume } from './standard-resume.js';

/** What the command line says about the site. */
export interface SiteRequest {
  /** --site-url */
  url?: string;
  /** --no-index */
  noIndex?: boolean;
  /** The résumé's file, whose date is the last update when `meta.lastModified` gives none. */
  resumePath?: string;
}

/**
 * The day of the last update: `meta.lastModified` when it is a date, else the day the résumé
 * file last changed, else today.
 */
export async function lastUpdate(resume: Resume, resumePath: string | undefined): Promise<string> {
  const declared = resume.meta?.lastModified?.trim().slice(0, 10);
  if (declared && /^\d{4}-\d{2}-\d{2}$/.test(declared) && !Number.isNaN(Date.parse(declared))) {
    return declared;
  }
  const changed = resumePath ? (await stat(resumePath)).mtime : new Date();
  return changed.toISOString().slice(0, 10);
}

/** What the site's head and bar say, from the options and the résumé. */
export async function siteSettings(resume: Resume, site: SiteRequest): Promise<SiteSettings> {
  return {
    url: webAddress(site.url) ?? webAddress(resume.basics?.url),
    noIndex: site.noIndex ?? false,
    updated: await lastUpdate(resume, site.resumePath),
  };
}

/** The theme's `html` as the site's page: its head elements, icon and bar. */
export async function siteDocument(
  html: string,
  resume: Resume,
  settings: SiteSettings,
  files: SiteFiles,
): Promise<string> {
  const { buildViewModel } = await import('jsonresume-theme-camera-ready');
  const icon = faviconSvg(resume.basics?.name, buildViewModel(resume).style.accentColor);
  const head = headElements(resume, settings, files, faviconDataUrl(icon));
  return sitePage(html, head, { files, updated: settings.updated });
}

// The social card: the 1200 × 630 image a shared link shows — name, label and affiliation, drawn
// by the Chromium that printed the PDF, in the page's own fonts (the theme's @font-face rules stay
// in the head; only the body is replaced). The text is set with textContent, never parsed as markup.

const CARD_SIZE = { width: 1200, height: 630 } as const;

interface CardText {
  name: string;
  label?: string;
  affiliation?: string;
  /** The theme's accent colour (a validated #rrggbb). */
  accent: string;
}

/** Replaces the loaded page's body with the card and captures it. Alters the page for good. */
async function drawCard(page: Page, card: CardText): Promise<Uint8Array> {
  await page.emulateMediaType('screen');
  await page.setViewport({ ...CARD_SIZE, deviceScaleFactor: 1 });
  await page.evaluate(
    (text, size) => {
      // The fonts the theme gives its heading, its label and its body text, read before the body goes.
      const fontOf = (selector: string, fallback: Element) => {
        const style = getComputedStyle(document.querySelector(selector) ?? fallback);
        return { family: style.fontFamily, weight: style.fontWeight };
      };
      const heading = fontOf('h1', document.body);
      const label = fontOf('.label', document.body);
      const body = fontOf('body', document.body);
      const line = (
        content: string | undefined,
        font: { family: string; weight: string },
        px: number,
        color: string,
      ) => {
        const element = document.createElement('div');
        element.textContent = content ?? '';
        Object.assign(element.style, {
          fontFamily: font.family,
          fontWeight: font.weight,
          fontSize: `${px}px`,
          lineHeight: '1.2',
          color,
          overflowWrap: 'anywhere',
        });
        return element;
      };
      const card = document.createElement('div');
      Object.assign(card.style, {
        position: 'fixed',
        inset: '0',
        width: `${size.width}px`,
        height: `${size.height}px`,
        boxSizing: 'border-box',
        padding: '72px 96px',
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'center',
        gap: '28px',
        background: '#fbfbf9',
        borderInlineStart: `24px solid ${text.accent}`,
        overflow: 'hidden',
      });
      card.append(line(text.name, heading, 76, text.accent));
      if (text.label) card.append(line(text.label, label, 38, '#1a1a1a'));
      if (text.affiliation) card.append(line(text.affiliation, body, 32, '#4d4d4d'));
      document.body.replaceChildren(card);
      document.body.style.margin = '0';
    },
    card,
    CARD_SIZE,
  );
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return page.screenshot({ type: 'png', clip: { x: 0, y: 0, ...CARD_SIZE } });
}

export async function produceSite(
  context: OutputContext,
  pdfWriter: FormatWriter,
): Promise<Output> {
  const { resume } = context;
  const files = siteFiles(context.baseName ?? outputBaseName());
  const settings = await siteSettings(resume, context.site ?? {});
  // The PDF is printed first, while the page is still the theme's own; the browser stays for the card.
  const pdf = await pdfWriter.produce({ ...context, pageDone: () => undefined });
  let card: Uint8Array | undefined;
  if (!settings.noIndex) {
    const { buildViewModel } = await import('jsonresume-theme-camera-ready');
    const page = await context.page();
    card = await context.step('screenshot', () =>
      drawCard(page, {
        name: resume.basics?.name?.trim() || siteTitle(resume),
        label: resume.basics?.label,
        affiliation: affiliationBesideLabel(resume),
        accent: buildViewModel(resume).style.accentColor,
      }),
    );
  }
  context.pageDone();
  if (card) files.card = CARD_FILE;
  return {
    data: await siteDocument(context.html, resume, settings, files),
    detail: [
      `with ${files.pdf} (${pdf.detail ?? 'PDF'}), ${files.json}`,
      ...(card ? [`${CARD_FILE} (${CARD_SIZE.width} × ${CARD_SIZE.height} px)`] : []),
    ].join(', '),
    companions: [
      { fileName: files.pdf, data: pdf.data },
      { fileName: files.json, data: `${JSON.stringify(standardResume(resume), null, 2)}\n` },
      ...(card ? [{ fileName: CARD_FILE, data: card }] : []),
    ],
  };
}
