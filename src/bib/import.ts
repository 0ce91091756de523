/**
 * The import as one function: read the .bib and the résumé, map and merge, edit the résumé text,
 * validate the result, and write it all-or-nothing (unless it is a dry run). Nothing is printed
 * here; the caller gets the plan, the diagnostics and an exit code.
 */
import { stat } from 'node:fs/promises';
import type { Publication } from 'jsonresume-theme-camera-ready';
import { writeFileAtomic } from '../export/atomic-write.js';
import { describeError } from '../errors.js';
import type { Diagnostic } from '../resume/diagnostics.js';
import { readResumeText } from '../resume/load.js';
import { bibText } from './messages.js';
import { validateText } from '../resume/validate.js';
import { applyChanges } from './edit.js';
import { isContainer, mapEntry, READ_FIELDS, type MappedEntry, type Owner } from './map.js';
import { splitName } from './owner.js';
import { planMerge, type Change } from './merge.js';
import { parseBib } from './parse.js';
import { mergeVersions } from './versions.js';

/** Larger than any one person's publication list by far; bounds memory and time. */
export const MAX_BIB_BYTES = 16 * 1024 * 1024;

export interface ImportOptions {
  bibPath: string;
  resumePath: string;
  /** The owner's name as author lists write it; defaults to the résumé's basics.name. */
  owner?: string;
  dryRun: boolean;
}

export interface ImportResult {
  exitCode: 0 | 1 | 2;
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
): Promise<{ ok: true; text: string } | { ok: false; result: Diagnostic; code: 1 | 2 }> {
  try {
    const size = (await stat(path)).size;
    if (size > MAX_BIB_BYTES)
      return { ok: false, code: 2, result: fileProblem(bibText.tooLarge(path, MAX_BIB_BYTES)) };
  } catch {
    // readResumeText below says why the file cannot be read.
  }
  const read = await readResumeText(path);
  if (!read.ok) {
    // The reader's wording is about JSON; say it about the .bib file.
    const result =
      read.exitCode === 1
        ? fileProblem(bibText.notUtf8())
        : { ...read.diagnostic, hint: bibText.checkBibPath };
    return { ok: false, code: read.exitCode, result };
  }
  return { ok: true, text: read.text.replace(/^\uFEFF/, '') };
}

function empty(exitCode: 0 | 1 | 2, partial: Partial<ImportResult>): ImportResult {
  return {
    exitCode,
    bibDiagnostics: [],
    resumeDiagnostics: [],
    changes: [],
    parsed: 0,
    written: false,
    ...partial,
  };
}

export async function importBib(options: ImportOptions): Promise<ImportResult> {
  const bib = await readBib(options.bibPath);
  if (!bib.ok) return empty(bib.code, { bibDiagnostics: [bib.result] });
  const resumeRead = await readResumeText(options.resumePath);
  if (!resumeRead.ok)
    return empty(resumeRead.exitCode, { resumeDiagnostics: [resumeRead.diagnostic] });

  const before = validateText(resumeRead.text, options.resumePath);
  if (before.exitCode !== 0 || !before.resume) {
    return empty(1, {
      resumeDiagnostics: before.diagnostics,
      failure: bibText.resumeInvalid(options.resumePath),
    });
  }
  const resume = before.resume;
  const name = (options.owner ?? resume.basics?.name ?? '').trim();
  const { given, family } = splitName(name);
  // Written as the résumé names its owner, so the theme finds the name to emphasise.
  const owner: Owner = {
    name,
    shownAs: resume.basics?.name?.trim() || `${given} ${family}`.trim(),
  };

  const parsed = parseBib(bib.text, READ_FIELDS);
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
  for (const entry of parsed.entries.filter((e) => !isContainer(e))) {
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
  // A byte-order mark stays where it is; the edits are made to the JSON after it.
  const bom = resumeRead.text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const text =
    bom + applyChanges(resumeRead.text.slice(bom.length), changes, resume.publications?.length);
  const after = validateText(text, options.resumePath);
  const bibExit = bibDiagnostics.some((d) => d.severity === 'error') ? 1 : 0;
  const common = { bibDiagnostics, changes, parsed: parsed.entries.length, text };
  if (after.exitCode !== 0) {
    const errors = after.diagnostics.filter((d) => d.severity === 'error');
    return empty(1, {
      ...common,
      resumeDiagnostics: errors,
      failure: bibText.resultInvalid(options.resumePath),
    });
  }
  const edited = text !== resumeRead.text;
  if (edited && !options.dryRun) {
    try {
      await writeFileAtomic(options.resumePath, text);
    } catch (error) {
      const failure = bibText.writeFailed(options.resumePath, describeError(error));
      return empty(2, { ...common, failure });
    }
  }
  return empty(bibExit, { ...common, written: edited && !options.dryRun });
}
