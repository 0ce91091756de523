/**
 * The import as one function: read the .bib and the résumé, map and merge, edit the résumé text,
 * validate the result, and write it all-or-nothing (unless it is a dry run). Nothing is printed
 * here; the caller gets the plan, the diagnostics and a status, and the lines that describe the
 * changes (describeChanges).
 *
 * The write goes through src/export/write-files.ts (replaceFile): when another program saved the résumé
 * after it was read, the import reads it again and merges into what was saved (up to ATTEMPTS
 * times), so neither that edit nor the import is lost.
 */
import { stat } from 'node:fs/promises';
import type { Publication, Resume } from 'jsonresume-theme-camera-ready';
import { describeError, type InputStatus } from '../errors.js';
import { FileChangedError, replaceFile } from '../export/write-files.js';
import { printable } from '../printable.js';
import { quote, type Diagnostic } from '../resume/diagnostics.js';
import { readResumeText, type ReadResult } from '../resume/load.js';
import { validateForErrors } from '../resume/validate.js';
import {
  isContainer,
  mapEntry,
  mergeVersions,
  READ_FIELDS,
  type MappedEntry,
  type Owner,
} from './map.js';
import { applyChanges, planMerge, type Change } from './merge.js';
import { changesText, bibText } from './messages.js';
import { parseBib, type ParsedBib } from './read.js';
import { splitName } from './latex.js';

/** Larger than any one person's publication list by far; bounds memory and time. */
export const MAX_BIB_BYTES = 16 * 1024 * 1024;

export interface ImportOptions {
  bibPath: string;
  resumePath: string;
  /** The owner's name as author lists write it; defaults to the résumé's basics.name. */
  owner?: string;
  dryRun: boolean;
  /** Reads the résumé (default readResumeText); each attempt reads it again. */
  readResume?: (path: string) => Promise<ReadResult>;
}

export interface ImportResult {
  /** `invalid` also when some entries could not be read but the rest were imported. */
  status: InputStatus;
  /** Problems in the .bib file, located in it. */
  bibDiagnostics: Diagnostic[];
  /** Problems in the résumé (as read, or as it would be written), located in it. */
  resumeDiagnostics: Diagnostic[];
  /** A sentence for a failure that stops the import, if any. */
  failure?: string;
  changes: Change[];
  /** Entries read from the .bib file (before merging). */
  parsed: number;
  written: boolean;
  /** The résumé text after the merge (also for a dry run). */
  text?: string;
}

const fileProblem = (message: { message: string; hint?: string }): Diagnostic => ({
  severity: 'error',
  path: '(file)',
  line: 0,
  column: 0,
  ...message,
});

async function readBib(
  path: string,
): Promise<{ ok: true; text: string } | { ok: false; result: Diagnostic; status: InputStatus }> {
  try {
    const size = (await stat(path)).size;
    if (size > MAX_BIB_BYTES)
      return {
        ok: false,
        status: 'unreadable',
        result: fileProblem(bibText.tooLarge(path, MAX_BIB_BYTES)),
      };
  } catch {
    // readResumeText below says why the file cannot be read.
  }
  const read = await readResumeText(path);
  if (!read.ok) {
    // The reader's wording is about JSON; say it about the .bib file.
    const result =
      read.status === 'invalid'
        ? fileProblem(bibText.notUtf8())
        : { ...read.diagnostic, hint: bibText.checkBibPath };
    return { ok: false, status: read.status, result };
  }
  return { ok: true, text: read.text.replace(/^\uFEFF/, '') };
}

function empty(status: InputStatus, partial: Partial<ImportResult>): ImportResult {
  return {
    status,
    bibDiagnostics: [],
    resumeDiagnostics: [],
    changes: [],
    parsed: 0,
    written: false,
    ...partial,
  };
}

/** How often the résumé is read again when another program changes it during the import. */
const ATTEMPTS = 3;

export async function importBib(options: ImportOptions): Promise<ImportResult> {
  const bib = await readBib(options.bibPath);
  if (!bib.ok) return empty(bib.status, { bibDiagnostics: [bib.result] });
  const readResume = options.readResume ?? readResumeText;
  let parsed: ParsedBib | undefined;
  for (let attempt = 1; ; attempt++) {
    const resumeRead = await readResume(options.resumePath);
    if (!resumeRead.ok)
      return empty(resumeRead.status, { resumeDiagnostics: [resumeRead.diagnostic] });
    const before = validateForErrors(resumeRead.text, options.resumePath);
    if (before.status !== 'ok' || !before.resume) {
      return empty('invalid', {
        resumeDiagnostics: before.diagnostics,
        failure: bibText.resumeInvalid(options.resumePath),
      });
    }
    // Parsed once, after the résumé proved valid; each attempt maps it onto the résumé read.
    parsed ??= parseBib(bib.text, READ_FIELDS);
    await signalsHandled();
    const merged = await merge(resumeRead.text, before.resume, parsed, options);
    if (merged.status !== undefined) return merged;
    const { text, common, bibStatus } = merged;
    const edited = text !== resumeRead.text;
    if (!edited || options.dryRun) return empty(bibStatus, { ...common, written: false });
    try {
      await replaceFile(options.resumePath, text, { expected: resumeRead.text });
      return empty(bibStatus, { ...common, written: true });
    } catch (error) {
      // Another program saved the résumé meanwhile: merge into what it saved.
      if (error instanceof FileChangedError && attempt < ATTEMPTS) continue;
      const failure =
        error instanceof FileChangedError
          ? bibText.keptChanging(options.resumePath, ATTEMPTS)
          : bibText.writeFailed(options.resumePath, describeError(error));
      return empty('not-saved', { ...common, failure });
    }
  }
}

/** Lets a pending SIGINT or SIGTERM be handled between long synchronous steps. */
const signalsHandled = () => new Promise<void>((resolve) => setImmediate(resolve));

type Merged =
  | (ImportResult & { status: 'invalid' })
  | {
      status?: undefined;
      text: string;
      bibStatus: 'ok' | 'invalid';
      common: Pick<ImportResult, 'bibDiagnostics' | 'changes' | 'parsed' | 'text'>;
    };

/** The .bib entries merged into one reading of the résumé: the new text, or why there is none. */
async function merge(
  resumeText: string,
  resume: Resume,
  parsed: ParsedBib,
  options: ImportOptions,
): Promise<Merged> {
  const name = (options.owner ?? resume.basics?.name ?? '').trim();
  const { given, family } = splitName(name);
  // Written as the résumé names its owner, so the theme finds the name to emphasise.
  const owner: Owner = {
    name,
    shownAs: resume.basics?.name?.trim() || `${given} ${family}`.trim(),
  };
  const bibDiagnostics = [...parsed.diagnostics];
  if (parsed.entries.length === 0 && parsed.diagnostics.length === 0)
    bibDiagnostics.push({
      severity: 'warning',
      path: '(file)',
      line: 0,
      column: 0,
      ...bibText.noEntries(options.bibPath),
    });
  if (owner.name === '')
    bibDiagnostics.push({
      severity: 'warning',
      path: '(file)',
      line: 0,
      column: 0,
      ...bibText.noOwner(),
    });
  const mapped: MappedEntry[] = [];
  const entries = parsed.entries.filter((e) => !isContainer(e));
  for (const [index, entry] of entries.entries()) {
    if (index % 500 === 499) await signalsHandled();
    const result = mapEntry(entry, owner);
    for (const problem of result.problems) {
      bibDiagnostics.push({
        severity: problem.severity,
        path: entry.key,
        line: entry.line,
        column: entry.column,
        ...problem.text,
      });
    }
    if (!result.problems.some((p) => p.severity === 'error')) mapped.push(result);
  }

  const existing: Publication[] = resume.publications ?? [];
  const changes = planMerge(existing, mergeVersions(mapped));
  for (const change of changes) {
    if (change.kind !== 'duplicate') continue;
    const { entry } = change;
    bibDiagnostics.push({
      severity: 'warning',
      path: entry.key,
      line: entry.line,
      column: entry.column,
      ...bibText.duplicate(entry.key, change.of),
    });
  }
  await signalsHandled();
  // A byte-order mark stays where it is; the edits are made to the JSON after it.
  const bom = resumeText.startsWith('\uFEFF') ? '\uFEFF' : '';
  const text = bom + applyChanges(resumeText.slice(bom.length), changes, existing.length);
  await signalsHandled();
  const after = validateForErrors(text, options.resumePath);
  const common = { bibDiagnostics, changes, parsed: parsed.entries.length, text };
  if (after.status !== 'ok') {
    const errors = after.diagnostics.filter((d) => d.severity === 'error');
    return empty('invalid', {
      ...common,
      resumeDiagnostics: errors,
      failure: bibText.resultInvalid(options.resumePath),
    }) as ImportResult & { status: 'invalid' };
  }
  const bibStatus = bibDiagnostics.some((d) => d.severity === 'error') ? 'invalid' : 'ok';
  return { text, bibStatus, common };
}

/**
 * What an import changes, entry by entry, as lines for the terminal (also for --dry-run). Keys
 * and file names come from the user's files: their control characters are printed escaped.
 */

const pad = (word: string) => word.padEnd(9);

/** The entry's key, and the other versions of the work merged into it. */
const keys = (entry: MappedEntry) =>
  entry.versions?.length ? `${entry.key} ${changesText.versions(entry.versions)}` : entry.key;

export function describeChanges(
  changes: readonly Change[],
  run: { file: string; dryRun: boolean; written: boolean; failed: boolean },
): string {
  const lines: string[] = [];
  const counts = { add: 0, update: 0, unchanged: 0, absent: 0 };
  for (const change of changes) {
    switch (change.kind) {
      case 'add':
        counts.add++;
        lines.push(
          `+ ${pad('add')} ${keys(change.entry)}  ${quote(change.publication.name)} → publications[${change.index}]`,
        );
        break;
      case 'update':
        counts.update++;
        lines.push(
          `~ ${pad('update')} ${keys(change.entry)}  ${quote(change.entry.facts.name)} → publications[${change.index}]`,
        );
        for (const { field, from, to } of change.fields) {
          lines.push(
            `      ${field}: ${from === undefined ? '(none)' : quote(from)} → ${quote(to)}`,
          );
        }
        break;
      case 'unchanged':
        counts.unchanged++;
        lines.push(`= ${pad('unchanged')} ${keys(change.entry)}  publications[${change.index}]`);
        break;
      case 'absent':
        counts.absent++;
        lines.push(
          `? ${pad('absent')} publications[${change.index}] ${quote(change.publication.name ?? '')}: ${changesText.absent}`,
        );
        break;
      case 'duplicate':
        // Reported with the .bib diagnostics, where its line is.
        break;
    }
  }
  lines.push('', changesText.summary(counts, run));
  return `${lines.map((line) => printable(line)).join('\n')}\n`;
}
