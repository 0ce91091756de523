/**
 * The LinkedIn import as one function: read the archive's CSV files, map them, merge them into the
 * résumé text (or a new résumé when the file does not exist yet), validate the result, and write
 * it all-or-nothing through replaceFile (links followed, mode kept, refused when another program
 * saved the résumé meanwhile). Nothing is printed here; describeLinkedInChanges gives the report.
 *
 * The merge: each entry finds the one it is already in the résumé as (same employer and role or
 * start year, same school, same title or name); there it only fills fields the résumé lacks, so
 * whatever was written by hand stays and a second import changes nothing. Other entries are added:
 * dated ones newest first among the résumé's own, the rest at the end. Entries LinkedIn lists
 * twice (a skill) are added once.
 */
import { stat } from 'node:fs/promises';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { editList, setValue, type Addition, type FieldUpdate } from '../bib/merge.js';
import { titleKey } from '../bib/map.js';
import { FileChangedError, replaceFile } from '../export/write-files.js';
import { describeError, type InputStatus } from '../errors.js';
import { createNewFile } from '../resume/starter.js';
import { quote, type Diagnostic } from '../resume/diagnostics.js';
import { readResumeText } from '../resume/load.js';
import { validateText } from '../resume/validate.js';
import { readArchive } from './archive.js';
import { mapExport, type LinkedInData, type SectionName, type Sourced } from './map.js';
import { linkedInText } from './messages.js';

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

type Item = Record<string, unknown>;

interface SectionPlan {
  section: SectionName;
  updates: FieldUpdate[];
  adds: Addition<Item>[];
  /** The section's length in the résumé; undefined when it has none. */
  existing: number | undefined;
  unchanged: number;
  /** Where each change came from, for the report. */
  sources: { kind: 'add' | 'fill'; index: number; file: string; line: number; label: string }[];
}

export interface MergePlan {
  /** Basics fields to set (the whole object when the résumé has none). */
  basics: { field: string; to: unknown }[];
  hasBasics: boolean;
  sections: SectionPlan[];
}

const norm = (value: unknown) => (typeof value === 'string' ? titleKey(value) : '');
const year = (value: unknown) => (typeof value === 'string' ? value.slice(0, 4) : '');
/** Equal when both are given; an empty side matches anything. */
const agree = (a: string, b: string) => a === '' || b === '' || a === b;

/** Whether `a` and `b` are the same entry of `section`. */
const SAME: Record<SectionName, (a: Item, b: Item) => boolean> = {
  work: (a, b) =>
    norm(a.name) === norm(b.name) &&
    (norm(a.position) === norm(b.position) ||
      (year(a.startDate) !== '' && year(a.startDate) === year(b.startDate))),
  volunteer: (a, b) =>
    norm(a.organization) === norm(b.organization) && agree(norm(a.position), norm(b.position)),
  education: (a, b) =>
    norm(a.institution) === norm(b.institution) && agree(year(a.startDate), year(b.startDate)),
  awards: (a, b) => norm(a.title) === norm(b.title),
  certificates: (a, b) => norm(a.name) === norm(b.name),
  publications: (a, b) => norm(a.name) === norm(b.name),
  skills: (a, b) =>
    norm(a.name) === norm(b.name) ||
    (Array.isArray(a.keywords) && a.keywords.some((k) => norm(k) === norm(b.name))),
  languages: (a, b) => norm(a.language) === norm(b.language),
  projects: (a, b) => norm(a.name) === norm(b.name),
};

/** The date that orders a section's entries, newest first. */
const DATE: Partial<Record<SectionName, string>> = {
  work: 'startDate',
  volunteer: 'startDate',
  education: 'startDate',
  awards: 'date',
  certificates: 'date',
  publications: 'releaseDate',
  projects: 'startDate',
};
/** A year alone sorts as that year's end; no date at all sorts as the oldest. */
const dateKey = (date: unknown) => (typeof date === 'string' ? date.padEnd(10, '~') : '');

const LABEL: Record<SectionName, string> = {
  work: 'name',
  volunteer: 'organization',
  education: 'institution',
  awards: 'title',
  certificates: 'name',
  publications: 'name',
  skills: 'name',
  languages: 'language',
  projects: 'name',
};

function planSection(
  section: SectionName,
  existingList: readonly Item[] | undefined,
  incoming: readonly Sourced<Item>[],
): SectionPlan {
  const plan: SectionPlan = {
    section,
    updates: [],
    adds: [],
    existing: existingList?.length,
    unchanged: 0,
    sources: [],
  };
  const existing = existingList ?? [];
  const same = SAME[section];
  const dateField = DATE[section];
  const dates = existing.map((item) => (dateField ? item[dateField] : undefined));
  const seen: Item[] = [];
  const filled = new Set<number>();
  for (const { item, file, line } of incoming) {
    const label = String(item[LABEL[section]]);
    // Listed twice by LinkedIn: the second is the first.
    if (seen.some((other) => same(other, item))) continue;
    seen.push(item);
    const index = existing.findIndex((other) => same(other, item));
    if (index >= 0) {
      const mine = existing[index]!;
      const missing = Object.entries(item).filter(([field]) => mine[field] === undefined);
      for (const [field, to] of missing) plan.updates.push({ index, field, to });
      if (missing.length > 0 && !filled.has(index)) {
        filled.add(index);
        plan.sources.push({ kind: 'fill', index, file, line, label });
      } else if (missing.length === 0) plan.unchanged++;
      continue;
    }
    let at = dates.length;
    if (dateField) {
      const found = dates.findIndex((date) => dateKey(date) < dateKey(item[dateField]));
      if (found >= 0) at = found;
    }
    dates.splice(at, 0, dateField ? item[dateField] : undefined);
    plan.adds.push({ index: at, item });
    plan.sources.push({ kind: 'add', index: at, file, line, label });
  }
  return plan;
}

export function planLinkedInMerge(resume: Resume, data: LinkedInData): MergePlan {
  const basics = (resume.basics ?? {}) as Item;
  const sections = (Object.keys(data.sections) as SectionName[]).map((section) =>
    planSection(section, resume[section], data.sections[section] as Sourced<Item>[]),
  );
  return {
    hasBasics: resume.basics !== undefined,
    basics: Object.entries(data.basics)
      .filter(([field]) => basics[field] === undefined)
      .map(([field, to]) => ({ field, to })),
    sections,
  };
}

/** What a LinkedIn import changes, entry by entry, as lines for the terminal (also for --dry-run). */
export function describeLinkedInChanges(
  plan: MergePlan,
  run: { file: string; dryRun: boolean; written: boolean; created: boolean; failed: boolean },
): string {
  const lines: string[] = [];
  const counts = { added: 0, filled: 0, unchanged: 0 };
  if (plan.basics.length > 0) {
    counts[plan.hasBasics ? 'filled' : 'added']++;
    const mark = plan.hasBasics ? '~ fill  ' : '+ add   ';
    lines.push(`${mark}   basics ${plan.basics.map((b) => b.field).join(', ')}`);
  }
  for (const section of plan.sections) {
    counts.unchanged += section.unchanged;
    for (const { kind, index, file, line, label } of section.sources) {
      counts[kind === 'add' ? 'added' : 'filled']++;
      const mark = kind === 'add' ? '+ add   ' : '~ fill  ';
      lines.push(`${mark}   ${section.section}[${index}] ${quote(label)}  (${file}:${line})`);
    }
  }
  lines.push('', linkedInText.summary(counts, run));
  return `${lines.join('\n')}\n`;
}
