/**
 * `npm run dev -- --pdf`: prints each good render to a PDF with the exporter's own PDF writer,
 * in one Chromium started on first use and kept until the preview stops.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Page } from 'puppeteer';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { writeFileAtomic } from './atomic-write.js';
import { resolveBrowser, startBrowser, type RunningBrowser } from './browser.js';
import { FORMATS } from './formats.js';
import { openDocument } from './page.js';
import type { Progress } from './progress.js';
import type { LoadedTheme } from './theme-loader.js';

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
      try {
        const connected = await running.connect();
        const output = await pdf.produce({
          html,
          resume,
          theme,
          paper: undefined,
          page: async () =>
            (page ??= await openDocument(await connected.newPage(), html, {
              allowedFolder,
              onBlocked: (url) => progress.warn(`blocked request to ${url}`),
            })),
          beforePrint: () => undefined,
        });
        await mkdir(dirname(outFile), { recursive: true });
        await writeFileAtomic(outFile, output.data);
        return output.detail ?? '';
      } catch (error) {
        // A browser that crashed is replaced on the next save.
        if (running.process.exitCode !== null || running.process.signalCode !== null) {
          browser = undefined;
        }
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
