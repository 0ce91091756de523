import type { PDFOptions, Page } from 'puppeteer';
import type { ThemePdfOptions } from './theme-loader.js';

export type Paper = 'a4' | 'letter';
export const PAPERS: readonly Paper[] = ['a4', 'letter'];
const PAPER_FORMAT = { a4: 'A4', letter: 'Letter' } as const;

/**
 * page.pdf options: the theme's own, the paper asked for on the command line, A4 when neither
 * says, and always tagged with an outline (Chromium derives both from the headings).
 */
export function pdfOptions(theme: ThemePdfOptions, paper: Paper | undefined): PDFOptions {
  const { mediaType: _mediaType, path: _path, ...options } = theme;
  const sized = options.format !== undefined || options.width !== undefined;
  const size: PDFOptions = paper
    ? { format: PAPER_FORMAT[paper], width: undefined, height: undefined }
    : sized
      ? {}
      : { format: 'A4' };
  return {
    printBackground: true,
    ...options,
    ...size,
    tagged: true,
    outline: true,
    timeout: 120_000,
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
  paper: Paper | undefined,
): Promise<Uint8Array> {
  return page.pdf(pdfOptions(theme, paper));
}
