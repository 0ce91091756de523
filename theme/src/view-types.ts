/**
 * The view model: what the templates (and any other output, e.g. plain text or Markdown)
 * need, already decided. Plain strings are raw text (templates escape them); Markdown fields
 * come as `RichText` with source, safe HTML and plain text. Empty means '' / [] / null, never
 * undefined, so `{{#if}}` is the only logic a template needs.
 */
import type { Detail } from './details';
import type { Separators } from './labels';
import type { RichText } from './markdown';
import type { PaperDimensions } from './paper';
import type { PaperSize, PublicationStatus } from './types';

export type { Detail, RichText };

/** Facts without a designed place, shown as "key: value" on the entry's details line. */
interface WithDetails {
  details: Detail[];
}

/** Text that may be a link; `href` is '' when the URL is missing or not allowed. */
export interface Link {
  text: string;
  href: string;
}

/** An item of the header's contact line. */
export interface Contact extends Link {
  /** Inline SVG markup from the build, or '' when `themeOptions.icons` is false. */
  icon: string;
}

/** The two head lines shared by dated entries. */
export interface EntryHead {
  /** Bold, left of line 1 (position, degree, award, project name). */
  title: Link;
  /** Flush right on line 1, e.g. "Aug 2019 – Jul 2022"; '' when undated. */
  dates: string;
  /** Line 2, left: the organisation or institution. */
  org: Link;
  /** Line 2, after the organisation: a unit, advisor, awarder… */
  detail: string;
  /** Flush right on line 2: the place. */
  place: string;
  /** Whether line 2 has anything to show. */
  hasSecondLine: boolean;
}

export interface Header extends WithDetails {
  name: string;
  label: string;
  /** A safe image URL, or ''. */
  image: string;
  /** Email, phones, website, profiles, location, in that order. */
  contacts: Contact[];
  summary: RichText | null;
}

export interface SubProjectEntry extends WithDetails {
  /** 1-based position within its parent entry ("#1"). */
  number: number;
  name: Link;
  type: string;
  summary: RichText | null;
  highlights: RichText[];
  keywords: string[];
}

/** Work and volunteering. */
export interface ExperienceEntry extends WithDetails {
  head: EntryHead;
  summary: RichText | null;
  /** Flat bullets; empty when `projects` is shown in their place. */
  highlights: RichText[];
  projects: SubProjectEntry[];
  /** Taller than half a page: may break between its bullets rather than move whole. */
  breaksBetweenBullets: boolean;
}

export interface EducationEntry extends WithDetails {
  /** Line 2 detail holds the advisor and the score, for layout. */
  head: EntryHead;
  advisor: string;
  /** e.g. "GPA 3.77/4.00, Rank 1/92". */
  score: string;
  courses: string[];
  /** "Courses: a, b" in the page's language, or ''. */
  coursesLine: string;
}

export interface Author {
  name: string;
  /** This author is the résumé owner (shown emphasised). */
  isOwner: boolean;
}

export interface PublicationStatusView {
  key: PublicationStatus | 'other';
  /** Human label, e.g. "under review". */
  label: string;
}

export interface PublicationEntry extends WithDetails {
  /** 1-based number shown as "[n]"; cross-references use the same number. */
  number: number;
  /** The element id, e.g. "pub-regrpo". */
  anchor: string;
  title: Link;
  /** The authors to print: all, or a shortened list (see `maxAuthors`) with "…" for a gap. */
  authors: Author[];
  /** " et al." in the page's language when authors after the last one printed are left out, else ''. */
  etAl: string;
  /** Venue and year ("ICML 2026"), or the publisher and date when there is no venue. */
  venue: string;
  status: PublicationStatusView | null;
  /** "4/4/4/5", or '' when absent or hidden by `hideReviewScores`. */
  scores: string;
  /** "scores 4/4/4/5" in the page's language, or ''. */
  scoresMark: string;
  distinctions: string[];
  firstAuthor: boolean;
  /** "first author" in the page's language, or ''. */
  firstAuthorMark: string;
  /** More links to the work (`links`: "arXiv", "code", "pdf"…), each named as the résumé names it. */
  links: Link[];
  summary: RichText | null;
}

/** A citation of a publication from another entry: "[3]" linking to `#anchor`. */
export interface PublicationRef {
  number: number;
  anchor: string;
}

export interface ProjectEntry extends WithDetails {
  name: Link;
  refs: PublicationRef[];
  type: string;
  dates: string;
  /** Entity and roles, e.g. "Acme Labs · Lead developer". */
  detail: string;
  description: RichText | null;
  highlights: RichText[];
  keywords: string[];
}

export interface AwardEntry extends WithDetails {
  title: string;
  awarder: string;
  /** e.g. "2022" or "Mar 2022". */
  date: string;
  summary: RichText | null;
}

export interface CertificateEntry extends WithDetails {
  name: Link;
  issuer: string;
  date: string;
}

export interface SkillEntry extends WithDetails {
  name: string;
  level: string;
  keywords: string[];
}

export interface LanguageEntry extends WithDetails {
  language: string;
  fluency: string;
}

export interface InterestEntry extends WithDetails {
  name: string;
  keywords: string[];
}

export interface ReferenceEntry extends WithDetails {
  name: string;
  reference: RichText | null;
}

/** A top-level field that is not a JSON Resume section: its items, each as text and details. */
export interface OtherEntry extends WithDetails {
  text: string;
}

/** The entries of each kind of section. */
export interface SectionEntries {
  education: EducationEntry;
  publications: PublicationEntry;
  work: ExperienceEntry;
  projects: ProjectEntry;
  volunteer: ExperienceEntry;
  awards: AwardEntry;
  certificates: CertificateEntry;
  skills: SkillEntry;
  languages: LanguageEntry;
  interests: InterestEntry;
  references: ReferenceEntry;
  other: OtherEntry;
}

export interface SectionOf<K extends keyof SectionEntries> {
  key: K;
  /** The element id, e.g. "section-work"; unique in the page. */
  id: string;
  title: string;
  /** A line under the title, or ''. */
  note: string;
  /** Never empty: a section without entries is left out of `sections`. */
  entries: SectionEntries[K][];
}

export type Section = { [K in keyof SectionEntries]: SectionOf<K> }[keyof SectionEntries];

export interface ViewModel {
  /** The document language (BCP 47): `themeOptions.locale`, else guessed from the text's script. */
  lang: string;
  /** Right to left for Arabic, Hebrew, Persian… résumés. */
  dir: 'ltr' | 'rtl';
  /** Punctuation in the page's language: "、" between list items in Chinese, "（…）" around notes. */
  separators: Separators;
  /** The document title: "Name — CV", or "CV". */
  title: string;
  /** Null when `basics` has nothing to show. */
  header: Header | null;
  /** Non-empty sections in display order. */
  sections: Section[];
  /** The foot of every printed page; null when `themeOptions.pageFooter` is false. */
  footer: PageFooter | null;
  style: {
    /** A validated hex colour. */
    accentColor: string;
    paper: PaperSize;
    /** The CSS `@page` size for `paper`. */
    pageSize: PaperDimensions['pageSize'];
    /** The CSS `@page` margin for `paper`. */
    pageMargin: string;
  };
}

/** The name and "updated <month year>", shown beside the page number. */
export interface PageFooter {
  text: string;
}
