/**
 * The LinkedIn import as one function: read the archive's CSV files, map them, merge them into the
 * résumé text (or a new résumé when the file does not exist yet), validate the result, and write
 * it all-or-nothing through replaceFile (links followed, mode kept, refused when another program
 * saved the résumé meanwhile). Nothing is printed here.
 */
import { stat } from 'node:fs/promises';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { editList, setValue } from '../bib/merge.js';
import { FileChangedError, replaceFile } from '../export/replace-file.js';
import { describeError, type InputStatus } from '../errors.js';
import { createNewFile } from '../init/create-file.js';
import type { Diagnostic } from '../resume/diagnostics.js';
import { readResumeText } from '../resume/load.js';
import { validateText } from '../resume/validate.js';
import { readArchive } from './archive.js';
import { mapExport } from './map.js';
import { linkedInText } from './messages.js';
import { planLinkedInMerge, type MergePlan } from './merge.js';

export interface LinkedInImportOptions {
  archivePath: string;
  resumePath: string;
  dryRun: boolean;
}

export interface LinkedInImportResult {
  status: InputStatus;
  /** Problems in the archive's files, by file. */
  archiveDiagnostics: Map<string, Diagnostic[]>;
  resumeDiagnostics: Diagnostic[];
  failure?: string;
  /** Files read from the archive. */
  files: number;
  plan?: MergePlan;
  written: boolean;
  /** The résumé did not exist and was created. */
  created: boolean;
  text?: string;
}

function result(status: InputStatus, partial: Partial<LinkedInImportResult>): LinkedInImportResult {
  return {
    status,
    archiveDiagnostics: new Map(),
    resumeDiagnostics: [],
    files: 0,
    written: false,
    created: false,
    ...partial,
  };
}

/** The résumé text after the plan's edits: basics first, then each section. */
function applyPlan(text: string, plan: MergePlan): string {
  let edited = text;
  if (!plan.hasBasics && plan.basics.length > 0) {
    edited = setValue(
      edited,
      ['basics'],
      Object.fromEntries(plan.basics.map((b) => [b.field, b.to])),
    );
  } else {
    for (const { field, to } of plan.basics) edited = setValue(edited, ['basics', field], to);
  }
  for (const section of plan.sections) {
    edited = editList(edited, section.section, section.updates, section.adds, section.existing);
  }
  return edited;
}

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined)) !== undefined;
}

export async function importLinkedIn(
  options: LinkedInImportOptions,
): Promise<LinkedInImportResult> {
  const { archivePath, resumePath } = options;
  const archive = await readArchive(archivePath);
  if (!archive.ok) {
    const unreadable = archive.problem.kind === 'unreadable';
    return result(unreadable ? 'unreadable' : 'invalid', {
      failure: linkedInText.archive(archivePath, archive.problem),
    });
  }
  const mapped = mapExport(archive.files);
  const files = archive.files.length;
  const archiveDiagnostics = mapped.diagnostics;
  const archiveErrors = [...archiveDiagnostics.values()].flat().some((d) => d.severity === 'error');
  if (archiveErrors)
    return result('invalid', {
      archiveDiagnostics,
      files,
      failure: linkedInText.archiveInvalid(archivePath),
    });

  // A résumé that does not exist yet is started from the archive.
  const isNew = !(await exists(resumePath));
  let before = '{}\n';
  if (!isNew) {
    const read = await readResumeText(resumePath);
    if (!read.ok)
      return result(read.status, {
        archiveDiagnostics,
        files,
        resumeDiagnostics: [read.diagnostic],
      });
    before = read.text;
  }
  const checked = validateText(before, resumePath);
  if (checked.status !== 'ok' || !checked.resume) {
    return result('invalid', {
      archiveDiagnostics,
      files,
      resumeDiagnostics: checked.diagnostics,
      failure: linkedInText.resumeInvalid(resumePath),
    });
  }
  const resume: Resume = checked.resume;
  const plan = planLinkedInMerge(resume, mapped.data);
  // A byte-order mark stays where it is; the edits are made to the JSON after it.
  const bom = before.startsWith('\uFEFF') ? '\uFEFF' : '';
  const text = bom + applyPlan(before.slice(bom.length), plan);
  const common = { archiveDiagnostics, files, plan, text };
  const after = validateText(text, resumePath);
  if (after.status !== 'ok') {
    return result('invalid', {
      ...common,
      resumeDiagnostics: after.diagnostics.filter((d) => d.severity === 'error'),
      failure: linkedInText.resultInvalid(resumePath),
    });
  }
  if (options.dryRun || (!isNew && text === before)) return result('ok', common);
  if (isNew) {
    const outcome = await createNewFile(resumePath, text).catch((error: Error) => error);
    if (outcome === 'created') return result('ok', { ...common, written: true, created: true });
    const failure =
      outcome === 'exists'
        ? linkedInText.appeared(resumePath)
        : linkedInText.writeFailed(
            resumePath,
            outcome === 'no-folder' ? 'no such folder' : outcome.message,
          );
    return result('not-saved', { ...common, failure });
  }
  try {
    await replaceFile(resumePath, text, { expected: before });
  } catch (error) {
    const failure =
      error instanceof FileChangedError
        ? linkedInText.changedMeanwhile(resumePath)
        : linkedInText.writeFailed(resumePath, describeError(error));
    return result('not-saved', { ...common, failure });
  }
  return result('ok', { ...common, written: true });
}
