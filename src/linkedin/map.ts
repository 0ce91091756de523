/**
 * LinkedIn's CSV files → the sections of a résumé. Each item keeps the file and line it came
 * from, for messages. Descriptions are split into a summary and highlights at their bullets,
 * dates become ISO dates, an ongoing position has no end date, a skill listed twice is kept once.
 * Connections, recommendations, the birth date and the postal address are never read.
 */
import type {
  Award,
  Basics,
  Certificate,
  Education,
  Language,
  Location,
  Project,
  Publication,
  Skill,
  Volunteer,
  Work,
} from 'jsonresume-theme-camera-ready';
import type { Diagnostic, MessageText } from '../resume/diagnostics.js';
import { readCsv, type ArchiveFile, type CsvRow, type LinkedInFile } from './archive.js';
import { linkedInText } from './messages.js';

export interface Sourced<T> {
  item: T;
  file: string;
  line: number;
}

export interface LinkedInSections {
  work: Sourced<Work>[];
  volunteer: Sourced<Volunteer>[];
  education: Sourced<Education>[];
  awards: Sourced<Award>[];
  certificates: Sourced<Certificate>[];
  publications: Sourced<Publication>[];
  skills: Sourced<Skill>[];
  languages: Sourced<Language>[];
  projects: Sourced<Project>[];
}
export type SectionName = keyof LinkedInSections;

export interface LinkedInData {
  basics: Basics;
  sections: LinkedInSections;
}

export interface MappedExport {
  data: LinkedInData;
  /** Problems by the file they are in (its shownAs name). */
  diagnostics: Map<string, Diagnostic[]>;
}

/** The column whose presence marks each file's header row. */
const KEY_COLUMN: Record<LinkedInFile, string> = {
  'Profile.csv': 'First Name',
  'Email Addresses.csv': 'Email Address',
  'PhoneNumbers.csv': 'Number',
  'Positions.csv': 'Company Name',
  'Education.csv': 'School Name',
  'Skills.csv': 'Name',
  'Languages.csv': 'Name',
  'Certifications.csv': 'Name',
  'Projects.csv': 'Title',
  'Publications.csv': 'Name',
  'Honors.csv': 'Title',
  'Volunteering.csv': 'Company Name',
};

const BULLET = /^(?:[•●▪◦‣∙·*\-–—]|\d{1,2}[.)])\s+/;

/** "Intro.\n• one\n• two" → summary "Intro.", highlights ["one", "two"]. */
export function splitBullets(text: string): { summary?: string; highlights?: string[] } {
  const summary: string[] = [];
  const highlights: string[] = [];
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    if (BULLET.test(line)) highlights.push(line.replace(BULLET, ''));
    // A line after a bullet, without a mark of its own, continues that bullet.
    else if (highlights.length > 0) highlights[highlights.length - 1] += ` ${line}`;
    else summary.push(line);
  }
  return {
    ...(summary.length > 0 && { summary: summary.join('\n') }),
    ...(highlights.length > 0 && { highlights }),
  };
}

class FileReader {
  readonly problems: Diagnostic[] = [];
  constructor(readonly file: ArchiveFile) {}

  warn(row: CsvRow, column: string, text: MessageText): void {
    this.problems.push({ severity: 'warning', path: column, line: row.line, column: 1, ...text });
  }

  date(row: CsvRow, column: string): string | undefined {
    const value = row.get(column);
    if (value === '') return undefined;
    const date = isoDate(value);
    if (date === undefined) this.warn(row, column, linkedInText.badDate(column, value));
    return date;
  }

  /** A web address; LinkedIn keeps what people type, often without the scheme. */
  url(row: CsvRow, column: string): string | undefined {
    const value = row.get(column);
    if (value === '') return undefined;
    const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`;
    if (/^https?:\/\/[^\s/.]+\.[^\s]+$/i.test(withScheme) && URL.canParse(withScheme))
      return withScheme;
    this.warn(row, column, linkedInText.badUrl(column, value));
    return undefined;
  }

  /** The item of a row; none for a row without its main field (a blank line LinkedIn left). */
  sourced<T extends object>(row: CsvRow, main: keyof T, item: T): Sourced<T> | undefined {
    const kept = compact(item);
    return kept[main] === undefined
      ? undefined
      : { item: kept, file: this.file.shownAs, line: row.line };
  }
}

type Rows = { reader: FileReader; rows: CsvRow[] } | undefined;

export function mapExport(files: readonly ArchiveFile[]): MappedExport {
  const diagnostics = new Map<string, Diagnostic[]>();
  const tables = new Map<LinkedInFile, Rows>();
  for (const file of files) {
    const reader = new FileReader(file);
    const table = readCsv(file.text, KEY_COLUMN[file.name]);
    if (table.ok) tables.set(file.name, { reader, rows: table.rows });
    else {
      const text =
        table.problem === 'syntax'
          ? linkedInText.syntax(table.detail)
          : table.problem === 'no-header'
            ? linkedInText.noHeader(table.detail)
            : linkedInText.fieldCount(table.detail);
      reader.problems.push({
        severity: 'error',
        path: '(file)',
        line: table.line,
        column: 1,
        ...text,
      });
    }
    diagnostics.set(file.shownAs, reader.problems);
  }
  const each = <T>(name: LinkedInFile, map: (row: CsvRow, reader: FileReader) => T | undefined) => {
    const table = tables.get(name);
    if (!table) return [];
    return table.rows.flatMap((row) => {
      const item = map(row, table.reader);
      return item === undefined ? [] : [item];
    });
  };

  const sections: LinkedInSections = {
    work: each('Positions.csv', (row, r) =>
      r.sourced(row, 'name', {
        name: row.get('Company Name'),
        position: row.get('Title'),
        location: row.get('Location'),
        startDate: r.date(row, 'Started On'),
        endDate: r.date(row, 'Finished On'),
        ...splitBullets(row.get('Description')),
      }),
    ),
    volunteer: each('Volunteering.csv', (row, r) =>
      r.sourced(row, 'organization', {
        organization: row.get('Company Name'),
        position: row.get('Role'),
        startDate: r.date(row, 'Started On'),
        endDate: r.date(row, 'Finished On'),
        ...splitBullets(row.get('Description')),
      }),
    ),
    education: each('Education.csv', (row, r) =>
      r.sourced(row, 'institution', {
        institution: row.get('School Name'),
        studyType: row.get('Degree Name'),
        startDate: r.date(row, 'Start Date'),
        endDate: r.date(row, 'End Date'),
      }),
    ),
    awards: each('Honors.csv', (row, r) =>
      r.sourced(row, 'title', {
        title: row.get('Title'),
        date: r.date(row, 'Issued On'),
        summary: row.get('Description'),
      }),
    ),
    certificates: each('Certifications.csv', (row, r) =>
      r.sourced(row, 'name', {
        name: row.get('Name'),
        issuer: row.get('Authority'),
        date: r.date(row, 'Started On'),
        url: r.url(row, 'Url'),
      }),
    ),
    publications: each('Publications.csv', (row, r) =>
      r.sourced(row, 'name', {
        name: row.get('Name'),
        publisher: row.get('Publisher'),
        releaseDate: r.date(row, 'Published On'),
        url: r.url(row, 'Url'),
        summary: row.get('Description'),
      }),
    ),
    skills: each('Skills.csv', (row, r) => r.sourced(row, 'name', { name: row.get('Name') })),
    languages: each('Languages.csv', (row, r) =>
      r.sourced(row, 'language', { language: row.get('Name'), fluency: row.get('Proficiency') }),
    ),
    projects: each('Projects.csv', (row, r) => {
      const { summary, highlights } = splitBullets(row.get('Description'));
      return r.sourced(row, 'name', {
        name: row.get('Title'),
        description: summary,
        highlights,
        url: r.url(row, 'Url'),
        startDate: r.date(row, 'Started On'),
        endDate: r.date(row, 'Finished On'),
      });
    }),
  };
  const rows = (name: LinkedInFile) => tables.get(name)?.rows ?? [];
  return { data: { basics: basicsOf(rows), sections }, diagnostics };
}

/**
 * LinkedIn's dates as JSON Resume's ISO dates. Its exports write "Feb 2022" and "2014" for
 * positions and education, "6/1/15" (month/day/two-digit year, US order) in older files, and
 * "01 Jan 2024" or ISO dates in some columns.
 */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const two = (n: number) => String(n).padStart(2, '0');

function monthOf(word: string): number | undefined {
  const index = MONTHS.indexOf(word.slice(0, 3).toLowerCase());
  return index < 0 ? undefined : index + 1;
}

function valid(year: number, month?: number, day?: number): boolean {
  if (year < 1000 || year > 2999) return false;
  if (month !== undefined && (month < 1 || month > 12)) return false;
  if (day === undefined || month === undefined) return true;
  return day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(year: number, month?: number, day?: number): string | undefined {
  if (!valid(year, month, day)) return undefined;
  return [String(year), month && two(month), day && two(day)].filter(Boolean).join('-');
}

/** Two-digit years: LinkedIn started in 2003, so 00–69 are this century. */
const fullYear = (text: string) =>
  text.length === 2 ? 2000 + Number(text) - (Number(text) >= 70 ? 100 : 0) : Number(text);

/** The ISO date for `text`, undefined when it is empty or not a date LinkedIn writes. */
export function isoDate(text: string): string | undefined {
  const value = text.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value)))
    return iso(Number(m[1]), m[2] ? Number(m[2]) : undefined, m[3] ? Number(m[3]) : undefined);
  if ((m = /^([A-Za-z]{3,9})\.? (\d{4})$/.exec(value))) {
    const month = monthOf(m[1]!);
    return month ? iso(Number(m[2]), month) : undefined;
  }
  if ((m = /^(\d{1,2}) ([A-Za-z]{3,9})\.? (\d{4})$/.exec(value))) {
    const month = monthOf(m[2]!);
    return month ? iso(Number(m[3]), month, Number(m[1])) : undefined;
  }
  if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(value)))
    return iso(fullYear(m[3]!), Number(m[1]), Number(m[2]));
  return undefined;
}

/** An item without its empty fields. */
function compact<T extends object>(item: T): T {
  return Object.fromEntries(
    Object.entries(item).filter(([, value]) => value !== undefined && value !== ''),
  ) as T;
}

const regionCodes = (() => {
  const names = new Intl.DisplayNames('en', { type: 'region' });
  const codes = new Map<string, string>();
  for (let a = 65; a <= 90; a++)
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const name = names.of(code);
      if (name && name !== code) codes.set(name.toLowerCase(), code);
    }
  return codes;
})();

/** "Lyon, Auvergne-Rhône-Alpes, France" → city, region and country code. */
function locationOf(text: string): Location | undefined {
  const parts = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length === 0) return undefined;
  const countryCode = regionCodes.get(parts.at(-1)!.toLowerCase());
  if (countryCode) parts.pop();
  const [city, ...rest] = parts;
  return compact({ city, region: rest.join(', ') || undefined, countryCode });
}

/**
 * LinkedIn's profile as `basics`: name, headline, summary, the first website, the place (the
 * country's name turned into its code), the address marked primary, the phone numbers. The birth
 * date, postal address, maiden name and messenger handles in Profile.csv are never read.
 */
function basicsOf(rows: (file: LinkedInFile) => CsvRow[]): Basics {
  const [profile] = rows('Profile.csv').map((row) => {
    const websites = row.get('Websites');
    // "[PERSONAL:https://a.example,BLOG:https://b.example]": the first address.
    const site = /https?:\/\/[^\s,\]]+/.exec(websites)?.[0];
    return compact({
      name: [row.get('First Name'), row.get('Last Name')].filter(Boolean).join(' '),
      label: row.get('Headline'),
      summary: row.get('Summary'),
      url: site && URL.canParse(site) ? site : undefined,
      location: locationOf(row.get('Geo Location')),
    } satisfies Basics);
  });
  const emails = rows('Email Addresses.csv')
    .map((row) => ({
      address: row.get('Email Address'),
      primary: /^yes$/i.test(row.get('Primary')),
    }))
    .filter((e) => e.address !== '');
  const email = (emails.find((e) => e.primary) ?? emails[0])?.address;
  const phones = [
    ...new Set(
      rows('PhoneNumbers.csv')
        .map((row) =>
          [row.get('Number'), row.get('Extension') && `ext. ${row.get('Extension')}`]
            .filter(Boolean)
            .join(' '),
        )
        .filter(Boolean),
    ),
  ];
  return compact({
    ...profile,
    email,
    phone: phones.length > 0 ? phones.join(' / ') : undefined,
    phones: phones.length > 1 ? phones : undefined,
  });
}
