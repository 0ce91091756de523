/**
 * `npm run dev` from its options to a running preview, on the export's own steps: the theme
 * renders in the export's theme worker (its time limit and memory cap; killed with every process
 * it started on Ctrl+C), and `--pdf` prints through the export's sealed browser session and
 * writes through its outputs code. What the preview adds is the server, the watching and the
 * reloads (dev-server.ts, watch.ts).
 */
import { basename, dirname, join, resolve } from 'node:path';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { ThemeRenderError, VariantError } from '../errors.js';
import { onShutdown, type Progress } from '../runtime.js';
import { startBrowser } from '../browser/launch.js';
import {
  DEFAULT_TIMEOUT_MS,
  startBrowserSession,
  type BrowserSession,
} from '../export/browser-session.js';
import { createTimings } from '../export/export.js';
import { FORMATS } from '../export/formats.js';
import { writeOutputs } from '../export/outputs.js';
import { displayPath, outputBaseName } from '../export/write-files.js';
import { withPrintFonts } from '../export/print-fonts.js';
import { siteFiles } from '../export/site/site-page.js';
import { chooseTheme, findTheme } from '../export/theme-loader.js';
import { startThemeWorker, type RenderedTheme, type ThemeWorker } from '../export/theme-render.js';
import { readResumeText } from '../resume/load.js';
import { getVariant, UnknownVariantError, applyVariant } from '../resume/variant.js';
import { startDevServer, type DevServer, type PreviewTheme } from './dev-server.js';
import { devText } from './messages.js';
import { themeWatchPlan } from './watch.js';

export interface PreviewOptions {
  port: number;
  resume: string;
  theme: string | undefined;
  variant: string | undefined;
  pdf: boolean;
  /** Show the page as `--format site` publishes it: its head, icon and bar. */
  site?: boolean;
  out: string;
  maxBytes: number;
  /** Make no request: a photo given as an address is left out, fonts are not fetched. */
  offline: boolean;
  /** The longest the theme's render and each browser step may take, as the export's --timeout. */
  timeoutMs?: number;
  cwd: string;
  progress: Progress;
  log: (line: string) => void;
}

export async function startPreview(options: PreviewOptions): Promise<DevServer> {
  const { cwd, progress, variant, timeoutMs = DEFAULT_TIMEOUT_MS } = options;
  const resumePath = resolve(cwd, options.resume);
  const atStart = await readLeniently(resumePath, options.maxBytes);
  if (variant !== undefined && atStart) checkVariant(atStart, variant);
  const choice = chooseTheme(
    { option: options.theme, fromResume: true },
    atStart?.meta?.theme,
    cwd,
  );
  if (choice.warning) progress.warn(choice.warning);
  const location = findTheme(choice.spec, cwd);
  const watchPlan = location === undefined ? { folders: [] } : themeWatchPlan(location);
  const theme = workerTheme(choice.spec, cwd, timeoutMs, watchPlan.rebuild);
  // A theme that is not there is refused at start, in the loader's words, as the export does.
  if (location === undefined) await theme.render({}).finally(() => theme.stop());
  const pdfFile = join(resolve(cwd, options.out), `${outputBaseName(variant || undefined)}.pdf`);
  const pdf = options.pdf
    ? pdfPreview(pdfFile, dirname(resumePath), progress, {
        timeoutMs,
        offline: options.offline,
        cwd,
        shownOut: options.out,
      })
    : undefined;

  let server: DevServer;
  try {
    server = await startDevServer({
      resumePath,
      maxBytes: options.maxBytes,
      port: options.port,
      theme,
      themeFolders: watchPlan.folders,
      photo: { offline: options.offline },
      ...(variant !== undefined && { transform: (resume) => applyVariant(resume, variant) }),
      ...(options.site && { decorate: sitePreview(resumePath, variant) }),
      ...(pdf && {
        afterRender: (rendered: RenderedTheme, resume: Resume) =>
          pdf.write(rendered.html, resume, rendered),
      }),
      log: options.log,
    });
  } catch (error) {
    await Promise.all([theme.close(), pdf?.close()]);
    throw error;
  }
  const close = async () => {
    forget();
    // The theme stops at once: a render it runs ends now, not at its time limit.
    await Promise.all([server.close(), theme.close()]);
    await pdf?.close();
  };
  const forget = onShutdown(close);
  return { ...server, close };
}

/**
 * The theme in the export's worker. A worker loads a theme's files once, so an edit of the theme
 * gets a new one; so does a failed render, which may have ended its worker or left it busy.
 */
function workerTheme(
  spec: string,
  cwd: string,
  timeoutMs: number,
  rebuild: (() => Promise<void>) | undefined,
): PreviewTheme & { stop(): Promise<void>; close(): Promise<void> } {
  let worker: ThemeWorker | undefined;
  let closed = false;
  // The theme loads while the résumé is read and validated.
  const start = () => {
    worker = startThemeWorker();
    worker.preload(spec, cwd);
    return worker;
  };
  const stop = async () => {
    const stopping = worker;
    worker = undefined;
    await stopping?.stop();
  };
  start();
  return {
    async reload() {
      await stop();
      await rebuild?.();
      start();
    },
    async render(resume) {
      // No worker outlives the preview: a render that reaches here after it closed has none.
      if (closed) throw new ThemeRenderError(devText.closed);
      const current = worker ?? start();
      try {
        return await current.render({ spec, cwd, resume }, timeoutMs);
      } catch (error) {
        if (worker === current) await stop();
        throw error;
      }
    },
    interrupt: () => void stop(),
    stop,
    async close() {
      closed = true;
      await stop();
    },
  };
}

export interface PdfPreview {
  /** Prints `html` (the theme's, with its PDF options) to the PDF and reports the file written. */
  write(
    html: string,
    resume: Resume,
    theme: Pick<RenderedTheme, 'name' | 'pdfRenderOptions'>,
  ): Promise<void>;
  close(): Promise<void>;
}

export interface PdfPreviewOptions {
  timeoutMs?: number;
  offline?: boolean;
  env?: NodeJS.ProcessEnv;
  /** What written files are shown relative to. */
  cwd?: string;
  /** --out as the user gave it, for messages. */
  shownOut?: string;
}

/**
 * `--pdf`: each good render printed by the export's own steps — its sealed page in its browser
 * session, its PDF writer, its all-or-nothing write — in one browser started on first use and
 * kept until the preview stops. A browser that failed a save is replaced on the next.
 * `allowedFolder` is the résumé's, which the page may load files from.
 */
export function pdfPreview(
  outFile: string,
  allowedFolder: string,
  progress: Progress,
  {
    timeoutMs = DEFAULT_TIMEOUT_MS,
    offline = false,
    env = process.env,
    cwd = process.cwd(),
    shownOut,
  }: PdfPreviewOptions = {},
): PdfPreview {
  const timings = createTimings();
  const outDir = dirname(outFile);
  const target = { outDir, shownOut: shownOut ?? displayPath(cwd, outDir), cwd };
  const planned = [
    { name: 'pdf' as const, writer: FORMATS.pdf, fileName: basename(outFile), path: outFile },
  ];
  let session: Promise<BrowserSession> | undefined;
  const close = async () => {
    const closing = session;
    session = undefined;
    await (await closing?.catch(() => undefined))?.close();
  };
  return {
    async write(html, resume, theme) {
      const current = (session ??= startBrowserSession({
        env,
        progress,
        launch: startBrowser,
        timeoutMs,
        timings,
      }));
      try {
        const printed = await withPrintFonts(html, { env, progress, offline });
        await writeOutputs(
          planned,
          {
            resume,
            theme: { name: theme.name, pdfRenderOptions: theme.pdfRenderOptions, html },
            paper: undefined,
            page: { html: printed.html, fonts: printed.files, allowedFolder },
            baseName: basename(outFile, '.pdf'),
            site: undefined,
          },
          await current,
          { target, progress, timings },
        );
      } catch (error) {
        if (session === current) await close();
        throw error;
      }
    },
    close,
  };
}

/** The page as the site publishes it; its links name the files `--format site` writes beside it. */
function sitePreview(resumePath: string, variant: string | undefined) {
  return async (html: string, resume: Resume): Promise<string> => {
    const { siteDocument, siteSettings } = await import('../export/site/site-format.js');
    const settings = await siteSettings(resume, { resumePath });
    return siteDocument(html, resume, settings, siteFiles(outputBaseName(variant || undefined)));
  };
}

/**
 * The résumé as it is when the preview starts, read leniently: a broken résumé still gets a
 * preview (which shows what is wrong), so only what can be read is used.
 */
async function readLeniently(path: string, maxBytes: number): Promise<Resume | undefined> {
  const read = await readResumeText(path, { maxBytes });
  if (!read.ok) return undefined;
  try {
    const value: unknown = JSON.parse(read.text.replace(/^\uFEFF/, ''));
    return typeof value === 'object' && value !== null ? (value as Resume) : undefined;
  } catch {
    return undefined;
  }
}

/** An unknown variant is an option error, as in `npm run export`: the preview does not start. */
function checkVariant(resume: Resume, name: string): void {
  try {
    getVariant(resume, name);
  } catch (error) {
    if (error instanceof UnknownVariantError) {
      throw new VariantError(devText.unknownVariant(name, error.message));
    }
    throw error;
  }
}
