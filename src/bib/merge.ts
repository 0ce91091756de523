/**
 * Deciding what an import changes, without touching any file: each .bib entry finds its
 * publication by DOI, then arXiv id, then normalised title. Bibliographic fields are updated;
 * what BibTeX does not carry (scores, distinctions, id, tags, summary) is kept; new entries go
 * in date order, newest first; publications the .bib lacks are reported, never removed.
 */
import type { Publication } from 'jsonresume-theme-camera-ready';
import type { BibFacts, Identifiers, MappedEntry } from './map.js';
import { publisherText } from './publisher.js';
import { titleKey, WorkIndex } from './versions.js';

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

/** A DOI as written in a link ("10.1000/a%2Fb" is "10.1000/a/b"); kept as is if not decodable. */
function decodedDoi(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The DOI (as written) or arXiv id a publication's links carry (`url` first, then `links`). */
export function identifiersOf(...urls: (string | undefined)[]): Identifiers {
  const ids: Identifiers = {};
  for (const url of urls) {
    const doi = /^https?:\/\/(?:dx\.)?doi\.org\/(10\.\S+)$/i.exec(url ?? '')?.[1];
    const arxiv = /^https?:\/\/arxiv\.org\/(?:abs|pdf)\/([^\s?#]+?)(?:v\d+)?(?:\.pdf)?$/i.exec(
      url ?? '',
    )?.[1];
    if (doi) ids.doi ??= decodedDoi(doi);
    if (arxiv) ids.arxiv ??= arxiv;
  }
  return ids;
}

/** The extension schema's pattern for a publication `id`. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;
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
  const publication: Publication = {
    ...(id ? { id } : {}),
    name: facts.name,
    ...(facts.authors ? { authors: facts.authors } : {}),
    publisher: publisherText(facts),
    ...(facts.releaseDate ? { releaseDate: facts.releaseDate } : {}),
    ...(facts.url ? { url: facts.url } : {}),
    ...(facts.links ? { links: facts.links } : {}),
    ...(facts.venue ? { venue: facts.venue } : {}),
    status: facts.status,
    ...(facts.firstAuthor !== undefined ? { firstAuthor: facts.firstAuthor } : {}),
    // Set once, as the .bib has it; after that tags are the résumé's own.
    ...(facts.tags ? { tags: facts.tags } : {}),
  };
  return publication;
}
