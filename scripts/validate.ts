/**
 * `npm run validate [-- [--json] [file]]`: checks a résumé and reports every problem with its
 * place in the file. Exit 0 valid, 1 invalid, 2 unreadable file or bad options.
 */
import { parseCliArgs } from '../src/cli/cli-args.js';
import { cli, report as reportText } from '../src/resume/messages.js';
import { parseByteSize } from '../src/resume/input-limits.js';
import { formatReport, listed } from '../src/resume/report.js';
import { JSON_RESUME_VERSION } from '../src/resume/resume-schema.js';
import { validateFile } from '../src/resume/validate.js';
import { countBySeverity } from '../src/resume/diagnostics.js';

const args = parseCliArgs(process.argv.slice(2), {
  json: { type: 'boolean' },
  'max-size': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
});

if (!args.ok || args.positionals.length > 1) {
  const problem = args.ok ? cli.tooManyFiles(args.positionals) : args.message;
  process.stderr.write(`${problem}\n${cli.usage}\n${cli.seeHelp}\n`);
  process.exit(2);
}
if (args.values.help) {
  process.stdout.write(`${cli.help()}\n`);
  process.exit(0);
}

const maxSize = args.values['max-size'];
const maxBytes = maxSize === undefined ? undefined : parseByteSize(maxSize);
if (maxSize !== undefined && maxBytes === undefined) {
  process.stderr.write(`${cli.badMaxSize(maxSize)}\n${cli.seeHelp}\n`);
  process.exit(2);
}

const file = args.positionals[0] ?? 'resume.json';
const outcome = await validateFile(file, { maxBytes });

if (args.values.json) {
  const { errors, warnings } = countBySeverity(outcome.diagnostics);
  const { exitCode } = outcome;
  const { shown: diagnostics, omitted } = listed(outcome.diagnostics);
  const summary = { file, valid: exitCode === 0, exitCode, errors, warnings, diagnostics, omitted };
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
} else {
  // NO_COLOR (https://no-color.org): any non-empty value turns colour off.
  const color = Boolean(process.stderr.isTTY) && !process.env.NO_COLOR;
  process.stderr.write(formatReport(outcome.diagnostics, file, { color }));
  if (outcome.exitCode === 0) {
    process.stdout.write(`${reportText.valid(file, JSON_RESUME_VERSION)}\n`);
  }
}
process.exitCode = outcome.exitCode;
