/**
 * `npm run export`: résumé → dist/resume.html + dist/resume.pdf, or many résumés with one browser.
 * Kept light: the heavy modules (validator, puppeteer, pdf-lib) load only once Chromium is already
 * starting.
 */
import { EXIT, exitCodeFor, type ExitCode } from '../src/cli/exit-codes.js';
import { createProgress } from '../src/runtime.js';
import { resumeIsAnOption } from '../src/cli/resume-options.js';
import { defineCommand, runCommand } from '../src/cli/run-command.js';
import { UsageError } from '../src/errors.js';
import { printable } from '../src/printable.js';
import { exportBatch, isBatch } from '../src/export/batch-export.js';
import { EXPORT_OPTIONS } from '../src/export/export-args.js';
import { exportResume } from '../src/export/export.js';
import { exportCli } from '../src/export/messages.js';
import { createTimings } from '../src/export/timings.js';

runCommand(
  defineCommand({
    usage: exportCli.usage,
    about: exportCli.about,
    notes: exportCli.notes,
    options: EXPORT_OPTIONS,
    positionals: resumeIsAnOption,
    // An interrupt stops the theme's worker, the browser and its helpers, removes its profile, then exits.
    signals: { say: (signal) => process.stderr.write(`${exportCli.interrupted(signal)}\n`) },
    async run({ values }) {
      if (values.theme !== undefined && values['theme-from-resume']) {
        throw new UsageError(exportCli.themeTwice);
      }
      const progress = createProgress({ quiet: values.quiet });
      const timings = createTimings();
      const common = {
        theme: values.theme,
        out: values.out,
        formats: values.format,
        paper: values.paper,
        force: values.force,
        maxBytes: values['max-size'],
        timeoutMs: values.timeout,
        strict: values.strict,
        offline: values.offline,
        siteUrl: values['site-url'],
        noIndex: values['no-index'],
        progress,
      };
      let code: ExitCode = EXIT.ok;
      if (isBatch(values.resume)) {
        if (values.variant !== undefined) throw new UsageError(exportCli.variantNeedsOneResume);
        if (values.format.includes('site')) throw new UsageError(exportCli.siteNeedsOneResume);
        const startedAt = performance.now();
        const { exported, failures } = await exportBatch(
          // One theme for every résumé, unless each résumé's own is asked for.
          { ...common, resumes: values.resume, themeFromResume: values['theme-from-resume'] },
          timings,
        );
        for (const { resume, error } of failures) {
          process.stderr.write(`${printable(exportCli.batchFailure(resume, error.message))}\n`);
        }
        const total = exported + failures.length;
        progress.done(exportCli.batchDone(exported, total), performance.now() - startedAt);
        code = failures[0] ? (exitCodeFor(failures[0].error) ?? EXIT.exportFailed) : EXIT.ok;
      } else {
        // Loaded on demand: its page-budget check pulls in pdf-lib, which would delay Chromium's start.
        const variant =
          values.variant === undefined
            ? undefined
            : (await import('../src/export/variant-export.js')).variantExport(values.variant);
        const { files } = await exportResume(
          {
            ...common,
            resume: values.resume[0]!,
            ...(variant && { baseName: variant.baseName, transforms: [variant.transform] }),
          },
          timings,
        );
        await variant?.checkPageBudget(files, progress);
      }
      if (values.timings) process.stderr.write(`timings ${JSON.stringify(timings.summary())}\n`);
      return code;
    },
  }),
);
