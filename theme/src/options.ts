/**
 * `meta.themeOptions`, checked and completed with defaults. Anything invalid is ignored rather
 * than rejected: a theme must render whatever it is given.
 */
import { PAPER_SIZES, SECTION_KEYS, type PaperSize, type SectionKey } from './types';
import { labelsFor, type Labels } from './labels';
import { obj, str } from './text';

export const DEFAULT_ACCENT = '#1f4e79';

export interface ResolvedOptions {
  /** A validated hex colour. */
  accentColor: string;
  paper: PaperSize;
  /** Sections to show, in order. */
  sections: SectionKey[];
  sectionTitles: Record<SectionKey, string>;
  sectionNotes: Partial<Record<SectionKey, string>>;
  hideReviewScores: boolean;
  /** Author lists longer than this print shortened around the owner; 0: never. */
  maxAuthors: number;
  /** The name, page number and date at the foot of every printed page. */
  pageFooter: boolean;
  /** An icon before each contact (email, phone, web, place, the profile's network). */
  icons: boolean;
  /** A canonical BCP 47 tag the runtime supports: the page's language. */
  locale: string;
  /** The theme's words in the locale's language (English when it has none). */
  labels: Labels;
}

const HEX_COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

function isSectionKey(value: string): value is SectionKey {
  return (SECTION_KEYS as readonly string[]).includes(value);
}

function isPaper(value: string): value is PaperSize {
  return (PAPER_SIZES as readonly string[]).includes(value);
}

function sectionOrder(value: unknown): SectionKey[] {
  if (!Array.isArray(value)) return [...SECTION_KEYS];
  const keys = value.map(str).filter(isSectionKey);
  return [...new Set(keys)];
}

/** A whole number of authors above 0, else 0 (never shorten). */
function authorLimit(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0;
}

function sectionText(value: unknown): Partial<Record<SectionKey, string>> {
  const result: Partial<Record<SectionKey, string>> = {};
  for (const [key, text] of Object.entries(obj(value))) {
    if (isSectionKey(key) && str(text) !== '') result[key] = str(text);
  }
  return result;
}

/** The options, for a page in `locale` (the one the résumé states or is written in). */
export function resolveOptions(themeOptions: unknown, locale: string): ResolvedOptions {
  const options = obj(themeOptions);
  const accent = str(options['accentColor']);
  const paper = str(options['paper']).toLowerCase();
  const labels = labelsFor(locale);
  return {
    accentColor: HEX_COLOUR.test(accent) ? accent : DEFAULT_ACCENT,
    paper: isPaper(paper) ? paper : 'a4',
    sections: sectionOrder(options['sections']),
    sectionTitles: { ...labels.sections, ...sectionText(options['sectionTitles']) },
    sectionNotes: sectionText(options['sectionNotes']),
    hideReviewScores: options['hideReviewScores'] === true,
    maxAuthors: authorLimit(options['maxAuthors']),
    pageFooter: options['pageFooter'] !== false,
    icons: options['icons'] !== false,
    locale,
    labels,
  };
}
