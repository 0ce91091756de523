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
  Project,
  Publication,
  Skill,
  Volunteer,
  Work,
} from 'jsonresume-theme-camera-ready';
import type { Diagnostic, MessageText } from '../resume/diagnostics.js';
import type { ArchiveFile, LinkedInFile } from './archive.js';
import { readCsv, type CsvRow } from './csv.js';
import { isoDate } from './dates.js';
import { linkedInText } from './messages.js';
import { basicsOf, compact } from './profile.js';

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
