/**
 * Publications: numbered [1]..[n] in the order written, each with an anchor other entries
 * cite by `id`.
 */
import { shortenAuthors } from './author-list';
import { authorDetails, authorNames } from './authors';
import type { DateFormatter } from './dates';
import { leftovers, unlinked, type Fields } from './details';
import { fill, type Labels, type Separators } from './labels';
import { inlineMarkdown } from './markdown';
import { arr, obj, str, strings } from './text';
import { PUBLICATION_STATUSES, type PublicationStatus } from './types';
import { safeHref } from './urls';
import type {
  Author,
  Detail,
  Link,
  PublicationEntry,
  PublicationRef,
  PublicationStatusView,
} from './view-types';

/** Lower case, letters only: "Zhang, B." and "zhang b" compare equal; accents ignored. */
function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[^\p{L}\s]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function status(value: unknown, labels: Labels): PublicationStatusView | null {
  const raw = str(value);
  if (raw === '') return null;
  return (PUBLICATION_STATUSES as readonly string[]).includes(raw)
    ? { key: raw as PublicationStatus, label: labels.status[raw as PublicationStatus] }
    : { key: 'other', label: raw };
}

const PUBLICATION: Fields = {
  name: 'text',
  publisher: 'text',
  releaseDate: 'text',
  url: 'text',
  summary: 'text',
  status: 'text',
  venue: 'text',
  authors: 'custom',
  firstAuthor: 'custom',
  scores: 'list',
  distinctions: 'list',
  links: 'custom',
};

/**
 * `links` by name: the safe ones as links named by their key, the others (and values that are not
 * text) left for the details, so no fact is lost.
 */
function namedLinks(value: unknown): { links: Link[]; unsafe: Detail[] } {
  const links: Link[] = [];
  const unsafe: Detail[] = [];
  for (const [name, target] of Object.entries(obj(value))) {
    const text = str(target);
    const href = safeHref(text);
    if (name.trim() !== '' && href !== '') links.push({ text: name.trim(), href });
    else if (text !== '') unsafe.push({ key: `links.${name}`, text, href: '' });
  }
  return { links, unsafe };
}

/** A unique id usable in HTML and URLs: "pub-" and the key's letters, digits, - and _. */
function anchorFor(id: string, number: number, taken: Set<string>): string {
  const slug = id
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const base = slug !== '' ? `pub-${slug}` : `pub-${number}`;
  let anchor = base;
  for (let n = 2; taken.has(anchor); n++) anchor = `${base}-${n}`;
  taken.add(anchor);
  return anchor;
}

export interface PublicationOptions {
  dates: DateFormatter;
  owner: string;
  hideReviewScores: boolean;
  maxAuthors: number;
  labels: Labels;
  separators: Separators;
}

type Draft = Omit<PublicationEntry, 'number' | 'anchor'> & { id: string };

function draft(value: unknown, options: PublicationOptions): Draft | null {
  const item = typeof value === 'string' ? { name: value } : obj(value);
  const { labels } = options;
  const owner = nameKey(options.owner);
  const authors: Author[] = authorNames(item['authors']).map((name) => ({
    name,
    isOwner: owner !== '' && nameKey(name) === owner,
  }));
  const shown = shortenAuthors(authors, options.maxAuthors);
  const venueName = str(item['venue']);
  const releaseDate = str(item['releaseDate']);
  // The venue replaces the publisher, which repeats it as human text for other themes.
  const year = options.dates.year(releaseDate);
  // A venue that already names its year (dblp's "… 2024" booktitles) does not get it twice.
  const venue = venueName
    ? [venueName, venueName.match(/\d{4}/g)?.includes(year) ? '' : year].filter(Boolean).join(' ')
    : [str(item['publisher']), options.dates.date(releaseDate)]
        .filter(Boolean)
        .join(options.separators.comma);
  const name = str(item['name']);
  const summary = inlineMarkdown(str(item['summary']));
  const url = str(item['url']);
  const href = safeHref(url);
  const scores = options.hideReviewScores ? '' : strings(item['scores']).join('/');
  const firstAuthor = item['firstAuthor'] === true;
  const more = namedLinks(item['links']);
  const entry: Draft = {
    id: str(item['id']),
    // Without a title the address is shown, so it is not lost.
    title: name !== '' ? { text: name, href } : { text: url, href },
    authors: shown.authors,
    etAl: shown.more ? labels.etAl : '',
    venue,
    status: status(item['status'], labels),
    scores,
    scoresMark: scores === '' ? '' : fill(labels.scores, scores),
    distinctions: strings(item['distinctions']),
    firstAuthor,
    firstAuthorMark: firstAuthor ? labels.firstAuthor : '',
    links: more.links,
    summary: summary.html === '' ? null : summary,
    details: [
      ...leftovers(item, PUBLICATION),
      ...more.unsafe,
      ...authorDetails(item['authors']),
      ...unlinked('url', url, name),
    ],
  };
  const empty =
    !entry.title.text &&
    !authors.length &&
    !venue &&
    !entry.status &&
    !entry.scores &&
    !entry.summary &&
    !entry.links.length &&
    !entry.details.length;
  return empty && !entry.distinctions.length ? null : entry;
}

export interface Publications {
  entries: PublicationEntry[];
  /** The reference for a publication `id`; the first entry wins when ids repeat. */
  cite(id: string): PublicationRef | undefined;
}

export function buildPublications(value: unknown, options: PublicationOptions): Publications {
  const taken = new Set<string>();
  const byId = new Map<string, PublicationRef>();
  const entries: PublicationEntry[] = [];
  for (const item of arr(value)) {
    const built = draft(item, options);
    if (built === null) continue;
    const { id, ...rest } = built;
    const number = entries.length + 1;
    const anchor = anchorFor(id, number, taken);
    if (id !== '' && !byId.has(id)) byId.set(id, { number, anchor });
    entries.push({ number, anchor, ...rest });
  }
  return { entries, cite: (id) => byId.get(id) };
}
