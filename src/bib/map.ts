/**
 * One BibTeX entry → the facts a publication carries in our vocabulary: title, authors, first
 * author mark, venue, date, link, status; and the versions of one work made one. Pure; problems
 * come back as messages for the caller.
 */
import type { Publication, PublicationStatus } from 'jsonresume-theme-camera-ready';
import type { MessageText } from '../resume/diagnostics.js';
import { ET_AL, MONTHS, splitName } from './latex.js';
import { bibText } from './messages.js';
import type { BibEntry, Person } from './read.js';
import type { Identifiers } from './write.js';

/**
 * One BibTeX entry → the facts a publication carries in our vocabulary: title, authors, first
 * author mark, venue, date, link, status. Pure; problems come back as messages for the caller.
 */

/** The name of the arXiv link in `links`, beside a DOI in `url`. */
export const ARXIV_LINK = 'arXiv';

/** What a .bib entry says about a publication; a field left out is one BibTeX did not give. */
export type BibFacts = Pick<
  Publication,
  'name' | 'authors' | 'firstAuthor' | 'venue' | 'releaseDate' | 'url' | 'links' | 'status' | 'tags'
>;

export interface MappedEntry {
  key: string;
  line: number;
  column: number;
  facts: BibFacts;
  /** Whether pubstate or note gave the status; otherwise it is implied (published, preprint). */
  statusStated: boolean;
  ids: Identifiers;
  /** Keys of the other versions of this work merged into it (see versions.ts). */
  versions?: string[];
  problems: { severity: 'error' | 'warning'; text: MessageText }[];
}

/**
 * Every field mapEntry reads (and the parser needs: names, crossref); the values of others are
 * not parsed at all.
 */
export const READ_FIELDS: ReadonlySet<string> = new Set([
  ...['title', 'author', 'crossref', 'abbr', 'selected', 'note', 'addendum', 'pubstate'],
  ...['journal', 'journaltitle', 'booktitle', 'eventtitle', 'school', 'institution'],
  ...['howpublished', 'date', 'year', 'month', 'volume', 'doi', 'url', 'eprint', 'eprinttype'],
  ...['archiveprefix', 'arxiv', 'pdf', 'code', 'html'],
]);

function releaseDate(fields: Record<string, string>): string | undefined {
  // BibLaTeX `date` may be a range ("2021/2022") or carry a time: its start, to the day.
  const date = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(fields['date'] ?? '');
  if (date) {
    const [, year, month, day] = date;
    // A month or day out of range is dropped, not carried into the résumé.
    if (!month || Number(month) < 1 || Number(month) > 12) return year;
    if (!day || Number(day) < 1 || Number(day) > 31) return `${year}-${month}`;
    return `${year}-${month}-${day}`;
  }
  const year = /\d{4}/.exec(fields['year'] ?? '')?.[0];
  if (!year) return undefined;
  const month = fields['month']?.toLowerCase() ?? '';
  const number = /^\d{1,2}$/.test(month) ? Number(month) : MONTHS.indexOf(month.slice(0, 3)) + 1;
  return number >= 1 && number <= 12 ? `${year}-${String(number).padStart(2, '0')}` : year;
}

/**
 * Links are verbatim fields, but DBLP and others escape LaTeX's special characters in them
 * (`10.1007/978-3-031-22222-2\_3`); the link is the text without the escapes.
 */
const unescaped = (value: string | undefined) => value?.replace(/\\([_%&#$~^{}])/g, '$1');

const ARXIV_ID = /(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?/;

function arxivId(fields: Record<string, string>): string | undefined {
  const type = (fields['eprinttype'] ?? fields['archiveprefix'] ?? '').toLowerCase();
  // al-folio writes the id alone: arxiv = {2301.01234}.
  const alFolio = ARXIV_ID.exec(fields['arxiv'] ?? '')?.[1];
  if (alFolio) return alFolio;
  const eprint = fields['eprint'] ?? (ARXIV_DOI.test(fields['doi'] ?? '') ? fields['doi']! : '');
  if (eprint && (type === 'arxiv' || type === '' || /arxiv/i.test(eprint))) {
    const id = ARXIV_ID.exec(eprint)?.[1];
    if (id) return id;
  }
  // Google Scholar: journal = {arXiv preprint arXiv:2301.01234}; DBLP: volume = {abs/2301.01234}.
  const container = `${fields['journal'] ?? ''} ${fields['journaltitle'] ?? ''}`;
  const inText = /arxiv:\s*(\S+)/i.exec(container)?.[1];
  if (inText) return ARXIV_ID.exec(inText)?.[1];
  if (/^corr$/i.test(container.trim())) return ARXIV_ID.exec(fields['volume'] ?? '')?.[1];
  return undefined;
}

/** arXiv's own DOIs (10.48550/arXiv.…) stand for the arXiv id, whose page is the better link. */
const ARXIV_DOI = /^10\.48550\/arxiv\./i;

function doi(fields: Record<string, string>): string | undefined {
  const value = (unescaped(fields['doi']) ?? '').replace(
    /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i,
    '',
  );
  return /^10\.\d{4,9}\/\S+$/.test(value) && !ARXIV_DOI.test(value) ? value : undefined;
}

/** The container as written: journal, proceedings, school, or how it was published. */
function container(entry: BibEntry): string {
  const f = entry.fields;
  return (
    f['journaltitle'] ??
    f['journal'] ??
    f['booktitle'] ??
    f['eventtitle'] ??
    f['school'] ??
    (entry.type.endsWith('thesis') ? f['institution'] : undefined) ??
    f['howpublished'] ??
    ''
  );
}

const ACRONYM = '[A-Z][A-Za-z]*[A-Z][A-Za-z]*';
const IN_PARENTHESES = new RegExp(`\\((${ACRONYM})(?:[\\s'’-]*\\d{2,4})?\\)`);
const BEFORE_YEAR = new RegExp(`(?:^|[\\s,])(${ACRONYM})[\\s'’-]+\\d{4}\\b`);

/**
 * The short venue name: an acronym in parentheses ("… Learning (ICML)"), an acronym before the
 * year as DBLP writes it ("…, ICLR 2022, Virtual Event"), "arXiv" for arXiv and CoRR, or else
 * the container as written.
 */
export function shortVenue(text: string, isArxiv: boolean): string | undefined {
  if (/^(?:arxiv\b|corr$)/i.test(text) || (text === '' && isArxiv)) return 'arXiv';
  const inParentheses = IN_PARENTHESES.exec(text)?.[1];
  if (inParentheses) return inParentheses;
  const beforeYear = BEFORE_YEAR.exec(text)?.[1];
  if (beforeYear) return beforeYear;
  return text === '' ? undefined : text;
}

const PUBSTATE: Record<string, PublicationStatus> = {
  submitted: 'under-review',
  inpress: 'accepted',
  forthcoming: 'accepted',
  inpreparation: 'in-preparation',
  prepublished: 'preprint',
};

/**
 * The forms a note, or a journal written in its place, states a status in: the whole text is
 * "Submitted", "Under review at X", "To appear in X", "In press", "In preparation", … (X, if
 * given, is the venue). A word inside other text ("Submitted version improved…") states nothing.
 */
const STATED_FORMS: [RegExp, PublicationStatus][] = [
  [
    /^(?:submitted|under (?:journal )?review)(?:\s+(?:to|at|for|in|with)\s+(.+))?$/i,
    'under-review',
  ],
  [
    /^(?:to appear|accepted(?: for publication)?|in press|forthcoming)(?:\s+(?:in|at|to|by)\s+(.+))?$/i,
    'accepted',
  ],
  [/^in preparation$/i, 'in-preparation'],
  [/^published$/i, 'published'],
  [/^(?:preprint|unpublished preprint)$/i, 'preprint'],
];

function statedForm(text: string): { status: PublicationStatus; venue?: string } | undefined {
  const trimmed = text.trim().replace(/[.;,]$/, '');
  for (const [form, status] of STATED_FORMS) {
    const match = form.exec(trimmed);
    if (match) return match[1] ? { status, venue: match[1].trim() } : { status };
  }
  return undefined;
}

/**
 * The status the entry states (pubstate, a note or a journal in a known form), with the venue a
 * journal such as "Submitted to X" names; else published when there is a venue, else a preprint.
 */
function status(
  entry: BibEntry,
  containerText: string,
): { status: PublicationStatus; stated: boolean; container: string } {
  const pubstate = PUBSTATE[(entry.fields['pubstate'] ?? '').toLowerCase().replace(/\s+/g, '')];
  if (pubstate) return { status: pubstate, stated: true, container: containerText };
  for (const field of ['note', 'addendum']) {
    const stated = statedForm(entry.fields[field] ?? '');
    if (stated) return { status: stated.status, stated: true, container: containerText };
  }
  const inContainer = statedForm(containerText);
  if (inContainer)
    return { status: inContainer.status, stated: true, container: inContainer.venue ?? '' };
  return { status: 'published', stated: false, container: containerText };
}

const SAFE_URL = /^https?:\/\/[^\s]+$/i;

/** al-folio's link fields, and the name each has in `links`. */
const AL_FOLIO_LINKS: Record<string, string> = { pdf: 'pdf', code: 'code', html: 'html' };

/** Proceedings and collections that other entries crossref: containers, not publications. */
const CONTAINERS = new Set([
  'proceedings',
  'mvproceedings',
  'collection',
  'mvcollection',
  'mvbook',
  'periodical',
]);

export function isContainer(entry: BibEntry): boolean {
  return CONTAINERS.has(entry.type);
}

/** Who owns the résumé: the name to find in author lists, and how `authors` writes it. */
export interface Owner {
  /** Any form: "Zhang, Binjie", "Binjie Zhang"; '' when unknown. */
  name: string;
  /** The résumé's `basics.name`, which the theme compares to emphasise the owner. */
  shownAs: string;
}

export function mapEntry(entry: BibEntry, owner: Owner): MappedEntry {
  const problems: MappedEntry['problems'] = [];
  const f = entry.fields;
  const ids: Identifiers = {};
  const foundDoi = doi(f);
  const foundArxiv = arxivId(f);
  if (foundDoi) ids.doi = foundDoi.toLowerCase();
  if (foundArxiv) ids.arxiv = foundArxiv;

  const facts: BibFacts = {};
  const title = f['title'] ?? '';
  if (title === '') problems.push({ severity: 'error', text: bibText.noTitle(entry.key) });
  else facts.name = title;

  const named = entry.authors.filter((person) => !person.others);
  const others = named.length < entry.authors.length;
  const ownerAt = owner.name ? named.findIndex((person) => isOwner(person, owner.name)) : -1;
  if (named.length > 0 && owner.name && ownerAt < 0) {
    problems.push({ severity: 'warning', text: bibText.ownerNotFound(owner.name) });
  }
  if (ownerAt >= 0) facts.firstAuthor = ownerAt === 0;
  // "Owner and others" says no more than the first-author mark does (an export writes it back
  // from that mark); any other list, a solo one too, is kept as given.
  if (named.length > 0 && !(ownerAt === 0 && named.length === 1 && others)) {
    const names = named.map((person, i) => (i === ownerAt ? owner.shownAs : displayName(person)));
    facts.authors = others ? [...names, ET_AL] : names;
  }

  const found = status(entry, container(entry));
  // al-folio's abbr is the badge the site shows: the short venue as its owner writes it.
  const venue = f['abbr'] || shortVenue(found.container, foundArxiv !== undefined);
  if (venue) facts.venue = /^arxiv$/i.test(venue) ? 'arXiv' : venue;
  const date = releaseDate(f);
  if (date) facts.releaseDate = date;
  const url = unescaped(f['url']);
  if (foundDoi) facts.url = `https://doi.org/${foundDoi}`;
  else if (foundArxiv) facts.url = `https://arxiv.org/abs/${foundArxiv}`;
  else if (url && SAFE_URL.test(url)) facts.url = url;
  else if (url) problems.push({ severity: 'warning', text: bibText.unsafeUrl(url) });
  const links: Record<string, string> = {};
  if (foundDoi && foundArxiv) links[ARXIV_LINK] = `https://arxiv.org/abs/${foundArxiv}`;
  // al-folio's buttons; a relative pdf path is a file of that site, not a link.
  for (const [field, name] of Object.entries(AL_FOLIO_LINKS)) {
    const link = unescaped(f[field]);
    if (link && SAFE_URL.test(link) && link !== facts.url) links[name] = link;
  }
  if (!facts.url && links['html']) {
    facts.url = links['html'];
    delete links['html'];
  }
  if (Object.keys(links).length > 0) facts.links = links;
  if (/^(?:true|yes)$/i.test(f['selected'] ?? '')) facts.tags = ['selected'];
  // Unless stated, a paper on arXiv alone or without any venue is a preprint.
  facts.status =
    !found.stated && (facts.venue === undefined || facts.venue === 'arXiv')
      ? 'preprint'
      : found.status;
  const { key, line, column } = entry;
  return { key, line, column, facts, statusStated: found.stated, ids, problems };
}

/**
 * Names: who the résumé's owner is in an author list, whatever form the list uses
 * ("Zhang, Binjie", "B. Zhang", "Binjie Zhang", "Zhang Binjie", with accents or without), and
 * the display form a person has in `authors`.
 */

const ASCII = /^[\0-\x7f]*$/;

/** Lower case letters only, accents dropped: "Zhāng" and "zhang" compare equal. */
function letters(value: string): string {
  // ASCII needs no decomposition, and its letters are A-Z and a-z: most names take this path.
  if (ASCII.test(value)) return value.replace(/[^A-Za-z]/g, '').toLowerCase();
  return value
    .normalize('NFKD')
    .replace(/[^\p{L}]/gu, '')
    .toLowerCase();
}

/**
 * The parts of a given name: "Bin-Jie" and "B. J." both have two; Scholar's run-together
 * initials ("AFY", before lower-casing) have one per letter.
 */
function parts(given: string): string[] {
  return given
    .split(/[\s.\-‐]+/)
    .flatMap((word) => (/^\p{Lu}{2,4}$/u.test(word) ? [...word] : [word]))
    .map(letters)
    .filter(Boolean);
}

/**
 * "Binjie" fits "B.", "Bin-Jie", "Binjie" and "Binjie Q."; "Bo" does not fit "Binjie". Names are
 * compared part by part, an initial fitting any name it begins; extra middle names are allowed.
 */
function givenNamesFit(a: string, b: string): boolean {
  const left = parts(a);
  const right = parts(b);
  if (left.length === 0 || right.length === 0) return false;
  if (left.join('') === right.join('')) return true;
  const fits = (x: string, y: string) =>
    x === y || (x.length === 1 && y.startsWith(x)) || (y.length === 1 && x.startsWith(y));
  return left.slice(0, right.length).every((name, i) => fits(name, right[i]!));
}

/** A name as people write it: "Binjie Zhang", "Anna van der Berg", "John Smith Jr.". */
export function displayName(person: Person): string {
  if (person.literal) return person.literal;
  return [person.given, person.prefix, person.family, person.suffix].filter(Boolean).join(' ');
}

/**
 * Whether a family name written as `family` closes the words `words`, and the words before it
 * fit `given`: the family name may be split differently on the two sides ("Sanz del Valle,
 * Marcos" against "Marcos Sanz del Valle", parsed as given "Marcos Sanz", family "del Valle").
 */
function familyCloses(words: string[], family: string, given: string): boolean {
  const target = letters(family);
  for (let k = 1; k <= words.length; k++) {
    const tail = letters(words.slice(-k).join(''));
    if (tail.length > target.length) return false;
    if (tail !== target) continue;
    const rest = words.slice(0, -k);
    // A particle left over belongs to the family name, which then differs: "Berg" is not
    // "van der Berg".
    return !/^\p{Ll}/u.test(rest.at(-1) ?? '') && givenNamesFit(rest.join(' '), given);
  }
  return false;
}

/** Whether `person` is the owner called `owner` (in any of the forms above). */
export function isOwner(person: Person, owner: string): boolean {
  const { given, family } = splitName(owner);
  if (letters(family) === '' || person.others) return false;
  if (person.literal) return letters(person.literal) === letters(`${given}${family}`);
  const words = (text: string) => text.split(/\s+/).filter(Boolean);
  const personFamily = `${person.prefix} ${person.family}`;
  const sameOrder =
    familyCloses(words(`${person.given} ${personFamily}`), family, given) ||
    familyCloses(words(`${given} ${family}`), personFamily, person.given);
  // "Zhang Binjie" without a comma reads as given "Zhang", family "Binjie".
  const swapped =
    letters(person.family) === letters(given) && letters(person.given) === letters(family);
  return sameOrder || swapped;
}

/**
 * Versions of one work: a preprint and its published paper, or the CoRR and conference copies
 * a DBLP file lists, share a DOI, an arXiv id or a title. They become one entry whose venue,
 * date and status are the most advanced version's, and which keeps every version's links.
 */

/** What finds a work again: its identifiers and its normalised title. */
export interface WorkKey {
  ids: Identifiers;
  title: string;
}

/** Case, accents, punctuation and spacing do not make a different title. */
export function titleKey(title: string): string {
  // ASCII needs no decomposition, and its letters and digits are A-Z, a-z and 0-9.
  const key = ASCII.test(title)
    ? title.replace(/[^A-Za-z0-9]/g, '').toLowerCase()
    : title
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
