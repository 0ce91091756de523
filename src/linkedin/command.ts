/**
 * `npm run import -- <archive>`: the LinkedIn import's report on the terminal. scripts/import.ts
 * hands a .zip or a folder here and keeps the .bib path to itself.
 */
import { createProgress } from '../runtime.js';
import { type CommandIo, useColor, exitCodeForStatus, type ExitCode } from '../cli/run-command.js';
import { UsageError } from '../errors.js';
import { formatReport } from '../resume/report.js';
import { describeLinkedInChanges } from './changes-text.js';
import { importLinkedIn } from './import.js';
import { linkedInText } from './messages.js';

export interface LinkedInCommandValues {
  resume: string;
  owner?: string | undefined;
  'dry-run': boolean;
  quiet: boolean;
}

export async function runLinkedInImport(
  archivePath: string,
  values: LinkedInCommandValues,
  io: CommandIo,
): Promise<ExitCode> {
  if (values.owner !== undefined) throw new UsageError(linkedInText.ownerIsForBib);
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
