/**
 * What a LinkedIn import changes in a résumé, without touching any file. Each entry finds the one
 * it is already in the résumé as (same employer and role or start year, same school, same title
 * or name); there it only fills fields the résumé lacks, so whatever was written by hand stays and
 * a second import changes nothing. Other entries are added: dated ones newest first among the
 * résumé's own, the rest at the end. Entries LinkedIn lists twice (a skill) are added once.
 */
import type { Resume } from 'jsonresume-theme-camera-ready';
import { titleKey } from '../bib/map.js';
import type { Addition, FieldUpdate } from '../bib/merge.js';
import type { LinkedInData, SectionName, Sourced } from './map.js';

type Item = Record<string, unknown>;

export interface SectionPlan {
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
