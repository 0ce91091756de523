/**
 * `npm run import -- refs.bib [--resume resume.json] [--owner "Name"] [--dry-run]`: merges BibTeX
 * entries into the résumé's publications. Given LinkedIn's archive (a .zip or its folder), merges
 * the profile instead (src/linkedin/command.ts).
 */
import { describeChanges } from '../src/bib/changes-text.js';
import { importBib } from '../src/bib/import.js';
import { importCli } from '../src/bib/messages.js';
import { createProgress } from '../src/runtime.js';
import { exitCodeForStatus, defineCommand, runCommand, useColor } from '../src/cli/run-command.js';
import { resumeOption } from '../src/cli/options.js';
import { isArchivePath } from '../src/linkedin/archive.js';
import { runLinkedInImport } from '../src/linkedin/command.js';
import { formatReport } from '../src/resume/report.js';
import { printable } from '../src/printable.js';

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
