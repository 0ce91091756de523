/**
 * `--format site`: a folder any static host can serve — index.html (the theme's page with the
 * site's head and bar), the PDF, and the résumé as standard JSON Resume.
 */
import { stat } from 'node:fs/promises';
import type { Resume } from 'jsonresume-theme-camera-ready';
import type { FormatWriter, Output, OutputContext } from '../formats.js';
import { faviconDataUrl, faviconSvg } from './favicon.js';
import {
  affiliationBesideLabel,
  headElements,
  siteTitle,
  webAddress,
  type SiteFiles,
  type SiteSettings,
} from './site-meta.js';
import { CARD_FILE, siteFiles } from './site-files.js';
import { CARD_SIZE, drawCard } from './social-card.js';
import { outputBaseName } from '../write-files.js';
import { sitePage } from './site-page.js';
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
