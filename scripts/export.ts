/**
 * `npm run export`: résumé → dist/resume.html + dist/resume.pdf. Kept light: the heavy modules
 * (validator, puppeteer, pdf-lib) load only once Chromium is already starting.
 */
import { EXIT, exitCodeFor } from '../src/cli/cli-error.js';
import { EXPORT_USAGE, parseExportArgs } from '../src/export/export-args.js';
import { UsageError } from '../src/errors.js';
import { exportBatch, isBatch } from '../src/export/batch-export.js';
import { exportResume } from '../src/export/export.js';
import { createTimings } from '../src/export/timings.js';
import { createProgress } from '../src/cli/progress.js';
import { exitOnSignals, exitUnlessStopping } from '../src/cli/shutdown.js';

async function main(argv: string[]): Promise<number> {
  const args = parseExportArgs(argv);
  if (args.help) {
    process.stdout.write(`${EXPORT_USAGE}\n`);
    return EXIT.ok;
  }
  const progress = createProgress({ quiet: args.quiet });
  const timings = createTimings();
  const common = {
    theme: args.theme,
    out: args.out,
    formats: args.formats,
    paper: args.paper,
    force: args.force,
    maxBytes: args.maxBytes,
    timeoutMs: args.timeoutMs,
    strict: args.strict,
    progress,
  };
  let code: number = EXIT.ok;
  if (isBatch(args.resumes)) {
    if (args.variant !== undefined) {
      throw new UsageError(
        '--variant exports one résumé: name one --resume, not several or a folder.',
      );
    }
    const startedAt = performance.now();
    const { exported, failures } = await exportBatch({ ...common, resumes: args.resumes }, timings);
    for (const { resume, error } of failures)
      process.stderr.write(`✖ ${resume}: ${error.message}\n`);
    const total = exported + failures.length;
    progress.done(`exported ${exported} of ${total} résumés`, performance.now() - startedAt);
    code = failures[0] ? (exitCodeFor(failures[0].error) ?? EXIT.exportFailed) : EXIT.ok;
  } else {
    // Loaded on demand: its page-budget check pulls in pdf-lib, which would delay Chromium's start.
    const variant =
      args.variant === undefined
        ? undefined
        : (await import('../src/export/variant-export.js')).variantExport(args.variant);
    const { files } = await exportResume(
      {
        ...common,
        resume: args.resumes[0]!,
        ...(variant && { baseName: variant.baseName, transforms: [variant.transform] }),
      },
      timings,
    );
    await variant?.checkPageBudget(files, progress);
  }
  if (args.timings) process.stderr.write(`timings ${JSON.stringify(timings.summary())}\n`);
  return code;
}

function report(error: unknown): number {
  const code = exitCodeFor(error);
  if (code !== undefined) {
    process.stderr.write(`✖ ${(error as Error).message}\n`);
    return code;
  }
  // Not a user error: a bug, so the stack trace is what helps.
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`✖ Unexpected failure: ${detail}\n`);
  return EXIT.exportFailed;
}

// An interrupt stops the theme's worker, the browser and its helpers, removes its profile, then exits.
exitOnSignals((signal) =>
  process.stderr.write(`✖ Interrupted (${signal}); no file was half-written or mixed.\n`),
);

// Exit explicitly: a browser killed mid-start can leave puppeteer's timers pending.
main(process.argv.slice(2)).catch(report).then(exitUnlessStopping);
