/**
 * One builder per kind of entry. Each takes one raw array item and returns its view, or null
 * when the item has nothing to show (so an all-empty section gets no heading).
 */
import type { DateFormatter } from './dates';
import { formatLocation } from './header';
import { inlineMarkdown, type RichText } from './markdown';
import { arr, obj, str, strings } from './text';
import { safeHref } from './urls';
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
  /** The publication a key cites, or undefined for unknown keys. */
  cite(id: string): PublicationRef | undefined;
}

type Item = Record<string, unknown>;

function link(text: string, url: string): Link {
  return { text, href: text === '' ? '' : safeHref(url) };
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

function subProject(value: unknown): Omit<SubProjectEntry, 'number'> | null {
  const item = obj(value);
  const name = str(item['name']);
  const entry = {
    name: link(name, str(item['url'])),
    type: str(item['type']),
    summary: markdown(item['summary']),
    highlights: markdownList(item['highlights']),
    keywords: strings(item['keywords']),
  };
  const empty = !name && !entry.type && !entry.summary && !entry.highlights.length;
  return empty ? null : entry;
}

export function present<T>(items: (T | null)[]): T[] {
  return items.filter((item): item is T => item !== null);
}

/** Work (`org` = name) and volunteering (`org` = organization). */
export function experience(orgField: 'name' | 'organization') {
  return (value: unknown, context: BuildContext): ExperienceEntry | null => {
    const item = obj(value);
    // Numbered after dropping empty ones, so the numbers have no gaps.
    const projects = present(arr(item['projects']).map(subProject)).map((p, index) => ({
      number: index + 1,
      ...p,
    }));
    const entry: ExperienceEntry = {
      head: head(
        { text: str(item['position']), href: '' },
        range(item, context),
        link(str(item[orgField]), str(item['url'])),
        str(item['description']),
        str(item['location']),
      ),
      summary: markdown(item['summary']),
      highlights: projects.length > 0 ? [] : markdownList(item['highlights']),
      projects,
    };
    const empty = !hasHead(entry.head) && !entry.summary && !entry.highlights.length;
    return empty && !projects.length ? null : entry;
  };
}

/** "Ph.D. in Computer Science": `field` wins over the longer human `area`. */
function degree(item: Item): string {
  const studyType = str(item['studyType']);
  const field = str(item['field']) || str(item['area']);
  return studyType && field ? `${studyType} in ${field}` : studyType || field;
}

export function education(value: unknown, context: BuildContext): EducationEntry | null {
  const item = obj(value);
  const advisor = str(item['advisor']);
  const score = str(item['score']);
  const entry: EducationEntry = {
    head: head(
      { text: degree(item), href: '' },
      range(item, context),
      link(str(item['institution']), str(item['url'])),
      [advisor ? `Advisor: ${advisor}` : '', score].filter(Boolean).join(' · '),
      // Location is an extension string; a schema-style object is accepted too.
      typeof item['location'] === 'string'
        ? str(item['location'])
        : formatLocation(item['location'], context.locale),
    ),
    advisor,
    score,
    courses: strings(item['courses']),
  };
  return hasHead(entry.head) || entry.courses.length ? entry : null;
}

export function award(value: unknown, context: BuildContext): AwardEntry | null {
  const item = obj(value);
  const entry: AwardEntry = {
    title: str(item['title']),
    awarder: str(item['awarder']),
    date: context.dates.date(str(item['date'])),
    summary: markdown(item['summary']),
  };
  return entry.title || entry.awarder || entry.date || entry.summary ? entry : null;
}

export function certificate(value: unknown, context: BuildContext): CertificateEntry | null {
  const item = obj(value);
  const entry: CertificateEntry = {
    name: link(str(item['name']), str(item['url'])),
    issuer: str(item['issuer']),
    date: context.dates.date(str(item['date'])),
  };
  return entry.name.text || entry.issuer || entry.date ? entry : null;
}

export function project(value: unknown, context: BuildContext): ProjectEntry | null {
  const item = obj(value);
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
    detail: [str(item['entity']), strings(item['roles']).join(', ')].filter(Boolean).join(' · '),
    description: markdown(item['description']),
    highlights: markdownList(item['highlights']),
    keywords: strings(item['keywords']),
  };
  const empty =
    !entry.name.text &&
    !entry.type &&
    !entry.dates &&
    !entry.detail &&
    !entry.description &&
    !entry.highlights.length &&
    !entry.keywords.length;
  return empty ? null : entry;
}

export function skill(value: unknown): SkillEntry | null {
  const item = obj(value);
  const entry = {
    name: str(item['name']),
    level: str(item['level']),
    keywords: strings(item['keywords']),
  };
  return entry.name || entry.level || entry.keywords.length ? entry : null;
}

export function language(value: unknown): LanguageEntry | null {
  const item = obj(value);
  const entry = { language: str(item['language']), fluency: str(item['fluency']) };
  return entry.language || entry.fluency ? entry : null;
}

export function interest(value: unknown): InterestEntry | null {
  const item = obj(value);
  const entry = { name: str(item['name']), keywords: strings(item['keywords']) };
  return entry.name || entry.keywords.length ? entry : null;
}

export function reference(value: unknown): ReferenceEntry | null {
  const item = obj(value);
  const entry = { name: str(item['name']), reference: markdown(item['reference']) };
  return entry.name || entry.reference ? entry : null;
}
