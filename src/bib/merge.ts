/**
 * Deciding what an import changes, without touching any file: each .bib entry finds its
 * publication by DOI, then arXiv id, then normalised title. Bibliographic fields are updated;
 * what BibTeX does not carry (scores, distinctions, id, tags, summary) is kept; new entries go
 * in date order, newest first; publications the .bib lacks are reported, never removed. Then
 * the changes are made to the résumé's text, keeping every byte they do not touch.
 */
import {
  applyEdits,
  modify,
  parseTree,
  type Edit,
  type FormattingOptions,
  type JSONPath,
  type Node,
} from 'jsonc-parser';
import type { Publication, PublicationStatus } from 'jsonresume-theme-camera-ready';
import { titleKey, WorkIndex, type BibFacts, type MappedEntry } from './map.js';
import { ID_PATTERN, identifiersOf, type Identifiers } from './write.js';

export interface FieldChange {
  field: keyof Publication;
  from: unknown;
  to: unknown;
}

export type Change =
  | { kind: 'add'; entry: MappedEntry; publication: Publication; index: number }
  | { kind: 'update'; entry: MappedEntry; index: number; fields: FieldChange[] }
  | { kind: 'unchanged'; entry: MappedEntry; index: number }
  | { kind: 'duplicate'; entry: MappedEntry; of: string }
  | { kind: 'absent'; index: number; publication: Publication };

const BIBLIOGRAPHIC: (keyof BibFacts)[] = [
  'name',
  'authors',
  'firstAuthor',
  'venue',
  'releaseDate',
  'url',
  'links',
  'status',
];

/** A year alone sorts as that year's end; no date at all sorts as the oldest. */
const dateKey = (date: string | undefined) => (date ? date.padEnd(10, '~') : '');

interface Known {
  publication: Publication;
  ids: Identifiers;
  title: string;
}

export function planMerge(
  existing: readonly Publication[],
  entries: readonly MappedEntry[],
): Change[] {
  const known: Known[] = existing.map((publication) => {
    const ids = identifiersOf(publication.url, ...Object.values(publication.links ?? {}));
    // DOIs compare without case, as the entries' already do.
    if (ids.doi) ids.doi = ids.doi.toLowerCase();
    return { publication, ids, title: titleKey(publication.name ?? '') };
  });
  const claimed = new Map<Known, MappedEntry>();
  const knownIndex = new WorkIndex<Known>();
  known.forEach((item) => knownIndex.add(item, item));
  const positions = new Map(known.map((item, index) => [item, index]));
  const added = new WorkIndex<MappedEntry>();
  const changes: Change[] = [];
  const usedIds = new Set(existing.map((p) => p.id).filter(Boolean));
  const dates = existing.map((p) => dateKey(p.releaseDate));
  const adds: Change[] = [];

  for (const entry of entries) {
    const key = { ids: entry.ids, title: titleKey(entry.facts.name ?? '') };
    const match = knownIndex.find(key);
    // A second entry for a paper already merged (its preprint and its published version, say).
    const earlier = match ? claimed.get(match) : added.find(key);
    if (earlier) {
      changes.push({ kind: 'duplicate', entry, of: earlier.key });
      continue;
    }
    if (match) {
      claimed.set(match, entry);
      const index = positions.get(match)!;
      const fields = updates(match.publication, factsToApply(match.publication, entry));
      changes.push(
        fields.length > 0
          ? { kind: 'update', entry, index, fields }
          : { kind: 'unchanged', entry, index },
      );
      continue;
    }
    added.add(key, entry);
    const publication = newPublication(entry, usedIds);
    // Newest first: before the first entry that is older; after those of the same date. The
    // index is the one at the time of insertion, after the new entries planned before it.
    const date = dateKey(publication.releaseDate);
    let index = dates.findIndex((other) => other < date);
    if (index < 0) index = dates.length;
    dates.splice(index, 0, date);
    adds.push({ kind: 'add', entry, publication, index });
  }
  known.forEach((item, index) => {
    if (!claimed.has(item)) changes.push({ kind: 'absent', index, publication: item.publication });
  });
  return [...changes, ...adds];
}

/** Statuses a person sets, which a .bib implies nothing about unless it says so. */
const HAND_SET = new Set<Publication['status']>(['under-review', 'accepted', 'in-preparation']);

/**
 * What an entry may change. A status the .bib only implies does not replace one set by hand; and
 * when the .bib knows only the arXiv version of such a paper, the venue it is under review at
 * stays too (Google Scholar lists a submission as "arXiv preprint").
 */
function factsToApply(publication: Publication, entry: MappedEntry): BibFacts {
  if (entry.statusStated || !HAND_SET.has(publication.status)) return entry.facts;
  const facts = { ...entry.facts };
  delete facts.status;
  if (facts.venue === 'arXiv') delete facts.venue;
  return facts;
}

function updates(publication: Publication, facts: BibFacts): FieldChange[] {
  const changed: FieldChange[] = [];
  for (const field of BIBLIOGRAPHIC) {
    // Links the résumé has beside the .bib's stay; the .bib's are added or brought up to date.
    const to =
      field === 'links' && facts.links ? { ...publication.links, ...facts.links } : facts[field];
    if (to !== undefined && JSON.stringify(publication[field]) !== JSON.stringify(to)) {
      changed.push({ field, from: publication[field], to });
    }
  }
  // The human text is rebuilt only when what it says changed, so a hand-written one survives.
  const shown = new Set<keyof Publication>(['venue', 'releaseDate', 'status']);
  const merged = { ...publication, ...facts };
  const yearChanged = publication.releaseDate?.slice(0, 4) !== merged.releaseDate?.slice(0, 4);
  const says = changed.some(
    ({ field }) => shown.has(field) && (field !== 'releaseDate' || yearChanged),
  );
  if (says || publication.publisher === undefined) {
    const to = publisherText(merged);
    if (to !== publication.publisher)
      changed.push({ field: 'publisher', from: publication.publisher, to });
  }
  return changed;
}

function newPublication(entry: MappedEntry, usedIds: Set<string | undefined>): Publication {
  const { facts } = entry;
  const id = ID_PATTERN.test(entry.key) && !usedIds.has(entry.key) ? entry.key : undefined;
  if (id) usedIds.add(id);
  // Set field by field, in this order (the order they are written in): spreading an object per
  // field costs more than all the rest of it for a thousand entries.
  const publication: Publication = {};
  if (id) publication.id = id;
  publication.name = facts.name;
  if (facts.authors) publication.authors = facts.authors;
  publication.publisher = publisherText(facts);
  if (facts.releaseDate) publication.releaseDate = facts.releaseDate;
  if (facts.url) publication.url = facts.url;
  if (facts.links) publication.links = facts.links;
  if (facts.venue) publication.venue = facts.venue;
  publication.status = facts.status;
  if (facts.firstAuthor !== undefined) publication.firstAuthor = facts.firstAuthor;
  // Set once, as the .bib has it; after that tags are the résumé's own.
  if (facts.tags) publication.tags = facts.tags;
  return publication;
}

/**
 * The human `publisher` text other themes show, written the way resume.json has it:
 * "ICML 2026 (under review; review scores 4, 4, 4, 5; top 15%)", "arXiv preprint, 2023".
 */

const STATUS_WORDS: Record<string, string> & Record<PublicationStatus, string> = {
  published: '',
  accepted: 'accepted',
  'under-review': 'under review',
  'in-preparation': 'in preparation',
  preprint: 'preprint',
};

export function publisherText(publication: Publication): string {
  const venue = publication.venue ?? '';
  const year = publication.releaseDate?.slice(0, 4) ?? '';
  const status = publication.status ?? 'published';
  if (status === 'preprint' && venue === 'arXiv')
    return ['arXiv preprint', year].filter(Boolean).join(', ');
  const notes = [
    // A status outside the schema's list is written as it is.
    STATUS_WORDS[status] ?? status,
    publication.scores?.length ? `review scores ${publication.scores.join(', ')}` : '',
    ...(publication.distinctions ?? []),
  ].filter(Boolean);
  const base = [venue, year].filter(Boolean).join(' ');
  return notes.length > 0 ? `${base} (${notes.join('; ')})`.trim() : base;
}

/**
 * Turning planned changes into edits of the résumé text, so everything outside the touched
 * entries keeps its bytes: indentation, key order, spacing. The text is parsed once and every edit
 * is placed by the offsets of that one syntax tree, then all are applied in one pass: N changes
 * cost O(N) edits plus one parse, not one parse each. The BibTeX import edits `publications` with
 * it; the LinkedIn import, every section it fills.
 */

/** A field of an existing item set to a new value. */
export interface FieldUpdate {
  index: number;
  field: string;
  to: unknown;
}

/** A new item, at the index it has once the additions planned before it are made. */
export interface Addition<T> {
  index: number;
  item: T;
}

/** The file's own indentation and line ends, for the text that is inserted. */
function formattingOf(text: string): FormattingOptions {
  const indent = /^([ \t]+)"/m.exec(text)?.[1] ?? '  ';
  return {
    insertSpaces: !indent.startsWith('\t'),
    tabSize: indent.startsWith('\t') ? 1 : indent.length,
    eol: text.includes('\r\n') ? '\r\n' : '\n',
  };
}

/** How values are printed: one indentation unit, the file's line end. */
interface Layout {
  unit: string;
  eol: string;
}

function layoutOf(options: FormattingOptions): Layout {
  return {
    unit: options.insertSpaces ? ' '.repeat(options.tabSize ?? 2) : '\t',
    eol: options.eol ?? '\n',
  };
}

/** The whitespace that starts the line `offset` is on. */
function indentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}

/** `value` printed as JSON whose later lines continue at `indent`. */
function printed(value: unknown, indent: string, { unit, eol }: Layout): string {
  return JSON.stringify(value, null, unit).split('\n').join(`${eol}${indent}`);
}

/** Whether the container's members are written on lines of their own. */
function multiline(text: string, container: Node, first: Node): boolean {
  return /[\r\n]/.test(text.slice(container.offset, first.offset));
}

/** The text that separates one member of `container` from the next, as the file writes it. */
function separator(text: string, container: Node, first: Node, layout: Layout): string {
  return multiline(text, container, first) ? `,${layout.eol}${indentAt(text, first.offset)}` : ', ';
}

/** Edits that set fields of one object: a value replaced, or members appended. */
function fieldEdits(
  text: string,
  object: Node,
  fields: readonly Pick<FieldUpdate, 'field' | 'to'>[],
  layout: Layout,
): Edit[] {
  const edits: Edit[] = [];
  const properties = object.children ?? [];
  const appended: string[] = [];
  for (const { field, to } of fields) {
    const property = properties.find((p) => p.children?.[0]?.value === field);
    const value = property?.children?.[1];
    if (value) {
      const content = printed(to, indentAt(text, property.offset), layout);
      edits.push({ offset: value.offset, length: value.length, content });
    } else {
      appended.push(`${JSON.stringify(field)}: ${printed(to, '', layout)}`);
    }
  }
  const first = properties[0];
  const last = properties.at(-1);
  if (appended.length > 0 && (!first || !last)) {
    edits.push({
      offset: object.offset,
      length: object.length,
      content: `{ ${appended.join(', ')} }`,
    });
  } else if (appended.length > 0 && first && last) {
    const between = separator(text, object, first, layout);
    const indent = indentAt(text, first.offset);
    // Lines of a nested value continue at the member's indentation.
    const members = appended.map((member) =>
      member.split(layout.eol).join(`${layout.eol}${indent}`),
    );
    edits.push({
      offset: last.offset + last.length,
      length: 0,
      content: members.map((member) => `${between}${member}`).join(''),
    });
  }
  return edits;
}

/** The new items in runs of neighbours, each with the index its first one ends up at. */
function runsOfAdds<T>(adds: readonly Addition<T>[], existing: number) {
  const slots: ({ item: T } | null)[] = Array<{ item: T } | null>(existing).fill(null);
  for (const add of adds) slots.splice(add.index, 0, { item: add.item });
  const runs: { before: number; items: T[] }[] = [];
  let kept = 0;
  slots.forEach((slot) => {
    if (slot === null) {
      kept++;
      return;
    }
    const last = runs.at(-1);
    if (last && last.before === kept) last.items.push(slot.item);
    // `before`: how many of the file's own items come before the run.
    else runs.push({ before: kept, items: [slot.item] });
  });
  return runs;
}

/** An edit that inserts `items` into `list` before its member `before` (or at its end). */
function insertion(
  text: string,
  list: Node,
  before: number,
  items: readonly unknown[],
  layout: Layout,
): Edit {
  const members = list.children!;
  const first = members[0]!;
  const between = separator(text, list, first, layout);
  const indent = indentAt(text, first.offset);
  const content = items.map((item) => printed(item, indent, layout)).join(between);
  const next = members[before];
  if (next) return { offset: next.offset, length: 0, content: `${content}${between}` };
  const last = members.at(-1)!;
  return { offset: last.offset + last.length, length: 0, content: `${between}${content}` };
}

/**
 * Sets `path` to `value` with jsonc-parser, where there is no neighbour to take the layout from
 * (no list yet, or an empty one): one parse, once per import at most.
 */
function setWithParser(
  text: string,
  path: JSONPath,
  value: unknown,
  options: FormattingOptions,
): string {
  const PLACEHOLDER = '\u0000camera-ready-placeholder\u0000';
  // jsonc-parser places a short placeholder (formatting a large value itself takes seconds),
  // which is replaced by the value printed at the placeholder's indentation.
  const placed = applyEdits(text, modify(text, path, PLACEHOLDER, { formattingOptions: options }));
  const marker = JSON.stringify(PLACEHOLDER);
  const at = placed.indexOf(marker);
  return (
    placed.slice(0, at) +
    printed(value, indentAt(placed, at), layoutOf(options)) +
    placed.slice(at + marker.length)
  );
}

/** Applies edits that do not overlap, in one pass over the text. */
function applyAll(text: string, edits: Edit[]): string {
  const sorted = edits.sort((a, b) => a.offset - b.offset);
  const parts: string[] = [];
  let at = 0;
  for (const edit of sorted) {
    parts.push(text.slice(at, edit.offset), edit.content);
    at = edit.offset + edit.length;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Sets the value at `path` (an object's field, created with its parents when missing). */
export function setValue(text: string, path: JSONPath, value: unknown): string {
  return setWithParser(text, path, value, formattingOf(text));
}

/**
 * Edits one list of the résumé (`publications`, `work`…) on one parse: field updates of its items
 * at the indexes of the file as read, then new items. `existing` is the list's length as read.
 */
export function editList<T>(
  text: string,
  listName: string,
  updates: readonly FieldUpdate[],
  adds: readonly Addition<T>[],
  existing: number | undefined,
): string {
  const options = formattingOf(text);
  const layout = layoutOf(options);
  const root = parseTree(text);
  const list = root?.children?.find((p) => p.children?.[0]?.value === listName)?.children?.[1];
  const items = list?.type === 'array' ? (list.children ?? []) : [];
  // Map.groupBy is Node 21 and later.
  const byIndex = new Map<number, FieldUpdate[]>();
  for (const update of updates)
    byIndex.set(update.index, [...(byIndex.get(update.index) ?? []), update]);
  const edits: Edit[] = [];
  for (const [index, fields] of byIndex) {
    const object = items[index];
    if (object?.type === 'object') edits.push(...fieldEdits(text, object, fields, layout));
  }
  const runs = runsOfAdds(adds, existing ?? 0);
  if (list && items.length > 0) {
    for (const run of runs) edits.push(insertion(text, list, run.before, run.items, layout));
    return applyAll(text, edits);
  }
  // No list yet, or an empty one: one edit writes it whole.
  const edited = applyAll(text, edits);
  const all = runs.flatMap((run) => run.items);
  return all.length > 0 ? setWithParser(edited, [listName], all, options) : edited;
}

/** The BibTeX import's planned changes, made to `publications`. */
export function applyChanges(
  text: string,
  changes: readonly Change[],
  existing: number | undefined,
): string {
  const updates = changes.flatMap((change) =>
    change.kind === 'update'
      ? change.fields.map(({ field, to }) => ({ index: change.index, field: String(field), to }))
      : [],
  );
  const adds = changes.flatMap((change) =>
    change.kind === 'add' ? [{ index: change.index, item: change.publication }] : [],
  );
  return editList(text, 'publications', updates, adds, existing);
}
