/**
 * One builder per kind of entry. Each takes one raw array item and returns its view, or null
 * when the item has nothing to show (so an all-empty section gets no heading).
 */
import type { DateFormatter } from './dates';
import { leaves, leftovers, unlinked, type Detail, type Fields } from './details';
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

const SUB_PROJECT: Fields = {
  name: 'text',
  type: 'text',
  summary: 'text',
  highlights: 'list',
  url: 'text',
  keywords: 'list',
};

function subProject(value: unknown): Omit<SubProjectEntry, 'number'> | null {
  const item = entryObject(value, 'name');
  const entry = {
    name: link(str(item['name']), str(item['url'])),
    type: str(item['type']),
    summary: markdown(item['summary']),
    highlights: markdownList(item['highlights']),
    keywords: strings(item['keywords']),
    details: [
      ...leftovers(item, SUB_PROJECT),
      ...unlinked('url', str(item['url']), str(item['name'])),
    ],
  };
  const empty =
    !entry.name.text &&
    !entry.type &&
    !entry.summary &&
    !entry.highlights.length &&
    !entry.keywords.length &&
    !entry.details.length;
  return empty ? null : entry;
}

/** An entry as an object; a bare string or number is taken as its main field. */
export function entryObject(value: unknown, main: string): Record<string, unknown> {
  return typeof value === 'string' || typeof value === 'number' ? { [main]: value } : obj(value);
}

export function present<T>(items: (T | null)[]): T[] {
  return items.filter((item): item is T => item !== null);
}

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
    const projects = present(arr(item['projects']).map(subProject)).map((p, index) => ({
      number: index + 1,
      ...p,
    }));
    const where = place(item['location'], context);
    const entry: ExperienceEntry = {
      head: head(
        { text: str(item['position']), href: '' },
        range(item, context),
        link(str(item[orgField]), str(item['url'])),
        str(item['description']),
        where.text,
      ),
      summary: markdown(item['summary']),
      // Sub-projects carry the same facts as the flat bullets, grouped.
      highlights: projects.length > 0 ? [] : markdownList(item['highlights']),
      projects,
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

const AWARD: Fields = { title: 'text', date: 'text', awarder: 'text', summary: 'text' };

export function award(value: unknown, context: BuildContext): AwardEntry | null {
  const item = entryObject(value, 'title');
  const entry: AwardEntry = {
    title: str(item['title']),
    awarder: str(item['awarder']),
    date: context.dates.date(str(item['date'])),
    summary: markdown(item['summary']),
    details: leftovers(item, AWARD),
  };
  const shown = entry.title || entry.awarder || entry.date || entry.summary;
  return shown || entry.details.length ? entry : null;
}

const CERTIFICATE: Fields = { name: 'text', date: 'text', url: 'text', issuer: 'text' };

export function certificate(value: unknown, context: BuildContext): CertificateEntry | null {
  const item = entryObject(value, 'name');
  const entry: CertificateEntry = {
    name: link(str(item['name']), str(item['url'])),
    issuer: str(item['issuer']),
    date: context.dates.date(str(item['date'])),
    details: [
      ...leftovers(item, CERTIFICATE),
      ...unlinked('url', str(item['url']), str(item['name'])),
    ],
  };
  return entry.name.text || entry.issuer || entry.date || entry.details.length ? entry : null;
}

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

const SKILL: Fields = { name: 'text', level: 'text', keywords: 'list' };

export function skill(value: unknown): SkillEntry | null {
  const item = entryObject(value, 'name');
  const entry = {
    name: str(item['name']),
    level: str(item['level']),
    keywords: strings(item['keywords']),
    details: leftovers(item, SKILL),
  };
  return entry.name || entry.level || entry.keywords.length || entry.details.length ? entry : null;
}

const LANGUAGE: Fields = { language: 'text', fluency: 'text' };

export function language(value: unknown): LanguageEntry | null {
  const item = entryObject(value, 'language');
  const entry = {
    language: str(item['language']),
    fluency: str(item['fluency']),
    details: leftovers(item, LANGUAGE),
  };
  return entry.language || entry.fluency || entry.details.length ? entry : null;
}

const INTEREST: Fields = { name: 'text', keywords: 'list' };

export function interest(value: unknown): InterestEntry | null {
  const item = entryObject(value, 'name');
  const entry = {
    name: str(item['name']),
    keywords: strings(item['keywords']),
    details: leftovers(item, INTEREST),
  };
  return entry.name || entry.keywords.length || entry.details.length ? entry : null;
}

const REFERENCE: Fields = { name: 'text', reference: 'text' };

export function reference(value: unknown): ReferenceEntry | null {
  const item = entryObject(value, 'reference');
  const entry = {
    name: str(item['name']),
    reference: markdown(item['reference']),
    details: leftovers(item, REFERENCE),
  };
  return entry.name || entry.reference || entry.details.length ? entry : null;
}
