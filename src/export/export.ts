/**
 * validate → transform → render → HTML/PDF/PNG/… → write. The theme's worker and Chromium start
 * first, in the background: the theme loads and the browser boots while the résumé is validated,
 * and the browser closes while the PDF is post-processed. All outputs are written only once every
 * one of them is complete; the one exception is a missing browser, where the outputs that need
 * none are still written. Failures are the domain errors of src/errors.ts.
 */
import { dirname } from 'node:path';
import { startBrowser } from '../browser/launch.js';
import { startBrowserSession, type BrowserSession } from './browser-session.js';
import { commitOutputs, type CommitTarget } from './commit-outputs.js';
import type { ExportOptions, ExportResult } from './export-options.js';
import { planExport, type ExportPlan } from './export-plan.js';
import { withPrintFonts } from './print-fonts.js';
import { checkGlyphs } from './glyph-check.js';
import { installedCoverage } from './glyph-coverage.js';
import { exportCli } from './messages.js';
import { produceOutputs } from './produce-outputs.js';
import { peekMetaTheme, readResume, transformLabels } from './read-resume.js';
import { chooseTheme } from './theme-choice.js';
import { startThemeWorker, type ThemeWorker } from './theme-render.js';
import { createTimings, type Timings } from './timings.js';

export type { ExportOptions, ExportResult } from './export-options.js';

/** `timings` collects how long each phase took (see timings.ts). */
export async function exportResume(
  options: ExportOptions,
  timings: Timings = createTimings(),
): Promise<ExportResult> {
  timings.add('start', timings.now());
  const plan = planExport(options);
  // The theme's process starts first, while the browser is found and started.
  const worker = startThemeWorker();
  try {
    const session = plan.needsBrowser ? await openSession(plan, options, timings) : undefined;
    try {
      return await exportPlanned(plan, options, { session, worker, ownsBrowser: true }, timings);
    } finally {
      await session?.close();
    }
  } finally {
    await worker.stop();
  }
}

/** The browser an export, or a batch of them, prints with. */
export function openSession(
  plan: Pick<ExportPlan, 'env' | 'timeoutMs'>,
  options: Pick<ExportOptions, 'progress' | 'launchBrowser'>,
  timings: Timings,
): Promise<BrowserSession> {
  return startBrowserSession({
    env: plan.env,
    progress: options.progress,
    launch: options.launchBrowser ?? startBrowser,
    timeoutMs: plan.timeoutMs,
    timings,
  });
}

/** What an export runs on. */
export interface ExportRun {
  /** The browser it prints with (needed when the plan needs one). */
  session: BrowserSession | undefined;
  /** The worker its theme renders in (a batch's keeps the theme loaded between résumés). */
  worker: ThemeWorker;
  /** The browser is this export's alone, so it closes as soon as no output needs it. */
  ownsBrowser: boolean;
}

/** One résumé's export, on browser and worker started by the caller. */
export async function exportPlanned(
  plan: ExportPlan,
  options: ExportOptions,
  { session, worker: themeWorker, ownsBrowser }: ExportRun,
  timings: Timings,
): Promise<ExportResult> {
  const { progress } = options;
  const asked = { option: options.theme, fromResume: options.themeFromResume ?? true };
  // The theme loads in its worker while the résumé is validated.
  const peeked =
    asked.option === undefined && asked.fromResume ? peekMetaTheme(plan.resumePath) : undefined;
  themeWorker.preload(chooseTheme(asked, peeked, plan.cwd).spec, plan.cwd);
  // fontconfig lists the installed fonts while the résumé is validated.
  const coverage = plan.needsBrowser ? installedCoverage() : undefined;
  const target: CommitTarget = { outDir: plan.outDir, shownOut: options.out, cwd: plan.cwd };
  const resume = await timings.measure('validate', () =>
    readResume(plan.resumePath, options, progress, plan.cwd),
  );
  session?.warmUp();
  const choice = chooseTheme(asked, resume.meta?.theme, plan.cwd);
  if (choice.warning) progress.warn(choice.warning);
  const theme = await timings.measure('render', () =>
    progress.step(
      () => themeWorker.render({ spec: choice.spec, cwd: plan.cwd, resume }, plan.timeoutMs),
      (rendered) =>
        exportCli.renderedWith(
          rendered.name,
          choice.fromResume,
          transformLabels(options.transforms),
        ),
    ),
  );
  const printed = plan.needsBrowser
    ? await withPrintFonts(theme.html, {
        env: plan.env,
        progress,
        offline: options.offline ?? false,
      })
    : { html: theme.html, files: new Map<string, string>() };
  if (coverage) await checkGlyphs(printed.html, coverage, options.strict ?? false, progress);
  const page = {
    html: printed.html,
    fonts: printed.files,
    allowedFolder: dirname(plan.resumePath),
  };
  const produced = await produceOutputs(
    plan.outputs,
    {
      resume,
      theme,
      paper: options.paper,
      page,
      baseName: plan.baseName,
      site: { url: options.siteUrl, noIndex: options.noIndex, resumePath: plan.resumePath },
    },
    session,
    {
      keepWithoutBrowser: (kept) => commitOutputs(kept, target, progress, timings),
      ...(ownsBrowser && session && { browserDone: () => void session.close() }),
    },
  );
  return { files: await commitOutputs(produced, target, progress, timings) };
}
