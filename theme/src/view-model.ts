/**
 * Turns a résumé into the view model the templates render: options resolved, sections
 * ordered and titled, entries shaped, citations resolved to numbers, Markdown rendered.
 * Pure: the same résumé always gives the same view model.
 */
import Handlebars from 'handlebars';
import { DateFormatter } from './dates';
import { leaves, NOT_CONTENT } from './details';
import { textDirection } from './direction';
import { fieldLabel, labelDetails } from './field-labels';
import { LANGUAGE_KEYS, proseLanguage, statedLocale, supportedLocale } from './language';
import { separatorsFor } from './labels';
import * as build from './entries';
import { buildHeader } from './header';
import { PAPER_DIMENSIONS } from './paper';
import { pageFooter } from './page-footer';
import { upgradeLegacy } from './legacy';
import { resolveOptions } from './options';
import { buildPublications } from './publications';
import { arr, obj, str } from './text';
import { SECTION_KEYS, type Resume, type SectionKey } from './types';
import type { OtherEntry, Section, SectionEntries, SectionOf, ViewModel } from './view-types';

export type * from './view-types';

/** Plain-object items with their pre-1.0 field names read as the 1.0 ones. */
function upgraded(value: unknown, section: string): unknown[] {
  return arr(value).map((item) =>
    typeof item === 'object' && item !== null && !Array.isArray(item)
      ? upgradeLegacy(obj(item), `${section}[]`)
      : item,
  );
}

function entries<E>(
  section: SectionKey,
  value: unknown,
  builder: build.EntryBuilder<E>,
  context: build.BuildContext,
): E[] {
  return build.present(upgraded(value, section).map((item) => builder(item, context)));
}

/** The items of a field that is not a JSON Resume section, or of a section in another shape. */
function otherEntries(value: unknown, key: string): OtherEntry[] {
  const items = Array.isArray(value) ? value : [value];
  return items.flatMap((item): OtherEntry[] => {
    const text = typeof item === 'string' || typeof item === 'number' ? str(item) : '';
    const details = text === '' ? leaves(item, key) : [];
    return text !== '' || details.length > 0 ? [{ text, details }] : [];
  });
}

/** Titles past 70 characters are cut off in tabs, bookmarks and search results. */
const LONGEST_TITLE = 70;

function documentTitle(name: string, cv: string): string {
  if (name === '') return cv;
  const suffix = ` — ${cv}`;
  const room = LONGEST_TITLE - suffix.length;
  // Measured as the template writes it (Handlebars-escaped, in UTF-16 units), as validators count
  // it; cut between code points.
  const written = (text: string): number => Handlebars.Utils.escapeExpression(text).length;
  if (written(name) <= room) return name + suffix;
  let cut = '';
  for (const char of name) {
    if (written(cut + char) > room - 1) break;
    cut += char;
  }
  return `${cut}…${suffix}`;
}

const isSectionKey = (key: string): key is SectionKey =>
  (SECTION_KEYS as readonly string[]).includes(key);

/** The sections whose entries are built one raw item at a time. */
type BuiltKey = Exclude<SectionKey, 'publications'>;

const BUILDERS: { readonly [K in BuiltKey]: build.EntryBuilder<SectionEntries[K]> } = {
  education: build.education,
  work: build.experience('name'),
  projects: build.project,
  volunteer: build.experience('organization'),
  awards: build.award,
  certificates: build.certificate,
  skills: build.skill,
  languages: build.language,
  interests: build.interest,
  references: build.reference,
};

/** What every section has besides its key and entries. */
type SectionHead = Omit<Section, 'key' | 'entries'>;

/**
 * The section of `key`, its entries built by that key's builder. Typed as a union indexed by
 * `K` so that, for a union of keys, it is the union of their sections.
 */
function builtSection<K extends BuiltKey>(
  key: K,
  head: SectionHead,
  value: unknown,
  context: build.BuildContext,
): { [P in K]: SectionOf<P> }[K] {
  const section: SectionOf<K> = {
    key,
    ...head,
    entries: entries(key, value, BUILDERS[key], context),
  };
  return section;
}

/** `basics` with pre-1.0 names read as 1.0 ones, its location's too. */
function upgradedBasics(value: unknown): Record<string, unknown> {
  const basics = upgradeLegacy(obj(value), 'basics');
  const location = basics['location'];
  return typeof location === 'object' && location !== null && !Array.isArray(location)
    ? { ...basics, location: upgradeLegacy(obj(location), 'basics.location') }
    : basics;
}

export function buildViewModel(resume: Resume): ViewModel {
  const raw = upgradeLegacy(obj(resume), '(root)');
  const themeOptions = obj(obj(raw['meta'])['themeOptions']);
  // The language the résumé states, else the one its prose is written in: words, dates and
  // country names follow it.
  const stated = statedLocale(raw);
  const prose = proseLanguage(raw);
  const lang = stated !== '' ? stated : prose.language;
  const options = resolveOptions(themeOptions, lang);
  const { labels } = options;
  const separators = separatorsFor(lang);
  const { comma } = separators;
  const dates = new DateFormatter(options.locale, labels);
  const header = buildHeader(upgradedBasics(raw['basics']), options.locale, comma, options.icons);
  const shown = new Set<SectionKey>(options.sections);
  const publications = buildPublications(upgraded(raw['publications'], 'publications'), {
    dates,
    owner: header?.name ?? '',
    hideReviewScores: options.hideReviewScores,
    maxAuthors: options.maxAuthors,
    labels,
    separators,
  });
  const context: build.BuildContext = {
    dates,
    locale: options.locale,
    labels,
    separators,
    // A citation of a hidden list would point nowhere: cite only what is on the page.
    cite: (id) => (shown.has('publications') ? publications.cite(id) : undefined),
  };

  const section = (key: SectionKey): Section => {
    const base = {
      id: `section-${key}`,
      title: options.sectionTitles[key],
      note: options.sectionNotes[key] ?? '',
    };
    const value = raw[key];
    // A section written as an object or text (`"skills": { "Languages": […] }`) is still shown.
    if (value !== undefined && !Array.isArray(value)) {
      return { ...base, key: 'other', entries: otherEntries(value, key) };
    }
    if (key === 'publications') return { key, ...base, entries: publications.entries };
    return builtSection(key, base, value, context);
  };

  // A top-level `"language": "de"` states the page's language: honoured above, not content.
  const statesLanguage = (key: string) =>
    LANGUAGE_KEYS.has(key) && supportedLocale(raw[key]) !== '';
  const label = (key: string) => fieldLabel(key, lang, labels);
  // Fields that are not JSON Resume sections follow the sections, titled with their key as words.
  const others: Section[] = Object.keys(raw)
    .filter(
      (key) =>
        !isSectionKey(key) && key !== 'basics' && !NOT_CONTENT.has(key) && !statesLanguage(key),
    )
    .map((key, index) => ({
      key: 'other',
      id: `section-other-${index + 1}`,
      title: label(key),
      note: '',
      entries: otherEntries(raw[key], key),
    }));

  return {
    lang,
    dir: textDirection(stated, prose.rtl),
    separators,
    title: documentTitle(header?.name ?? '', labels.cv),
    header: labelDetails(header, label),
    sections: labelDetails(
      [...options.sections.map(section), ...others].filter((s) => s.entries.length > 0),
      label,
    ),
    footer: options.pageFooter
      ? pageFooter(header?.name ?? '', str(obj(raw['meta'])['lastModified']), dates, labels)
      : null,
    style: {
      accentColor: options.accentColor,
      paper: options.paper,
      pageSize: PAPER_DIMENSIONS[options.paper].pageSize,
      pageMargin: PAPER_DIMENSIONS[options.paper].pageMargin,
    },
  };
}
