/**
 * The résumé as this project reads it: JSON Resume 1.3.1 (every field optional) plus the
 * camera-ready extensions. This file is the one source of résumé types for the theme and the
 * tooling; `schema/extensions.schema.json` describes the same extensions for validators and
 * editors, and a test keeps the two in agreement.
 */

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as the official schema allows. */
export type IsoDate = string;

/**
 * JSON Resume allows fields beyond its schema's everywhere (pre-1.0 names such as `company`,
 * other themes' extensions): every object type accepts them, typed as unknown.
 */
export interface Open {
  [field: string]: unknown;
}

/**
 * One of the values the schema lists, or any other string: a résumé imported from a JSON file
 * types its strings as `string`, and the theme shows an unknown value as written.
 */
export type OneOf<T extends string> = T | (string & Record<never, never>);

/** An author written as an object: the name is shown in the list, the rest as details. */
export interface PublicationAuthor extends Open {
  name: string;
  url?: string;
}

/** Extension: free-form labels used by variants to include or drop entries. */
export interface Tagged extends Open {
  tags?: string[];
}

/** Extension: the end date is expected, not yet reached (shown as "… (expected)"). */
export interface Dated extends Open {
  startDate?: IsoDate;
  endDate?: IsoDate;
  expected?: boolean;
}

export interface Location extends Open {
  address?: string;
  postalCode?: string;
  city?: string;
  countryCode?: string;
  region?: string;
}

export interface Profile extends Open {
  network?: string;
  username?: string;
  url?: string;
}

export interface Basics extends Open {
  name?: string;
  label?: string;
  image?: string;
  email?: string;
  /** Human text; may hold several numbers for themes that know only this field. */
  phone?: string;
  /** Extension: each phone number on its own, so each can become a `tel:` link. */
  phones?: string[];
  url?: string;
  summary?: string;
  location?: Location;
  profiles?: Profile[];
}

/** Extension: a named project nested inside a position (shown in place of `highlights`). */
export interface SubProject extends Open {
  name: string;
  /** Short kind of system, e.g. "Agent Application". */
  type?: string;
  summary?: string;
  highlights?: string[];
  url?: string;
  keywords?: string[];
}

export interface Work extends Dated, Tagged {
  name?: string;
  location?: string;
  description?: string;
  position?: string;
  url?: string;
  summary?: string;
  /** Flat bullets for every theme; camera-ready shows `projects` instead when present. */
  highlights?: string[];
  /** Extension: named sub-projects of this position. */
  projects?: SubProject[];
}

export interface Volunteer extends Dated, Tagged {
  organization?: string;
  position?: string;
  url?: string;
  summary?: string;
  highlights?: string[];
}

export interface Education extends Dated, Tagged {
  institution?: string;
  url?: string;
  /** Human text; may include the advisor for themes that know only this field. */
  area?: string;
  studyType?: string;
  score?: string;
  courses?: string[];
  /** Extension: the field of study alone; camera-ready shows it in place of `area`. */
  field?: string;
  /** Extension: the thesis advisor. */
  advisor?: string;
  /** Extension: where the institution is, e.g. "Beijing, China", or a `Location`. */
  location?: string | Location;
}

export interface Award extends Tagged {
  title?: string;
  date?: IsoDate;
  awarder?: string;
  summary?: string;
}

export interface Certificate extends Tagged {
  name?: string;
  date?: IsoDate;
  url?: string;
  issuer?: string;
}

export const PUBLICATION_STATUSES = [
  'published',
  'accepted',
  'under-review',
  'in-preparation',
  'preprint',
] as const;

export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];

export interface Publication extends Tagged {
  name?: string;
  /** Human text: venue, year, status, scores, so every theme shows them. */
  publisher?: string;
  releaseDate?: IsoDate;
  url?: string;
  summary?: string;
  /** Extension: a stable key other entries use to cite this publication. */
  id?: string;
  /** Extension: where the work stands. */
  status?: OneOf<PublicationStatus>;
  /** Extension: short venue name, e.g. "ICML"; camera-ready shows it in place of `publisher`. */
  venue?: string;
  /**
   * Extension: author list in order; the résumé owner's name is emphasised. Names, or objects
   * with a name as academic CV tools write them (`{ "name": …, "url": … }`).
   */
  authors?: (string | PublicationAuthor)[];
  /** Extension: the résumé owner is the first author. */
  firstAuthor?: boolean;
  /** Extension: reviewers' scores, in the order received. */
  scores?: number[];
  /** Extension: e.g. "long oral", "top 15%". */
  distinctions?: string[];
  /** Extension: more links to the work beside `url`, by name: "arXiv", "code", "pdf", "html". */
  links?: Record<string, string>;
}

export interface Skill extends Tagged {
  name?: string;
  level?: string;
  keywords?: string[];
}

export interface Language extends Open {
  language?: string;
  fluency?: string;
}

export interface Interest extends Open {
  name?: string;
  keywords?: string[];
}

export interface Reference extends Open {
  name?: string;
  reference?: string;
}

export interface Project extends Dated, Tagged {
  name?: string;
  description?: string;
  highlights?: string[];
  keywords?: string[];
  url?: string;
  roles?: string[];
  entity?: string;
  type?: string;
  /** Extension: `id`s of the publications this project produced, shown as [n]. */
  publications?: string[];
}

export const PAPER_SIZES = ['a4', 'letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

export const SECTION_KEYS = [
  'education',
  'publications',
  'work',
  'projects',
  'volunteer',
  'awards',
  'certificates',
  'skills',
  'languages',
  'interests',
  'references',
] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

/** Extension: options camera-ready reads from `meta.themeOptions`. */
export interface ThemeOptions extends Open {
  /** CSS colour for headings, rules and links, e.g. "#1f4e79". */
  accentColor?: string;
  paper?: OneOf<PaperSize>;
  /** Sections in the order to show them; sections left out are hidden. */
  sections?: OneOf<SectionKey>[];
  /** Replacement titles, e.g. { "work": "Research & Work Experience" }. */
  sectionTitles?: Partial<Record<SectionKey, string>>;
  /** A line shown under a section's title, e.g. { "publications": "First-author works" }. */
  sectionNotes?: Partial<Record<SectionKey, string>>;
  hideReviewScores?: boolean;
  /** Author lists longer than this print shortened around the owner ("… et al."); 0 or absent: never. */
  maxAuthors?: number;
  /** The name, "page / pages" and "updated <month year>" at the foot of every printed page; default true. */
  pageFooter?: boolean;
  /** An icon before each contact (email, phone, web, place, the profile's network); default true. */
  icons?: boolean;
  /** BCP 47 locale for dates, e.g. "en", "en-GB", "de". */
  locale?: string;
}

/**
 * Extension: a named selection of the résumé (e.g. a one-page industry CV). Applying it yields a
 * standard JSON Resume, so every theme can render it.
 */
export interface Variant {
  description?: string;
  /** Entries that carry tags are kept only when one of their tags is listed; untagged entries stay. */
  includeTags?: string[];
  /** Entries carrying any of these tags are dropped (wins over `includeTags`). */
  excludeTags?: string[];
  /** Bullets (highlights, also of sub-projects) whose text contains any of these are dropped. */
  excludeHighlights?: string[];
  /** Sections in the order to show them; every other section is removed from the variant. */
  sections?: OneOf<SectionKey>[];
  /** Merged over `meta.themeOptions` (`sectionTitles` and `sectionNotes` key by key). */
  themeOptions?: ThemeOptions;
  /** Most PDF pages the variant may take; the export fails when it needs more. */
  pageBudget?: number;
  /**
   * Each publication reduced to its title and one "Venue Year (status)" line: summary, authors,
   * scores, distinctions and the first-author mark are dropped.
   */
  condensePublications?: boolean;
}

export interface Meta extends Open {
  canonical?: string;
  version?: string;
  lastModified?: string;
  theme?: string;
  themeOptions?: ThemeOptions;
  /** Extension: named variants, keyed by a file-name-safe name such as "industry". */
  variants?: Record<string, Variant>;
}

export interface Resume extends Open {
  $schema?: string;
  basics?: Basics;
  work?: Work[];
  volunteer?: Volunteer[];
  education?: Education[];
  awards?: Award[];
  certificates?: Certificate[];
  publications?: Publication[];
  skills?: Skill[];
  languages?: Language[];
  interests?: Interest[];
  references?: Reference[];
  projects?: Project[];
  meta?: Meta;
}
