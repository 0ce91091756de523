/**
 * `npm run validate [-- [--json] [--resume file | file]]`: checks a résumé and reports every problem with its
 * place in the file.
 */
import {
  countBySeverity,
  formatReport,
  listed,
  report as reportText,
} from '../src/resume/diagnostics.js';
import { JSON_RESUME_VERSION } from '../src/resume/schema.js';
import { validateFile } from '../src/resume/validate.js';
import { exitCodeForStatus, defineCommand, runCommand, useColor } from '../src/cli/run-command.js';
import { DEFAULT_RESUME, maxSizeOption, resumeOption } from '../src/cli/options.js';
import { UsageError } from '../src/errors.js';
import { printable } from '../src/printable.js';

/** `npm run validate`: its help and its own option errors. */
const cli = {
  usage: 'Usage: npm run validate [-- [options] [--resume <file> | <file>]]',
  about: [
    'Checks a JSON Resume file: JSON syntax, the official JSON Resume schema and the',
    'camera-ready extensions, all problems in one run. Reads resume.json by default.',
  ].join('\n'),
  jsonOption: 'print the diagnostics as JSON on stdout instead of text on stderr',
  exitCodes: [
    'Exit codes: 0 valid (warnings allowed), 1 invalid JSON or résumé,',
    '            2 the file cannot be read or the options are wrong, 3 a bug in the command.',
  ].join('\n'),
  tooManyFiles: (files: readonly string[]): string =>
    `expected one file, got ${files.length}: ${files.join(' ')}.`,
  twoFiles: (option: string, positional: string): string =>
    `expected one file, got --resume ${option} and ${positional}: name it once.`,
};

runCommand(
  defineCommand({
    usage: cli.usage,
    about: cli.about,
    notes: cli.exitCodes,
    options: {
      json: { type: 'boolean', description: cli.jsonOption },
      // As export names it; the file may also be given alone, as before.
      resume: { ...resumeOption, default: undefined, defaultText: DEFAULT_RESUME },
      'max-size': maxSizeOption,
    },
    positionals: { min: 0, max: 1, wrongCount: cli.tooManyFiles },
    async run({ values, positionals }, io) {
      const [given] = positionals;
      if (given !== undefined && values.resume !== undefined && given !== values.resume) {
        throw new UsageError(cli.twoFiles(values.resume, given));
      }
      const file = values.resume ?? given ?? DEFAULT_RESUME;
      const outcome = await validateFile(file, { maxBytes: values['max-size'] });
      const exitCode = exitCodeForStatus(outcome.status);
      if (values.json) {
        const { errors, warnings } = countBySeverity(outcome.diagnostics);
        const { shown: diagnostics, omitted } = listed(outcome.diagnostics);
        const summary = {
          file,
          valid: outcome.status === 'ok',
          exitCode,
          errors,
          warnings,
          diagnostics,
          omitted,
        };
        io.stdout(`${printable(JSON.stringify(summary, null, 2))}\n`);
      } else {
        io.stderr(formatReport(outcome.diagnostics, file, { color: useColor() }));
        if (exitCode === 0)
          io.stdout(`${printable(reportText.valid(file, JSON_RESUME_VERSION))}\n`);
      }
      return exitCode;
    },
  }),
);
