/**
 * `npm run import -- refs.bib [--resume resume.json] [--owner "Name"] [--dry-run]`: merges BibTeX
 * entries into the résumé's publications. Given LinkedIn's archive (a .zip or its folder), merges
 * the profile instead (runLinkedInImport, below).
 */
import { describeChanges, importBib } from '../src/bib/import.js';
import { createProgress } from '../src/runtime.js';
import {
  exitCodeForStatus,
  defineCommand,
  runCommand,
  useColor,
  type CommandIo,
  type ExitCode,
} from '../src/cli/run-command.js';
import { resumeOption } from '../src/cli/options.js';
import { UsageError } from '../src/errors.js';
import { isArchivePath } from '../src/linkedin/archive.js';
import { describeLinkedInChanges, importLinkedIn } from '../src/linkedin/import.js';
import { linkedInText } from '../src/linkedin/messages.js';
import { formatReport } from '../src/resume/diagnostics.js';
import { printable } from '../src/printable.js';

/** The command's help and its own lines. */
const importCli = {
  usage: [
    'Usage: npm run import -- <refs.bib> [--resume resume.json] [--owner "Name"] [--dry-run]',
    '       npm run import -- <LinkedIn archive .zip or folder> [--resume resume.json] [--dry-run]',
  ].join('\n'),
  about: [
    'Merges the BibTeX entries of <refs.bib> into the résumé’s publications. Entries that are',
    'versions of one work (same DOI, arXiv id or title) become one publication: the refereed',
    'version’s venue, date and status, the links of all. Each work finds its publication by',
    'DOI, then arXiv id, then title; title, authors, venue, date, links and status are updated;',
    'scores, distinctions, id, tags and summary are kept; new entries are added newest first;',
    'publications the .bib lacks are reported and kept.',
    '',
    'Given LinkedIn’s archive (Settings › Data privacy › Get a copy of your data), merges your',
    'profile, positions, education, skills, languages, certifications, projects, publications,',
    'honors and volunteering: entries already in the résumé only get the fields they lack, the',
    'others are added. A résumé that does not exist yet is created.',
  ].join('\n'),
  resumeOption: 'the résumé to update',
  ownerOption: 'your name as the author lists write it',
  dryRunOption: 'print what would change, entry by entry, and write nothing',
  quietOption: 'no progress lines',
  exitCodes: [
    'Exit codes: 0 merged, 1 invalid input (malformed entries are reported and the others',
    '            merged; an invalid résumé is not written), 2 a file cannot be read or',
    '            written, or the options are wrong, 3 a bug in the command.',
  ].join('\n'),
  read: (entries: number, file: string): string =>
    `read ${entries} ${entries === 1 ? 'entry' : 'entries'} from ${file}`,
  oneFile: (files: readonly string[]): string =>
    files.length === 0
      ? 'which .bib file? Give its path, e.g. npm run import -- refs.bib.'
      : `expected one .bib file, got ${files.length}: ${files.join(' ')}.`,
};

runCommand(
  defineCommand({
    usage: importCli.usage,
    about: importCli.about,
    notes: importCli.exitCodes,
    options: {
      resume: { ...resumeOption, description: importCli.resumeOption },
      owner: {
        type: 'string',
        value: 'name',
        description: importCli.ownerOption,
        defaultText: 'basics.name',
      },
      'dry-run': { type: 'boolean', description: importCli.dryRunOption },
      quiet: { type: 'boolean', description: importCli.quietOption },
    },
    positionals: { min: 1, max: 1, wrongCount: importCli.oneFile },
    async run({ values, positionals: [bibPath = ''] }, io) {
      if (await isArchivePath(bibPath)) return runLinkedInImport(bibPath, values, io);
      const dryRun = values['dry-run'];
      const progress = createProgress({ quiet: values.quiet });
      const color = useColor();
      const startedAt = performance.now();
      const result = await importBib({
        bibPath,
        resumePath: values.resume,
        dryRun,
        ...(values.owner !== undefined && { owner: values.owner }),
      });
      // Nothing was merged when a file could not be read or the résumé had errors of its own.
      if (result.status !== 'unreadable' && !result.failure) {
        progress.done(
          printable(importCli.read(result.parsed, bibPath)),
          performance.now() - startedAt,
        );
      }
      io.stderr(formatReport(result.bibDiagnostics, bibPath, { color }));
      io.stderr(formatReport(result.resumeDiagnostics, values.resume, { color }));
      if (result.failure) io.stderr(`${printable(result.failure)}\n`);
      if (result.changes.length > 0) {
        const run = {
          file: values.resume,
          dryRun,
          written: result.written,
          failed: !!result.failure,
        };
        io.stdout(printable(describeChanges(result.changes, run)));
      }
      return exitCodeForStatus(result.status);
    },
  }),
);

/** The LinkedIn import's report on the terminal: a .zip or a folder comes here, a .bib stays above. */
async function runLinkedInImport(
  archivePath: string,
  values: { resume: string; owner?: string | undefined; 'dry-run': boolean; quiet: boolean },
  io: CommandIo,
): Promise<ExitCode> {
  if (values.owner !== undefined)
    throw new UsageError(
      '--owner names you among a .bib file’s authors; a LinkedIn archive needs none.',
    );
  const progress = createProgress({ quiet: values.quiet });
  const color = useColor();
  const startedAt = performance.now();
  const dryRun = values['dry-run'];
  const result = await importLinkedIn({ archivePath, resumePath: values.resume, dryRun });
  if (result.files > 0)
    progress.done(linkedInText.read(result.files, archivePath), performance.now() - startedAt);
  for (const [file, diagnostics] of result.archiveDiagnostics)
    io.stderr(formatReport(diagnostics, file, { color }));
  io.stderr(formatReport(result.resumeDiagnostics, values.resume, { color }));
  if (result.failure) io.stderr(`${result.failure}\n`);
  if (result.plan) {
    const run = {
      file: values.resume,
      dryRun,
      written: result.written,
      created: result.created,
      failed: !!result.failure,
    };
    io.stdout(describeLinkedInChanges(result.plan, run));
  }
  return exitCodeForStatus(result.status);
}
