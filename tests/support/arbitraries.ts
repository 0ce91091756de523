/**
 * fast-check generators for schema-valid résumés with the camera-ready extensions: every section
 * optional, empty arrays, long and unbroken strings, CJK, right-to-left scripts, emoji, combining
 * marks, dates of every allowed shape.
 *
 * Generated text never contains the letters f, j, I or N, nor `#` (so no character reference such
 * as `&#102;` can spell one either). The words a broken template leaks (`undefined`,
 * `[object Object]`, `NaN`, `Invalid Date`) each need one of those letters, so when they show up in
 * the output the theme wrote them, not the data. (The fixed vocabularies — section names, locales,
 * hex colours, the theme's name — do use those letters, but none of them holds one of the words.)
 */
import fc from 'fast-check';
import type {
  Award,
  Basics,
  Certificate,
  Education,
  Interest,
  Language,
  Meta,
  Profile,
  Project,
  Publication,
  Reference,
  Resume,
  Skill,
  SubProject,
  ThemeOptions,
  Volunteer,
  Work,
} from 'jsonresume-theme-camera-ready';
import { theme } from './theme.js';

const { PAPER_SIZES, SECTION_KEYS } = theme;

/** Words the output must never contain; see the note above on why the data cannot. */
export const FORBIDDEN = ['undefined', '[object Object]', 'NaN', 'Invalid Date'] as const;

const LATIN = 'abcdeghiklmnopqrstuvwxyzABCDEFGHJKLMOPQRSTUVWXYZ0123456789';
const PUNCTUATION = [...'.,;:!?()-–—/@%+=*_~\'"<>&[]{}|\\`^$'];

const latinWord = fc.string({ unit: fc.constantFrom(...LATIN), minLength: 1, maxLength: 12 });

/** Whole graphemes (never a lone surrogate or a mark without its base). */
const WORLD = [
  '研究',
  '计算机视觉',
  '東京大学',
  'ロボット',
  '한국어',
  '이력서', // CJK
  'مرحبا',
  'جامعة',
  'שלום',
  'אוניברסיטה',
  '\u202Bمن اليمين\u202C', // right-to-left, with embedding
  '😀',
  '🎓',
  '📄',
  '👩‍🔬',
  '🇸🇬',
  '👍🏽', // emoji: ZWJ sequence, flag, skin tone
  'e\u0301',
  'a\u0308o\u0308',
  'Z\u0335\u0327a\u0336',
  'क्ष',
  'ñ', // combining marks
  '\u200B',
  '\u00A0',
  '\u2028', // zero-width space, no-break space, line separator
];

const token = fc.oneof(
  { weight: 6, arbitrary: latinWord },
  { weight: 2, arbitrary: fc.constantFrom(...WORLD) },
  { weight: 1, arbitrary: fc.constantFrom(...PUNCTUATION) },
);

/** Ordinary text: a few tokens, sometimes none. */
export const text = fc.array(token, { maxLength: 8 }).map((tokens) => tokens.join(' '));

/** Text with at least one visible character. */
export const nonEmptyText = fc.array(token, { minLength: 1, maxLength: 8 }).map((tokens) => {
  const joined = tokens.join(' ');
  return joined.trim() === '' ? 'x' : joined;
});

/** Very long text: thousands of characters, or one word with no place to break. */
const longText = fc.oneof(
  fc.array(token, { minLength: 300, maxLength: 800 }).map((tokens) => tokens.join(' ')),
  fc.integer({ min: 200, max: 2000 }).map((length) => 'W'.repeat(length)),
  fc.integer({ min: 50, max: 400 }).map((length) => '研'.repeat(length)),
);

/** Inline Markdown as résumé authors write it. */
const markdownPiece = fc.oneof(
  { weight: 4, arbitrary: token },
  { weight: 1, arbitrary: latinWord.map((word) => `**${word}**`) },
  { weight: 1, arbitrary: latinWord.map((word) => `*${word}*`) },
  { weight: 1, arbitrary: latinWord.map((word) => `\`${word}\``) },
  { weight: 1, arbitrary: latinWord.map((word) => `[${word}](https://example.org/${word})`) },
);
const markdown = fc.oneof(
  {
    weight: 9,
    arbitrary: fc.array(markdownPiece, { maxLength: 12 }).map((pieces) => pieces.join(' ')),
  },
  { weight: 1, arbitrary: longText },
);

/** Any string field: mostly ordinary, sometimes very long. */
const field = fc.oneof({ weight: 19, arbitrary: text }, { weight: 1, arbitrary: longText });

const label = fc.string({
  unit: fc.constantFrom(...'abcdeghklmopqrstuvwxyz0123456789'),
  minLength: 1,
  maxLength: 10,
});
const tld = fc.constantFrom('com', 'org', 'edu', 'sg', 'cn', 'io');

export const url = fc
  .tuple(label, tld, fc.array(label, { maxLength: 3 }))
  .map(([host, top, path]) => `https://${host}.${top}${path.map((part) => `/${part}`).join('')}`);

export const email = fc
  .tuple(label, label, tld)
  .map(([user, host, top]) => `${user}@${host}.${top}`);

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const pad = (value: number): string => String(value).padStart(2, '0');

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a real calendar day), years 1000–2999 as the schema allows. */
export const isoDate = fc.oneof(
  fc.integer({ min: 1000, max: 2999 }).map(String),
  fc
    .tuple(fc.integer({ min: 1000, max: 2999 }), fc.integer({ min: 1, max: 12 }))
    .map(([year, month]) => `${year}-${pad(month)}`),
  fc
    .tuple(fc.integer({ min: 1000, max: 2999 }), fc.integer({ min: 1, max: 12 }), fc.nat())
    .map(([year, month, day]) => {
      const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
      const days = month === 2 && !leap ? 28 : (DAYS_IN_MONTH[month - 1] ?? 28);
      return `${year}-${pad(month)}-${pad((day % days) + 1)}`;
    }),
);

const list = <T>(item: fc.Arbitrary<T>, maxLength = 4): fc.Arbitrary<T[]> =>
  fc.array(item, { maxLength });
const strings = list(field);
const tags = fc.array(nonEmptyText, { maxLength: 3 });

/** Every key optional: any subset of the fields may be missing. */
function entry<T>(fields: { [K in keyof T]: fc.Arbitrary<T[K]> }): fc.Arbitrary<T> {
  return fc.record(fields, { requiredKeys: [] }) as fc.Arbitrary<T>;
}

const dated = { startDate: isoDate, endDate: isoDate, expected: fc.boolean() };

const profile = entry<Profile>({ network: field, username: field, url });

const basics = entry<Basics>({
  name: field,
  label: field,
  image: url,
  email,
  phone: field,
  phones: fc.array(nonEmptyText, { maxLength: 3 }),
  url,
  summary: markdown,
  location: entry({
    address: field,
    postalCode: field,
    city: field,
    countryCode: field,
    region: field,
  }),
  profiles: list(profile),
});

const subProject = fc.record(
  {
    name: nonEmptyText,
    type: field,
    summary: markdown,
    highlights: list(markdown),
    url,
    keywords: strings,
  },
  { requiredKeys: ['name'] },
) as fc.Arbitrary<SubProject>;

const work = entry<Work>({
  name: field,
  location: field,
  description: field,
  position: field,
  url,
  summary: markdown,
  highlights: list(markdown),
  projects: list(subProject, 3),
  tags,
  ...dated,
});

const volunteer = entry<Volunteer>({
  organization: field,
  position: field,
  url,
  summary: markdown,
  highlights: list(markdown),
  tags,
  ...dated,
});

const education = entry<Education>({
  institution: field,
  url,
  area: field,
  studyType: field,
  score: field,
  courses: strings,
  field,
  advisor: field,
  location: field,
  tags,
  ...dated,
});

const award = entry<Award>({
  title: field,
  date: isoDate,
  awarder: field,
  summary: markdown,
  tags,
});
const certificate = entry<Certificate>({ name: field, date: isoDate, url, issuer: field, tags });
const skill = entry<Skill>({ name: field, level: field, keywords: strings, tags });
const language = entry<Language>({ language: field, fluency: field });
const interest = entry<Interest>({ name: field, keywords: strings });
const reference = entry<Reference>({ name: field, reference: markdown });

/**
 * How a publication is keyed: not at all, uniquely, or from a small pool whose keys repeat or
 * differ only in case and punctuation (and so compete for the same HTML anchor).
 */
const idKind = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.constant({ kind: 'unique' as const }),
  fc
    .constantFrom('a', 'A', 'a-2', 'a.2', 'a:2', 'a_2', 'pub-a')
    .map((id) => ({ kind: 'pooled' as const, id })),
);

/** A publication; its `id` is assigned once the list exists (see `idKind`). */
const publication = fc
  .tuple(
    entry<Publication>({
      name: field,
      publisher: field,
      releaseDate: isoDate,
      url,
      summary: markdown,
      status: fc.constantFrom(
        'published',
        'accepted',
        'under-review',
        'in-preparation',
        'preprint',
      ),
      venue: field,
      authors: strings,
      firstAuthor: fc.boolean(),
      scores: fc.array(
        fc.integer({ min: 0, max: 20 }).map((half) => half / 2),
        { maxLength: 5 },
      ),
      distinctions: fc.array(nonEmptyText, { maxLength: 2 }),
      tags,
    }),
    idKind,
  )
  .map(([item, key]) => ({ item, key }));

/** A project, citing publications by index (turned into ids once the publications exist). */
const project = fc.tuple(
  entry<Omit<Project, 'publications'>>({
    name: field,
    description: markdown,
    highlights: list(markdown),
    keywords: strings,
    url,
    roles: strings,
    entity: field,
    type: field,
    tags,
    ...dated,
  }),
  fc.option(fc.array(fc.nat(), { maxLength: 3 }), { nil: undefined }),
);

const sectionText = fc
  .subarray([...SECTION_KEYS])
  .chain((keys) => fc.tuple(...keys.map((key) => fc.tuple(fc.constant(key), field))))
  .map((pairs) => Object.fromEntries(pairs));

const hex = fc.string({
  unit: fc.constantFrom(...'0123456789abcdefABCDEF'),
  minLength: 6,
  maxLength: 6,
});

const themeOptions = entry<ThemeOptions>({
  accentColor: fc.oneof(
    hex.map((value) => `#${value}`),
    hex.map((value) => `#${value.slice(0, 3)}`),
  ),
  paper: fc.constantFrom(...PAPER_SIZES),
  sections: fc.shuffledSubarray([...SECTION_KEYS]),
  sectionTitles: sectionText,
  sectionNotes: sectionText,
  hideReviewScores: fc.boolean(),
  // Real locales, and tags the schema's pattern allows but Intl rejects or does not know.
  locale: fc.constantFrom(
    'en',
    'en-GB',
    'de',
    'zh-CN',
    'ar',
    'he',
    'ja',
    'en-abc',
    'xx',
    'de-1996',
  ),
});

const meta = entry<Meta>({
  version: field,
  lastModified: field,
  theme: fc.constant('jsonresume-theme-camera-ready'),
  themeOptions,
});

export interface ResumeShape {
  /** How many publications to generate at most (and at least). */
  publications?: { minLength: number; maxLength: number };
}

/** A schema-valid résumé with the extensions; any section may be missing or empty. */
export function resumeArbitrary(shape: ResumeShape = {}): fc.Arbitrary<Resume> {
  const { minLength = 0, maxLength = 6 } = shape.publications ?? {};
  return fc
    .record(
      {
        basics,
        work: list(work),
        volunteer: list(volunteer, 2),
        education: list(education),
        awards: list(award),
        certificates: list(certificate, 2),
        publications: fc.array(publication, { minLength, maxLength }),
        skills: list(skill),
        languages: list(language, 3),
        interests: list(interest, 3),
        references: list(reference, 2),
        projects: list(project),
        meta,
      },
      { requiredKeys: minLength > 0 ? ['publications'] : [] },
    )
    .map(({ publications, projects, ...rest }) => {
      const resume: Resume = { ...rest };
      if (publications) {
        resume.publications = publications.map(({ item, key }, index) => {
          if (key.kind === 'none') return item;
          return { ...item, id: key.kind === 'unique' ? `p${index}` : key.id };
        });
      }
      const ids = (resume.publications ?? []).flatMap((item) => (item.id ? [item.id] : []));
      if (projects) {
        resume.projects = projects.map(([item, cited]) => {
          if (cited === undefined) return item;
          return {
            ...item,
            publications: ids.length === 0 ? [] : cited.map((n) => ids[n % ids.length] ?? ''),
          };
        });
      }
      return resume;
    });
}
