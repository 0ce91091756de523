import type { PDFOptions, Page } from 'puppeteer';
import type { PaperSize } from 'jsonresume-theme-camera-ready';
import { PAPER_DIMENSIONS } from 'jsonresume-theme-camera-ready/data';
import { PUPPETEER_CALL_LIMIT_MS } from '../browser/launch.js';
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
