/**
 * `npm run import -- refs.bib [--resume resume.json] [--owner "Name"] [--dry-run]`: merges BibTeX
 * entries into the résumé's publications. Exit 0 merged, 1 invalid input, 2 unreadable or bad
 * options.
 */
import { importBib } from '../src/bib/import.js';
import { describeChanges } from '../src/bib/changes-text.js';
import { parseCliArgs } from '../src/cli/cli-args.js';
import { EXIT } from '../src/cli/cli-error.js';
import { cli, importCli } from '../src/resume/messages.js';
import { createProgress } from '../src/cli/progress.js';
import { formatReport } from '../src/resume/report.js';

const args = parseCliArgs(process.argv.slice(2), {
  resume: { type: 'string', default: 'resume.json' },
  owner: { type: 'string' },
  'dry-run': { type: 'boolean' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
});

if (args.ok && args.values.help) {
  process.stdout.write(`${importCli.help()}\n`);
  process.exit(EXIT.ok);
}
if (!args.ok || args.positionals.length !== 1) {
  const problem = args.ok ? importCli.oneFile(args.positionals) : args.message;
  process.stderr.write(`${problem}\n${importCli.usage}\n${cli.seeHelp}\n`);
  process.exit(EXIT.badInputOrOptions);
}

const { values } = args;
const bibPath = args.positionals[0]!;
const dryRun = values['dry-run'] === true;
const progress = createProgress({ quiet: values.quiet === true });
// NO_COLOR (https://no-color.org): any non-empty value turns colour off.
const color = Boolean(process.stderr.isTTY) && !process.env.NO_COLOR;

const startedAt = performance.now();
const result = await importBib({
  bibPath,
  resumePath: values.resume,
  dryRun,
  ...(values.owner !== undefined ? { owner: values.owner } : {}),
});
// Nothing was merged when a file could not be read or the résumé had errors of its own.
if (result.exitCode !== EXIT.badInputOrOptions && !result.failure) {
  const entries = `${result.parsed} ${result.parsed === 1 ? 'entry' : 'entries'}`;
  progress.done(`read ${entries} from ${bibPath}`, performance.now() - startedAt);
}

process.stderr.write(formatReport(result.bibDiagnostics, bibPath, { color }));
process.stderr.write(formatReport(result.resumeDiagnostics, values.resume, { color }));
if (result.failure) process.stderr.write(`${result.failure}\n`);
if (result.changes.length > 0) {
  const run = { file: values.resume, dryRun, written: result.written, failed: !!result.failure };
  process.stdout.write(describeChanges(result.changes, run));
}
process.exitCode = result.exitCode;
