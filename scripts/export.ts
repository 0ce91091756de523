/**
 * `npm run export`: résumé → dist/resume.html + dist/resume.pdf. Kept light: the heavy modules
 * (validator, puppeteer, pdf-lib) load only once Chromium is already starting.
 */
import { CliError, EXIT } from '../src/cli-error.js';
import { EXPORT_USAGE, parseExportArgs } from '../src/export-args.js';
import { exportResume } from '../src/export.js';
import { createProgress } from '../src/progress.js';
import { variantExport } from '../src/variant-export.js';

async function main(argv: string[]): Promise<number> {
  const args = parseExportArgs(argv);
  if (args.help) {
    process.stdout.write(`${EXPORT_USAGE}\n`);
    return EXIT.ok;
  }
  const progress = createProgress({ quiet: args.quiet });
  const variant = args.variant === undefined ? undefined : variantExport(args.variant);
  const { files } = await exportResume({
    resume: args.resume,
    theme: args.theme,
    out: args.out,
    formats: args.formats,
    paper: args.paper,
    force: args.force,
    ...(variant && { baseName: variant.baseName, transforms: [variant.transform] }),
    progress,
  });
  await variant?.checkPageBudget(files, progress);
  return EXIT.ok;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    if (error instanceof CliError) {
      process.stderr.write(`✖ ${error.message}\n`);
      process.exitCode = error.exitCode;
    } else {
      // Not a user error: a bug, so the stack trace is what helps.
      process.stderr.write(
        `✖ Unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = EXIT.exportFailed;
    }
  },
);
