/**
 * `npm run export`: résumé → dist/resume.html + dist/resume.pdf. Kept light: the heavy modules
 * (validator, puppeteer, pdf-lib) load only once Chromium is already starting.
 */
import { createProgress } from '../src/cli/progress.js';
import { resumeIsAnOption } from '../src/cli/resume-options.js';
import { defineCommand, runCommand } from '../src/cli/run-command.js';
import { EXPORT_OPTIONS } from '../src/export/export-args.js';
import { exportResume } from '../src/export/export.js';
import { exportCli } from '../src/export/messages.js';

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
      const progress = createProgress({ quiet: values.quiet });
      // Loaded on demand: its page-budget check pulls in pdf-lib, which would delay Chromium's start.
      const variant =
        values.variant === undefined
          ? undefined
          : (await import('../src/export/variant-export.js')).variantExport(values.variant);
      const { files } = await exportResume({
        resume: values.resume,
        theme: values.theme,
        out: values.out,
        formats: values.format,
        paper: values.paper,
        force: values.force,
        maxBytes: values['max-size'],
        timeoutMs: values.timeout,
        strict: values.strict,
        ...(variant && { baseName: variant.baseName, transforms: [variant.transform] }),
        progress,
      });
      await variant?.checkPageBudget(files, progress);
    },
  }),
);
