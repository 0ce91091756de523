/** The texts of the LinkedIn import. */
import { quote, type MessageText } from '../resume/diagnostics.js';
import { MAX_CSV_BYTES, MAX_ENTRIES, LINKEDIN_FILES, type ArchiveProblem } from './archive.js';

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

export const linkedInText = {
  archive: (path: string, problem: ArchiveProblem): string => {
    switch (problem.kind) {
      case 'unreadable':
        return `cannot read ${path} (${problem.reason}). Check the path of LinkedIn's archive (the .zip, or the folder it unpacks to).`;
      case 'not-zip':
        return `${path} is not a readable zip archive (${problem.reason}). Download it again from LinkedIn (Settings › Data privacy › Get a copy of your data), or unpack it and give the folder.`;
      case 'too-many-entries':
        return `${path} has ${problem.count} entries, more than the ${MAX_ENTRIES} of any LinkedIn archive; not read. Unpack it and give the folder instead.`;
      case 'too-large':
        return `${problem.file} is ${mb(problem.bytes)}, more than ${mb(MAX_CSV_BYTES)}; not read. No profile file is that large: check that this is LinkedIn's archive.`;
      case 'not-utf8':
        return `${problem.file} is not UTF-8 text, as LinkedIn writes it; not read. Download the archive again.`;
      case 'not-a-file':
        return `${problem.file} is not a regular file; not read.`;
      case 'no-linkedin-files':
        return `${path} holds none of LinkedIn's profile files (${LINKEDIN_FILES.join(', ')}). Request the archive with your profile in it ("Download larger data archive", or pick Profile, Positions, Education…).`;
    }
  },
  syntax: (detail: string): MessageText => ({
    message: `this line cannot be read as CSV: ${detail.replace(/\.$/, '')}.`,
    hint: 'a quote may be missing: every field that holds a comma or a line break starts and ends with ". Download the archive again if you did not edit the file.',
  }),
  noHeader: (column: string): MessageText => ({
    message: `no header row with the column ${quote(column)}: this is not the file LinkedIn writes under this name.`,
    hint: 'download the archive again, or remove this file from the folder.',
  }),
  fieldCount: (detail: string): MessageText => ({
    message: `this row has ${detail}.`,
    hint: 'a quote may be missing around a field with a comma in it, or a field was added by hand.',
  }),
  badDate: (column: string, value: string): MessageText => ({
    message: `${column} ${quote(value)} is not a date LinkedIn writes ("Feb 2022", "2014", "6/1/15"); the date is left out.`,
    hint: 'add it to the résumé by hand as YYYY-MM.',
  }),
  badUrl: (column: string, value: string): MessageText => ({
    message: `${column} ${quote(value)} is not a web address; it is left out.`,
    hint: 'add the link to the résumé by hand, starting with https://.',
  }),
  resumeInvalid: (file: string): string =>
    `${file} has errors of its own (above); fix them first, then import again. Nothing was written.`,
  archiveInvalid: (path: string): string =>
    `${path} has errors (above); nothing was imported and nothing was written.`,
  resultInvalid: (file: string): string =>
    `the imported entries would make ${file} invalid (above); nothing was written.`,
  writeFailed: (file: string, reason: string): string =>
    `cannot write ${file} (${reason}); it is unchanged.`,
  changedMeanwhile: (file: string): string =>
    `${file} was saved by another program while the import ran; that change is kept and nothing was written. Import again.`,
  appeared: (file: string): string =>
    `${file} was created by something else while the import ran; it is left alone and nothing was written. Import again.`,
  read: (files: number, path: string): string =>
    `read ${files} ${files === 1 ? 'file' : 'files'} from ${path}`,
  summary: (
    counts: { added: number; filled: number; unchanged: number },
    run: { file: string; dryRun: boolean; written: boolean; created: boolean; failed: boolean },
  ): string => {
    const tally = `${counts.added} added, ${counts.filled} filled in, ${counts.unchanged} already there`;
    if (run.dryRun) return `${tally}. Dry run: ${run.file} not written.`;
    if (run.failed) return `${tally}. ${run.file} not written.`;
    if (run.created) return `${tally}. ${run.file} created.`;
    return `${tally}. ${run.written ? `${run.file} written.` : `${run.file} already up to date.`}`;
  },
};
