/**
 * `npm run dev` from its options to a running preview: finds the theme, checks the variant,
 * starts the server (and the PDF writer with --pdf), and hands their cleanup to the shutdown.
 */
import { dirname, join, relative, resolve } from 'node:path';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { VariantError } from '../errors.js';
import { onShutdown, type Progress } from '../runtime.js';
import { outputBaseName } from '../export/write-files.js';
import { siteFiles } from '../export/site/site-files.js';
import { chooseTheme, loadTheme } from '../export/theme-loader.js';
import { readResumeText } from '../resume/load.js';
import { getVariant, UnknownVariantError, applyVariant } from '../resume/variant.js';
import { pdfPreview, writePdfOnRender } from './dev-pdf.js';
import { startDevServer, type DevServer } from './dev-server.js';
import { devCli } from './messages.js';
import { themeWatchPlan } from './theme-build.js';

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
  /** Make no request: a photo given as an address is left out. */
  offline: boolean;
  cwd: string;
  progress: Progress;
  log: (line: string) => void;
}

export async function startPreview(options: PreviewOptions): Promise<DevServer> {
  const { cwd, progress, variant } = options;
  const resumePath = resolve(cwd, options.resume);
  const atStart = await readLeniently(resumePath, options.maxBytes);
  if (variant !== undefined && atStart) checkVariant(atStart, variant);
  const choice = chooseTheme(
    { option: options.theme, fromResume: true },
    atStart?.meta?.theme,
    cwd,
  );
  if (choice.warning) progress.warn(choice.warning);
  const themeSpec = choice.spec;
  const theme = await loadTheme(themeSpec, cwd);
  const watchPlan = themeWatchPlan(theme.location);
  const pdfFile = join(resolve(cwd, options.out), `${outputBaseName(variant || undefined)}.pdf`);
  const pdf = options.pdf ? pdfPreview(pdfFile, dirname(resumePath), progress) : undefined;

  const server = await startDevServer({
    resumePath,
    maxBytes: options.maxBytes,
    port: options.port,
    // Reloads after an edit build the theme when it has a build step, then read its files again.
    loadTheme: async (fresh) => {
      if (!fresh) return theme;
      await watchPlan.rebuild?.();
      return loadTheme(themeSpec, cwd, { fresh });
    },
    themeFolders: watchPlan.folders,
    photo: { offline: options.offline },
    ...(variant !== undefined && { transform: (resume) => applyVariant(resume, variant) }),
    ...(options.site && { decorate: sitePreview(resumePath, variant) }),
    ...(pdf && { afterRender: writePdfOnRender(pdf, relative(cwd, pdfFile), progress) }),
    log: options.log,
  });
  onShutdown(() => server.close());
  if (pdf) onShutdown(() => pdf.close());
  return server;
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
      throw new VariantError(devCli.unknownVariant(name, error.message));
    }
    throw error;
  }
}
