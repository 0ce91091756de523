/**
 * `npm run dev -- --pdf`: prints each good render to a PDF with the exporter's own PDF writer,
 * in one Chromium started on first use and kept until the preview stops.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Page } from 'puppeteer';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { writeFileAtomic } from '../export/atomic-write.js';
import { withPrintFonts } from '../export/cjk-fonts.js';
import { resolveBrowser, startBrowser, type RunningBrowser } from '../browser/browser.js';
import { DEFAULT_TIMEOUT_MS, runStep } from '../export/export-steps.js';
import { FORMATS } from '../export/formats.js';
import { openDocument, type OpenedDocument } from '../browser/page.js';
import type { Progress } from '../cli/progress.js';
import type { LoadedTheme } from '../export/theme-loader.js';
import { devText } from './messages.js';

export interface PdfPreview {
  write(html: string, resume: Resume, theme: LoadedTheme): Promise<string>;
  close(): Promise<void>;
}

export function pdfPreview(outFile: string, allowedFolder: string, progress: Progress): PdfPreview {
  let browser: Promise<RunningBrowser> | undefined;
  const pdf = FORMATS['pdf'];
  if (!pdf) throw new Error('The exporter has no PDF format');

  return {
    async write(html, resume, theme) {
      browser ??= resolveBrowser(progress).then(startBrowser);
      const running = await browser;
      let page: Page | undefined;
      let opened: OpenedDocument | undefined;
      const { process: child } = running;
      const browserGone = () => child.exitCode !== null || child.signalCode !== null;
      const limits = { format: 'pdf', timeoutMs: DEFAULT_TIMEOUT_MS, browserGone };
      try {
        const connected = await running.connect();
        const output = await pdf.produce({
          html,
          resume,
          theme,
          paper: undefined,
          page: async () => {
            page ??= await connected.newPage();
            const printed = withPrintFonts(html);
            opened ??= await runStep(
              'page',
              () =>
                openDocument(page!, printed.html, {
                  allowedFolder,
                  fonts: printed.files,
                  onBlocked: (attempt) => progress.warn(devText.blocked(attempt)),
                  onIgnored: (call) => progress.warn(devText.ignored(call)),
                }),
              limits,
            );
            return opened.page;
          },
          step: (step, work) => runStep(step, work, { ...limits, broken: opened?.broken }),
          beforePrint: () => undefined,
        });
        await mkdir(dirname(outFile), { recursive: true });
        await writeFileAtomic(outFile, output.data);
        return output.detail ?? '';
      } catch (error) {
        // A browser that crashed is replaced on the next save.
        if (browserGone()) browser = undefined;
        throw error;
      } finally {
        await page?.close().catch(() => undefined);
      }
    },
    async close() {
      const running = await browser?.catch(() => undefined);
      await running?.close();
    },
  };
}

/**
 * The preview's after-render step for --pdf: writes the PDF and prints the time the write took,
 * labelled with `shownFile` (the PDF's path as the user knows it).
 */
export function writePdfOnRender(
  pdf: PdfPreview,
  shownFile: string,
  progress: Progress,
): (html: string, resume: Resume, theme: LoadedTheme) => Promise<void> {
  return async (html, resume, theme) => {
    await progress.step(
      () => pdf.write(html, resume, theme),
      (detail) => devText.wrotePdf(shownFile, detail),
    );
  };
}
