/**
 * Printing the loaded page: the paper's size, page.pdf's options, the media the page is laid out
 * in, and a check that the page is not longer than Chromium prints whole. pdf-lib is not loaded
 * here: post-processing the printed file (printed-pdf.ts) loads it only once a PDF is made.
 */
import type { PDFOptions, Page } from 'puppeteer';
import type { PaperSize } from 'jsonresume-theme-camera-ready';
import { PAPER_DIMENSIONS } from 'jsonresume-theme-camera-ready/data';
import { PUPPETEER_CALL_LIMIT_MS } from '../browser/launch.js';
import { ExportStepError } from '../errors.js';
import type { ThemePdfOptions } from './theme-loader.js';

const MM_PER_INCH = 25.4;

/** A paper's size in PDF points (1/72 in) to 1/100 pt, as PDF writers give it (A4: 595.28 × 841.89). */
export function paperPoints(paper: PaperSize): { width: number; height: number } {
  const { widthMm, heightMm } = PAPER_DIMENSIONS[paper];
  const points = (mm: number) => Math.round((mm / MM_PER_INCH) * 72 * 100) / 100;
  return { width: points(widthMm), height: points(heightMm) };
}

/** A paper's size in whole CSS pixels (1/96 in), as Chromium lays the page out. */
export function paperPixels(paper: PaperSize): { width: number; height: number } {
  const { widthMm, heightMm } = PAPER_DIMENSIONS[paper];
  return {
    width: Math.round((widthMm / MM_PER_INCH) * 96),
    height: Math.round((heightMm / MM_PER_INCH) * 96),
  };
}

/**
 * page.pdf options: the theme's own, the paper asked for on the command line, A4 when neither
 * says, and always tagged with an outline (Chromium derives both from the headings).
 */
export function pdfOptions(theme: ThemePdfOptions, paper: PaperSize | undefined): PDFOptions {
  const { mediaType: _mediaType, path: _path, ...options } = theme;
  const sized = options.format !== undefined || options.width !== undefined;
  const size: PDFOptions = paper
    ? { format: PAPER_DIMENSIONS[paper].label, width: undefined, height: undefined }
    : sized
      ? {}
      : { format: PAPER_DIMENSIONS.a4.label };
  return {
    printBackground: true,
    ...options,
    ...size,
    tagged: true,
    outline: true,
    timeout: PUPPETEER_CALL_LIMIT_MS,
  };
}

/**
 * Lays the page out as it will be printed: in the media type the theme asks for, else print (what
 * Chromium prints in anyway), so what is read from the page matches the PDF.
 */
export function emulateThemeMedia(page: Page, theme: ThemePdfOptions): Promise<void> {
  return page.emulateMediaType(theme.mediaType ?? 'print');
}

/** Prints the loaded page; call emulateThemeMedia first. */
export function printPdf(
  page: Page,
  theme: ThemePdfOptions,
  paper: PaperSize | undefined,
): Promise<Uint8Array> {
  return page.pdf(pdfOptions(theme, paper));
}

/*
 * Chromium cuts a very long document short when it prints, and says nothing: a summary of 8 MB
 * printed 208,000 of its 300,000 sentences on 374 pages, with the rest of the last page blank. The
 * page's length is measured before printing, laid out in the media it is printed in, and a page
 * longer than MAX_PRINTED_SHEETS sheets of paper is refused with the reason instead.
 */

/**
 * Well below the lengths seen cut (such a page measured 675 sheets) and above the longest seen
 * printed whole (225 sheets printed as 424 pages); a CV needs two.
 */
const MAX_PRINTED_SHEETS = 200;

/**
 * Fails when the page, laid out, is taller than MAX_PRINTED_SHEETS sheets of the paper it is
 * printed on (scaled as the theme asks). Breaks between pages only add length, so the measure
 * never overstates how many pages the print would take.
 */
export async function checkPageLength(
  page: Page,
  theme: ThemePdfOptions,
  paper: PaperSize | undefined,
): Promise<void> {
  const height = await page.evaluate(() =>
    Math.max(document.documentElement.scrollHeight, document.body?.scrollHeight ?? 0),
  );
  const scale = typeof theme.scale === 'number' && theme.scale > 0 ? theme.scale : 1;
  const sheets = Math.ceil((height * scale) / paperPixels(paper ?? 'a4').height);
  if (sheets > MAX_PRINTED_SHEETS) {
    throw new ExportStepError(pageTooLong(sheets, MAX_PRINTED_SHEETS));
  }
}

const pageTooLong = (sheets: number, most: number): string =>
  `Export to PDF failed: the page is at least ${sheets} sheets long, and the export prints at most ${most}: Chromium cuts longer documents short without a word, so the PDF would silently lose their end. Shorten the résumé (a field may hold far more text than meant), or export it as html, which has no such limit. The previous files in the output folder are unchanged.`;
