/**
 * One builder per kind of entry. Each takes one raw array item and returns its view, or null
 * when the item has nothing to show (so an all-empty section gets no heading).
 */
import type { DateFormatter } from './dates';
import { leaves, leftovers, unlinked, type Detail, type FieldKind, type Fields } from './details';
import { tallerThanHalfAPage } from './entry-height';
import { formatLocation, LOCATION_FIELDS } from './header';
import { fill, type Labels, type Separators } from './labels';
import { inlineMarkdown, type RichText } from './markdown';
import { arr, obj, str, strings } from './text';
import { displayUrl, safeHref } from './urls';
import type {
  AwardEntry,
  CertificateEntry,
  EducationEntry,
  EntryHead,
  ExperienceEntry,
  InterestEntry,
  LanguageEntry,
  Link,
  ProjectEntry,
  PublicationRef,
  ReferenceEntry,
  SkillEntry,
  SubProjectEntry,
} from './view-types';

/** What entry builders share: how to format dates and places, how to resolve citations. */
export interface BuildContext {
  dates: DateFormatter;
  locale: string;
  labels: Labels;
  separators: Separators;
  /** The publication a key cites, or undefined for unknown keys. */
  cite(id: string): PublicationRef | undefined;
}

type Item = Record<string, unknown>;

/** Reads one raw array item into its view, or null when it has nothing to show. */
export type EntryBuilder<E> = (value: unknown, context: BuildContext) => E | null;

/** Text linked to a URL; without text the URL itself is shown, so it is never lost. */
function link(text: string, url: string): Link {
  const href = safeHref(url);
  if (text !== '') return { text, href };
  return { text: href !== '' ? displayUrl(url) : url, href };
}

const DATED: Fields = { startDate: 'text', endDate: 'text', expected: 'custom' };

/** A place: the extension's text, or a location object as the schema shapes `basics.location`. */
function place(value: unknown, context: BuildContext): { text: string; details: Detail[] } {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const location = obj(value);
    return {
      text: formatLocation(location, context.locale, context.separators.comma),
      details: leftovers(location, LOCATION_FIELDS),
    };
  }
  return { text: str(value), details: str(value) === '' ? leaves(value, 'location') : [] };
}

function markdown(value: unknown): RichText | null {
  const rich = inlineMarkdown(str(value));
  return rich.html === '' ? null : rich;
}

function markdownList(value: unknown): RichText[] {
  return strings(value).map(inlineMarkdown);
}

function range(item: Item, context: BuildContext): string {
  return context.dates.range(
    str(item['startDate']),
    str(item['endDate']),
    item['expected'] === true,
  );
}

/**
 * Title on line 1; organisation, detail and place on line 2. Without a title the organisation
 * moves up, so no entry starts with an empty bold line.
 */
function head(title: Link, dates: string, org: Link, detail: string, place: string): EntryHead {
  const promoted = title.text === '' && org.text !== '';
  const line2Org = promoted ? { text: '', href: '' } : org;
  return {
    title: promoted ? org : title,
    dates,
    org: line2Org,
    detail,
    place,
    hasSecondLine: line2Org.text !== '' || detail !== '' || place !== '',
  };
}

function hasHead(h: EntryHead): boolean {
  return h.title.text !== '' || h.dates !== '' || h.hasSecondLine;
}

/** An entry as an object; a bare string or number is taken as its main field. */
export function entryObject(value: unknown, main: string): Record<string, unknown> {
  return typeof value === 'string' || typeof value === 'number' ? { [main]: value } : obj(value);
}

export function present<T>(items: (T | null)[]): T[] {
  return items.filter((item): item is T => item !== null);
}

/** How a simple entry reads one field into its view, and whether that view shows anything. */
interface Reader<V> {
  /** How the field counts for `leftovers`. */
  kind: FieldKind;
  read(item: Item, key: string, context: BuildContext): V;
  shows(view: V): boolean;
  /** Other fields it reads, and what of them it shows as details. */
  also?: Fields;
  details?(item: Item, key: string): Detail[];
}

const text: Reader<string> = {
  kind: 'text',
  read: (item, key) => str(item[key]),
  shows: (view) => view !== '',
};

const date: Reader<string> = {
  ...text,
  read: (item, key, context) => context.dates.date(str(item[key])),
};

const list: Reader<string[]> = {
  kind: 'list',
  read: (item, key) => strings(item[key]),
  shows: (view) => view.length > 0,
};

const richList: Reader<RichText[]> = {
  kind: 'list',
  read: (item, key) => markdownList(item[key]),
  shows: (view) => view.length > 0,
};

const rich: Reader<RichText | null> = {
  kind: 'text',
  read: (item, key) => markdown(item[key]),
  shows: (view) => view !== null,
};

/** Text linked to the entry's `url`. */
const linked: Reader<Link> = {
  kind: 'text',
  read: (item, key) => link(str(item[key]), str(item['url'])),
  shows: (view) => view.text !== '',
  also: { url: 'text' },
  details: (item, key) => unlinked('url', str(item['url']), str(item[key])),
};

/**
 * The builder of an entry whose view is its fields, each read on its own. `readers` names the
 * view's fields and how each is read; `main` is the field a bare string or number fills.
 */
function simple<V extends object>(
  main: string,
  readers: { readonly [K in keyof V]: Reader<V[K]> } & Readonly<Record<string, Reader<unknown>>>,
): EntryBuilder<V & { details: Detail[] }> {
  const table = Object.entries(readers);
  const fields: Fields = Object.fromEntries(
    table.flatMap(([key, reader]): [string, FieldKind][] => [
      [key, reader.kind],
      ...Object.entries(reader.also ?? {}),
    ]),
  );
  return (value, context) => {
    const item = entryObject(value, main);
    const views = table.map(([key, reader]) => {
      const view = reader.read(item, key, context);
      return { key, view, shown: reader.shows(view) };
    });
    const details = [
      ...leftovers(item, fields),
      ...table.flatMap(([key, reader]) => reader.details?.(item, key) ?? []),
    ];
    if (!views.some((v) => v.shown) && details.length === 0) return null;
    // Built key by key from `readers`, which has exactly the keys of V.
    const entry = Object.fromEntries(views.map((v) => [v.key, v.view])) as V;
    return { ...entry, details };
  };
}

const subProject: EntryBuilder<Omit<SubProjectEntry, 'number'>> = simple('name', {
  name: linked,
  type: text,
  summary: rich,
  highlights: richList,
  keywords: list,
});

/** Work (`org` = name) and volunteering (`org` = organization). */
export function experience(orgField: 'name' | 'organization') {
  const fields: Fields = {
    ...DATED,
    [orgField]: 'text',
    position: 'text',
    url: 'text',
    description: 'text',
    location: 'custom',
    summary: 'text',
    highlights: 'list',
    projects: 'custom',
  };
  return (value: unknown, context: BuildContext): ExperienceEntry | null => {
    const item = entryObject(value, orgField);
    // Numbered after dropping empty ones, so the numbers have no gaps.
    const projects = present(arr(item['projects']).map((p) => subProject(p, context))).map(
      (p, index) => ({
        number: index + 1,
        ...p,
      }),
    );
    const where = place(item['location'], context);
    const highlights = projects.length > 0 ? [] : markdownList(item['highlights']);
    const summary = markdown(item['summary']);
    const entry: ExperienceEntry = {
      head: head(
        { text: str(item['position']), href: '' },
        range(item, context),
        link(str(item[orgField]), str(item['url'])),
        str(item['description']),
        where.text,
      ),
      summary,
      // Sub-projects carry the same facts as the flat bullets, grouped.
      highlights,
      projects,
      breaksBetweenBullets: tallerThanHalfAPage(
        [summary, ...highlights].flatMap((text) => (text ? [text.text] : [])),
      ),
      details: [
        ...leftovers(item, fields),
        ...unlinked('url', str(item['url']), str(item[orgField])),
        ...where.details,
        ...(Array.isArray(item['projects']) ? [] : leaves(item['projects'], 'projects')),
      ],
    };
    const empty =
      !hasHead(entry.head) && !entry.summary && !entry.highlights.length && !entry.details.length;
    return empty && !projects.length ? null : entry;
  };
}

/** "Ph.D. in Computer Science": `field` wins over the longer human `area`. */
function degree(item: Item, labels: Labels): string {
  const studyType = str(item['studyType']);
  const field = str(item['field']) || str(item['area']);
  return studyType && field ? fill(labels.degree, studyType, field) : studyType || field;
}

const EDUCATION: Fields = {
  ...DATED,
  institution: 'text',
  url: 'text',
  area: 'text',
  studyType: 'text',
  score: 'text',
  courses: 'list',
  field: 'text',
  advisor: 'text',
  location: 'custom',
};

export function education(value: unknown, context: BuildContext): EducationEntry | null {
  const item = entryObject(value, 'institution');
  const advisor = str(item['advisor']);
  const score = str(item['score']);
  const where = place(item['location'], context);
  const courses = strings(item['courses']);
  const entry: EducationEntry = {
    head: head(
      { text: degree(item, context.labels), href: '' },
      range(item, context),
      link(str(item['institution']), str(item['url'])),
      [advisor ? fill(context.labels.advisor, advisor) : '', score].filter(Boolean).join(' · '),
      where.text,
    ),
    advisor,
    score,
    courses,
    coursesLine: courses.length
      ? fill(context.labels.courses, courses.join(context.separators.list))
      : '',
    details: [
      ...leftovers(item, EDUCATION),
      ...unlinked('url', str(item['url']), str(item['institution'])),
      ...where.details,
    ],
  };
  return hasHead(entry.head) || courses.length || entry.details.length ? entry : null;
}

export const award: EntryBuilder<AwardEntry> = simple('title', {
  title: text,
  awarder: text,
  date,
  summary: rich,
});

export const certificate: EntryBuilder<CertificateEntry> = simple('name', {
  name: linked,
  issuer: text,
  date,
});

const PROJECT: Fields = {
  ...DATED,
  name: 'text',
  description: 'text',
  highlights: 'list',
  keywords: 'list',
  url: 'text',
  roles: 'list',
  entity: 'text',
  type: 'text',
  // Keys of publications, shown as their numbers.
  publications: 'custom',
};

export function project(value: unknown, context: BuildContext): ProjectEntry | null {
  const item = entryObject(value, 'name');
  const refs: PublicationRef[] = [];
  for (const id of strings(item['publications'])) {
    const ref = context.cite(id);
    if (ref && !refs.some((r) => r.number === ref.number)) refs.push(ref);
  }
  const entry: ProjectEntry = {
    name: link(str(item['name']), str(item['url'])),
    refs,
    type: str(item['type']),
    dates: range(item, context),
    detail: [str(item['entity']), strings(item['roles']).join(context.separators.list)]
      .filter(Boolean)
      .join(' · '),
    description: markdown(item['description']),
    highlights: markdownList(item['highlights']),
    keywords: strings(item['keywords']),
    details: [...leftovers(item, PROJECT), ...unlinked('url', str(item['url']), str(item['name']))],
  };
  const empty =
    !entry.name.text &&
    !entry.type &&
    !entry.dates &&
    !entry.detail &&
    !entry.description &&
    !entry.highlights.length &&
    !entry.keywords.length &&
    !entry.details.length;
  return empty ? null : entry;
}

export const skill: EntryBuilder<SkillEntry> = simple('name', {
  name: text,
  level: text,
  keywords: list,
});

export const language: EntryBuilder<LanguageEntry> = simple('language', {
  language: text,
  fluency: text,
});

export const interest: EntryBuilder<InterestEntry> = simple('name', { name: text, keywords: list });

export const reference: EntryBuilder<ReferenceEntry> = simple('reference', {
  name: text,
  reference: rich,
});
