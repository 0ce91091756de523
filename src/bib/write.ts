/**
 * `publications` → BibTeX, for papers and application portals: one entry per publication with a
 * stable key, LaTeX's special characters escaped (unicode2latex, the tables Better BibTeX uses), the status
 * as a note. Import reads every fact written here back the same. The DOI or arXiv id a
 * publication's links carry decides the fields written, and finds the publication again when the
 * import merges into it.
 */
import type { Publication, Resume } from 'jsonresume-theme-camera-ready';
import { Transform } from 'unicode2latex';
import { ET_AL, MONTHS, splitName } from './latex.js';

// UTF-8 stays as it is (LaTeX and biber read it; ASCII macros for other scripts would not read
// back the same); only the characters LaTeX treats specially are escaped.
const latex = new Transform('minimal');
/** TeX ligatures ("--" for a dash, "''" for a quote) are broken up so the text reads back as written. */
const LIGATURE = /([-'`])(?=\1)|[?!](?=`)/g;
const ANGLES: Record<string, string> = { '<': '\\textless{}', '>': '\\textgreater{}' };
/**
 * LaTeX for text. "<" and ">" are written as text commands: unicode2latex would put them in
 * math mode together with neighbouring signs ("{$<\_\#$}"), which does not read back the same.
 */
const escape = (text: string) =>
  text
    // Line breaks and tabs are spaces to BibTeX; unicode2latex would drop them and glue the words.
    .replace(/[^\S\u00a0]+/g, ' ')
    .split(/([<>])/)
    .map((part) => ANGLES[part] ?? latex.tolatex(part, { bracemath: true }))
    .join('')
    .replace(LIGATURE, (sign: string) => `${sign}{}`);

const NOTES: Partial<Record<NonNullable<Publication['status']>, string>> = {
  accepted: 'To appear',
  'under-review': 'Under review',
  'in-preparation': 'In preparation',
  preprint: 'Preprint',
};

/** A venue that names a periodical; any other venue is taken for a conference. */
const JOURNAL = /\b(?:journal|transactions|letters|magazine|review)\b/i;

/** "Anna van der Berg" → "van der Berg, Anna", "John Smith Jr." → "Smith, Jr., John". */
function bibName(name: string): string {
  if (name === ET_AL) return 'others';
  // A name BibTeX would split wrongly is kept whole in braces.
  if (/,|\band\b|[{}]/.test(name)) return `{${escape(name.replace(/[{}]/g, ''))}}`;
  const { given, family } = splitName(name);
  const suffix = /^(?:Jr\.?|Sr\.?|I{2,3}|IV)$/.exec(family)?.[0];
  if (suffix) {
    const rest = splitName(given);
    return [rest.family, suffix, rest.given].filter(Boolean).map(escape).join(', ');
  }
  return given ? `${escape(family)}, ${escape(given)}` : escape(family);
}

/** The author names, whether written as names or as `{ name, url, … }` objects. */
const authorNames = (publication: Publication): string[] =>
  (publication.authors ?? []).map((author) => (typeof author === 'string' ? author : author.name));

function keyFor(publication: Publication, owner: string, taken: Set<string>): string {
  if (publication.id && ID_PATTERN.test(publication.id) && !taken.has(publication.id)) {
    taken.add(publication.id);
    return publication.id;
  }
  const first = authorNames(publication)[0] ?? (publication.firstAuthor ? owner : '');
  const ascii = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9]/g, '')
      .toLowerCase();
  const word =
    (publication.name ?? '')
      .split(/\s+/)
      .map(ascii)
      .find((w) => w.length > 3) ?? '';
  const base =
    [ascii(splitName(first).family), publication.releaseDate?.slice(0, 4) ?? '', word].join('') ||
    'publication';
  let key = base;
  for (let n = 0; taken.has(key); n++)
    key = `${base}${String.fromCharCode(97 + (n % 26))}${n >= 26 ? n : ''}`;
  taken.add(key);
  return key;
}

/** A field value in braces; verbatim ones (links) only have their braces made safe. */
const braced = (value: string) => `{${value}}`;
const verbatim = (value: string) => braced(value.replace(/\{/g, '%7B').replace(/\}/g, '%7D'));

function entryFor(publication: Publication, owner: string, key: string): string {
  const fields: [string, string][] = [];
  const named = authorNames(publication);
  const authors = named.length ? named : publication.firstAuthor && owner ? [owner, ET_AL] : [];
  if (authors.length > 0) fields.push(['author', braced(authors.map(bibName).join(' and '))]);
  // The whole title in braces: its case is the author's, not the citation style's.
  fields.push(['title', braced(braced(escape(publication.name ?? '')))]);
  const venue = publication.venue ?? '';
  const { doi, arxiv } = identifiersOf(publication.url);
  const arxivOnly = venue.toLowerCase() === 'arxiv';
  let type = 'misc';
  if (arxivOnly) {
    type = 'article';
    fields.push(['journal', braced(arxiv ? `arXiv preprint arXiv:${arxiv}` : 'arXiv preprint')]);
  } else if (JOURNAL.test(venue)) {
    type = 'article';
    fields.push(['journal', braced(escape(venue))]);
  } else if (venue) {
    type = 'inproceedings';
    fields.push(['booktitle', braced(escape(venue))]);
  }
  const [year, month, day] = (publication.releaseDate ?? '').split('-');
  if (year) fields.push(['year', braced(year)]);
  if (month) fields.push(['month', MONTHS[Number(month) - 1] ?? braced(month)]);
  if (day) fields.push(['date', braced(publication.releaseDate!)]);
  if (doi) fields.push(['doi', verbatim(doi)]);
  else if (arxiv) fields.push(['eprint', verbatim(arxiv)], ['archiveprefix', braced('arXiv')]);
  else if (publication.url) fields.push(['url', verbatim(publication.url)]);
  const status = publication.status ?? 'published';
  // Without a venue the import would read a preprint: a published work says so.
  const note =
    status === 'preprint' && arxivOnly
      ? undefined
      : status === 'published' && !venue
        ? 'Published'
        : NOTES[status];
  if (note) fields.push(['note', braced(note)]);
  const body = fields.map(([name, value]) => `  ${name} = ${value},`).join('\n');
  return `@${type}{${key},\n${body}\n}\n`;
}

export function writeBib(resume: Resume): { text: string; entries: number } {
  const owner = resume.basics?.name ?? '';
  const taken = new Set<string>();
  const publications = (resume.publications ?? []).filter((p) => (p.name ?? '') !== '');
  const text = publications.map((p) => entryFor(p, owner, keyFor(p, owner, taken))).join('\n');
  return { text, entries: publications.length };
}

/** Identifiers that find the same paper again: lower-case DOI, arXiv id without version. */
export interface Identifiers {
  doi?: string;
  arxiv?: string;
}

// Every valid résumé id is a valid BibTeX key too, and is used as one.
/** The extension schema's pattern for a publication `id`. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;

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
