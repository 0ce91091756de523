/**
 * `npm run dev -- --pdf`: prints each good render to a PDF with the exporter's own PDF writer,
 * in one Chromium started on first use and kept until the preview stops.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Browser, Page } from 'puppeteer';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { writeFileAtomic } from '../export/write-files.js';
import { withPrintFonts } from '../export/print-fonts.js';
import { resolveBrowser } from '../browser/install.js';
import { browserGone, startBrowser, type RunningBrowser } from '../browser/launch.js';
import { DEFAULT_TIMEOUT_MS, runStep } from '../export/browser-session.js';
import { FORMATS } from '../export/formats.js';
import { closeTab, openDocument, type OpenedDocument } from '../browser/page.js';
import type { Progress } from '../runtime.js';
import type { LoadedTheme } from '../export/theme-loader.js';
import { devText } from './messages.js';

export interface PdfPreview {
  write(html: string, resume: Resume, theme: LoadedTheme): Promise<string>;
  close(): Promise<void>;
}

export function pdfPreview(outFile: string, allowedFolder: string, progress: Progress): PdfPreview {
  let browser: Promise<RunningBrowser> | undefined;
  // Each save prints in a new tab, so nothing of the last render carries over; the tab is opened
  // after the previous save, while the preview waits, rather than on the next save's path.
  let spare: Promise<Page> | undefined;
  const takeTab = (connected: Browser): Promise<Page> => {
    const tab = spare?.catch(() => connected.newPage()) ?? connected.newPage();
    spare = undefined;
    return tab;
  };

  return {
    async write(html, resume, theme) {
      browser ??= resolveBrowser(progress).then(startBrowser);
      const running = await browser;
      let page: Page | undefined;
      let opened: OpenedDocument | undefined;
      const limits = {
        format: 'pdf',
        timeoutMs: DEFAULT_TIMEOUT_MS,
        browserGone: () => browserGone(running),
      };
      try {
        const connected = await running.connect();
        const output = await FORMATS.pdf.produce({
          html,
          resume,
          theme,
          paper: undefined,
          page: async () => {
            page ??= await takeTab(connected);
            const printed = await withPrintFonts(html, {
              env: process.env,
              progress,
              offline: false,
            });
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
          // The preview's browser stays for the next save; its tab is closed below.
          pageDone: () => undefined,
        });
        await mkdir(dirname(outFile), { recursive: true });
        await writeFileAtomic(outFile, output.data);
        return output.detail ?? '';
      } catch (error) {
        // A browser that crashed is replaced on the next save.
        if (browserGone(running)) browser = spare = undefined;
        throw error;
      } finally {
        if (page) await closeTab(page, DEFAULT_TIMEOUT_MS);
        if (!browserGone(running) && spare === undefined) {
          spare = running.connect().then((connected) => connected.newPage());
          // Seen by the next save, which opens another tab if this one failed to open.
          spare.catch(() => undefined);
        }
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
