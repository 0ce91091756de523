/**
 * `npm run variant -- <name>`: prints the résumé as a variant presents it, as standard JSON Resume
 * on stdout, for any other JSON Resume client (e.g. `npm run variant -- industry > industry.json`).
 */
import { parseArgs } from 'node:util';
import { CliError, EXIT, describeError } from '../src/cli/cli-error.js';
import { validateFile } from '../src/resume/validate.js';
import { UnknownVariantError, applyVariant, variantNames } from '../src/resume/variant.js';

const HELP = `Usage: npm run variant -- <name> [--resume resume.json]

Prints the résumé as the variant <name> (declared in meta.variants) presents it: standard
JSON Resume without meta.variants, left-out sections and entries removed.

Options:
  --resume <file>  the résumé to read (default: resume.json)
  --help           show this help

Exit codes: 0 printed, 1 the résumé is invalid, 2 unreadable résumé, unknown variant or bad options.`;

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseOptions(argv);
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const outcome = await validateFile(values.resume ?? 'resume.json');
  if (outcome.report) process.stderr.write(`${outcome.report}\n`);
  if (outcome.exitCode !== EXIT.ok || !outcome.resume) process.exit(outcome.exitCode);
  const resume = outcome.resume;

  const [name, ...extra] = positionals;
  if (!name || extra.length > 0) {
    const defined = variantNames(resume);
    throw new CliError(
      `Give exactly one variant name.${defined.length ? ` Defined variants: ${defined.join(', ')}.` : ''}\n\n${HELP}`,
      EXIT.badInputOrOptions,
    );
  }
  try {
    process.stdout.write(`${JSON.stringify(applyVariant(resume, name), null, 2)}\n`);
  } catch (error) {
    if (error instanceof UnknownVariantError) {
      throw new CliError(`${outcome.file}: ${error.message}`, EXIT.badInputOrOptions);
    }
    throw error;
  }
}

function parseOptions(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: { resume: { type: 'string' }, help: { type: 'boolean' } },
    });
  } catch (error) {
    throw new CliError(`${describeError(error)}\n\n${HELP}`, EXIT.badInputOrOptions);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`✖ ${describeError(error)}\n`);
  process.exit(error instanceof CliError ? error.exitCode : EXIT.exportFailed);
});
