/**
 * `npm run variant -- <name>`: prints the résumé as a variant presents it, as standard JSON Resume
 * on stdout, for any other JSON Resume client (e.g. `npm run variant -- industry > industry.json`).
 */
import { UsageError, VariantError } from '../src/errors.js';
import { printable } from '../src/printable.js';
import { exitCodeForStatus, defineCommand, runCommand } from '../src/cli/run-command.js';
import { resumeOption } from '../src/cli/options.js';
import { validateFile } from '../src/resume/validate.js';
import { UnknownVariantError, applyVariant, variantNames } from '../src/resume/variant.js';

/** `npm run variant`. */
const variantCli = {
  usage: 'Usage: npm run variant -- <name> [--resume resume.json]',
  about: [
    'Prints the résumé as the variant <name> (declared in meta.variants) presents it: standard',
    'JSON Resume without meta.variants, left-out sections and entries removed.',
  ].join('\n'),
  resumeOption: 'the résumé to read',
  exitCodes:
    'Exit codes: 0 printed, 1 the résumé is invalid, 2 unreadable résumé, unknown variant or bad options,\n            3 a bug in the command.',
  oneName: (defined: readonly string[]): string =>
    `Give exactly one variant name.${defined.length ? ` Defined variants: ${defined.join(', ')}.` : ''}`,
  inFile: (file: string, reason: string): string => `${file}: ${reason}`,
};

runCommand(
  defineCommand({
    usage: variantCli.usage,
    about: variantCli.about,
    notes: variantCli.exitCodes,
    options: { resume: { ...resumeOption, description: variantCli.resumeOption } },
    // The count is checked once the résumé is read, so the message can name its variants.
    positionals: 'any',
    async run({ values, positionals }, io) {
      const outcome = await validateFile(values.resume);
      if (outcome.report) io.stderr(`${outcome.report}\n`);
      if (!outcome.resume) return exitCodeForStatus(outcome.status);
      const [name, ...extra] = positionals;
      if (name === undefined || extra.length > 0) {
        throw new UsageError(variantCli.oneName(variantNames(outcome.resume)));
      }
      try {
        io.stdout(`${printable(JSON.stringify(applyVariant(outcome.resume, name), null, 2))}\n`);
      } catch (error) {
        if (error instanceof UnknownVariantError) {
          throw new VariantError(variantCli.inFile(outcome.file, error.message));
        }
        throw error;
      }
    },
  }),
);
