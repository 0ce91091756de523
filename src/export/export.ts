/**
 * validate → transform → render → HTML/PDF/PNG/… → write. Chromium starts first, in the
 * background, so it boots while the résumé is validated and rendered. All outputs are written only
 * once every one of them is complete; the one exception is a missing browser, where the outputs
 * that need none are still written. Failures are the domain errors of src/errors.ts.
 */
import { dirname } from 'node:path';
import { startBrowser } from '../browser/launch.js';
import { startBrowserSession } from './browser-session.js';
import { commitOutputs, type CommitTarget } from './commit-outputs.js';
import type { ExportOptions, ExportResult } from './export-options.js';
import { planExport } from './export-plan.js';
import { checkGlyphs } from './glyph-check.js';
import { produceOutputs } from './produce-outputs.js';
import { readResume, transformLabels } from './read-resume.js';
import { chooseTheme } from './theme-choice.js';
import { startThemeWorker } from './theme-render.js';
import { createTimings, type Timings } from './timings.js';

export type { ExportOptions, ExportResult, ResumeTransform } from './export-options.js';

export async function exportResume(
  options: ExportOptions,
  timings: Timings = createTimings(),
): Promise<ExportResult> {
  timings.add('start', timings.now());
  const { progress } = options;
  const plan = planExport(options);
  const session = plan.needsBrowser
    ? await startBrowserSession({
        env: plan.env,
        progress,
        launch: options.launchBrowser ?? startBrowser,
        timeoutMs: plan.timeoutMs,
        timings,
      })
    : undefined;
  const themeWorker = startThemeWorker();
  const target: CommitTarget = { outDir: plan.outDir, shownOut: options.out, cwd: plan.cwd };
  try {
    const resume = await timings.measure('validate', () =>
      readResume(plan.resumePath, options, progress, plan.cwd),
    );
    const theme = await timings.measure('render', () =>
      progress.step(
        () =>
          themeWorker.render(
            { spec: chooseTheme(options.theme, resume.meta?.theme), cwd: plan.cwd, resume },
            plan.timeoutMs,
          ),
        (rendered) => `rendered with ${rendered.name}${transformLabels(options.transforms)}`,
      ),
    );
    if (plan.needsBrowser) await checkGlyphs(theme.html, options.strict ?? false, progress);
    const produced = await produceOutputs(
      plan.outputs,
      { resume, theme, paper: options.paper, folder: dirname(plan.resumePath) },
      session,
      (kept) => commitOutputs(kept, target, progress, timings),
    );
    return { files: await commitOutputs(produced, target, progress, timings) };
  } finally {
    await Promise.all([session?.close(), themeWorker.stop()]);
  }
}
