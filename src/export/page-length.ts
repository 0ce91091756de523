/**
 * Chromium cuts a very long document short when it prints, and says nothing: a summary of 8 MB
 * printed 208,000 of its 300,000 sentences on 374 pages, with the rest of the last page blank. The
 * page's length is measured before printing, laid out in the media it is printed in, and a page
 * longer than MAX_PRINTED_SHEETS sheets of paper is refused with the reason instead.
 */
import type { Page } from 'puppeteer';
import type { PaperSize } from 'jsonresume-theme-camera-ready';
import { ExportStepError } from '../errors.js';
import { exportCli } from './messages.js';
import { paperPixels } from './pdf.js';
import type { ThemePdfOptions } from './theme-loader.js';

/**
 * Well below the lengths seen cut (such a page measured 675 sheets) and above the longest seen
 * printed whole (225 sheets printed as 424 pages); a CV needs two.
 */
export const MAX_PRINTED_SHEETS = 200;

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
    throw new ExportStepError(exportCli.pageTooLong(sheets, MAX_PRINTED_SHEETS));
  }
}
