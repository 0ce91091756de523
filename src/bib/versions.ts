/**
 * Versions of one work: a preprint and its published paper, or the CoRR and conference copies
 * a DBLP file lists, share a DOI, an arXiv id or a title. They become one entry whose venue,
 * date and status are the most advanced version's, and which keeps every version's links.
 */
import type { PublicationStatus } from 'jsonresume-theme-camera-ready';
import { ARXIV_LINK, type Identifiers, type MappedEntry } from './map.js';

/** What finds a work again: its identifiers and its normalised title. */
export interface WorkKey {
  ids: Identifiers;
  title: string;
}

/** Case, accents, punctuation and spacing do not make a different title. */
export function titleKey(title: string): string {
  const key = title
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]/gu, '')
    .toLowerCase();
  // A title of signs alone ("<>") is its own key.
  return key || title.trim();
}

/** The names a work is found by, strongest first: DOI, arXiv id, title. */
function namesOf(key: WorkKey): string[] {
  const names: string[] = [];
  if (key.ids.doi) names.push(`doi:${key.ids.doi}`);
  if (key.ids.arxiv) names.push(`arxiv:${key.ids.arxiv}`);
  if (key.title) names.push(`title:${key.title}`);
  return names;
}

/**
 * The one rule for "the same work", for entries among themselves and against the résumé: the
 * same DOI, else arXiv id, else normalised title; found in constant time.
 */
export class WorkIndex<T> {
  private readonly byName = new Map<string, T>();

  /** The first value added under a name keeps it. */
  add(key: WorkKey, value: T): void {
    for (const name of namesOf(key)) if (!this.byName.has(name)) this.byName.set(name, value);
  }

  find(key: WorkKey): T | undefined {
    for (const name of namesOf(key)) {
      const value = this.byName.get(name);
      if (value !== undefined) return value;
    }
    return undefined;
  }
}

/** How far a version has come: a refereed one outranks an accepted one, and so on. */
const RANK: Record<PublicationStatus, number> = {
  published: 4,
  accepted: 3,
  'under-review': 2,
  'in-preparation': 1,
  preprint: 0,
};

function rank(entry: MappedEntry): number {
  const status = entry.facts.status;
  // A paper "published" on arXiv alone is still a preprint.
  if (entry.facts.venue === 'arXiv') return 0;
  return status === undefined ? 0 : (RANK[status as PublicationStatus] ?? 0);
}

const doiUrl = (doi: string) => `https://doi.org/${doi}`;
const arxivUrl = (id: string) => `https://arxiv.org/abs/${id}`;

/** The versions as one entry: the highest-ranked version's facts (the first of equals). */
function combine(versions: MappedEntry[]): MappedEntry {
  const ordered = [...versions].sort((a, b) => rank(b) - rank(a));
  const [best, ...rest] = ordered as [MappedEntry, ...MappedEntry[]];
  if (rest.length === 0) return best;
  const facts = { ...best.facts };
  for (const other of rest) {
    facts.releaseDate ??= other.facts.releaseDate;
    if (facts.authors === undefined && facts.firstAuthor === undefined) {
      if (other.facts.authors) facts.authors = other.facts.authors;
      if (other.facts.firstAuthor !== undefined) facts.firstAuthor = other.facts.firstAuthor;
    }
  }
  const ids: Identifiers = { ...best.ids };
  const links = { ...best.facts.links };
  for (const other of rest) {
    ids.doi ??= other.ids.doi;
    ids.arxiv ??= other.ids.arxiv;
    for (const [name, url] of Object.entries(other.facts.links ?? {})) links[name] ??= url;
  }
  // The DOI (the version of record) is the link; arXiv is kept beside it.
  if (ids.doi && !best.ids.doi) facts.url = doiUrl(versions.find((v) => v.ids.doi)!.ids.doi!);
  facts.url ??= rest.find((v) => v.facts.url)?.facts.url;
  if (ids.arxiv && facts.url !== arxivUrl(ids.arxiv)) links[ARXIV_LINK] ??= arxivUrl(ids.arxiv);
  if (Object.keys(links).length > 0) facts.links = links;
  return {
    ...best,
    facts,
    ids,
    statusStated: best.statusStated,
    versions: rest.map((v) => v.key),
  };
}

/**
 * Groups the entries that are versions of one work (linked by any identifier or title, also
 * through a third version) and gives one entry per work, in the order of each work's first entry.
 */
export function mergeVersions(entries: readonly MappedEntry[]): MappedEntry[] {
  const keys = entries.map((entry) => ({
    ids: entry.ids,
    title: titleKey(entry.facts.name ?? ''),
  }));
  const group = entries.map((_, i) => i);
  const root = (i: number): number => {
    let at = i;
    while (group[at] !== at) at = group[at] = group[group[at]!]!;
    return at;
  };
  // Index by each identifier and title, so linking is linear in the number of entries.
  const seen = new Map<string, number>();
  keys.forEach((key, i) => {
    for (const name of namesOf(key)) {
      const first = seen.get(name);
      if (first === undefined) seen.set(name, i);
      else group[root(i)] = root(first);
    }
  });
  const works = new Map<number, MappedEntry[]>();
  entries.forEach((entry, i) => {
    const at = root(i);
    works.set(at, [...(works.get(at) ?? []), entry]);
  });
  return [...works.values()].map(combine);
}
