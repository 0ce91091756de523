/**
 * `npm run export`: résumé → dist/resume.html + dist/resume.pdf. Kept light: the heavy modules
 * (validator, puppeteer, pdf-lib) load only once Chromium is already starting.
 */
import { CliError, EXIT } from '../src/cli/cli-error.js';
import { EXPORT_USAGE, parseExportArgs } from '../src/export/export-args.js';
import { exportResume } from '../src/export/export.js';
import { createProgress } from '../src/cli/progress.js';
import { exitOnSignals, exitUnlessStopping } from '../src/cli/shutdown.js';

async function main(argv: string[]): Promise<number> {
  const args = parseExportArgs(argv);
  if (args.help) {
    process.stdout.write(`${EXPORT_USAGE}\n`);
    return EXIT.ok;
  }
  const progress = createProgress({ quiet: args.quiet });
  // Loaded on demand: its page-budget check pulls in pdf-lib, which would delay Chromium's start.
  const variant =
    args.variant === undefined
      ? undefined
      : (await import('../src/export/variant-export.js')).variantExport(args.variant);
  const { files } = await exportResume({
    resume: args.resume,
    theme: args.theme,
    out: args.out,
    formats: args.formats,
    paper: args.paper,
    force: args.force,
    maxBytes: args.maxBytes,
    timeoutMs: args.timeoutMs,
    strict: args.strict,
    ...(variant && { baseName: variant.baseName, transforms: [variant.transform] }),
    progress,
  });
  await variant?.checkPageBudget(files, progress);
  return EXIT.ok;
}

function report(error: unknown): number {
  if (error instanceof CliError) {
    process.stderr.write(`✖ ${error.message}\n`);
    return error.exitCode;
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
void main(process.argv.slice(2)).catch(report).then(exitUnlessStopping);
