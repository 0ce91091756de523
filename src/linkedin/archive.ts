/**
 * The CSV files the import reads, taken from LinkedIn's archive (the zip, or the folder it unpacks
 * to), in memory and bounded: only the named files are read, each at most MAX_CSV_BYTES; an
 * archive of more than MAX_ENTRIES entries is refused before any is read. Nothing is unpacked to
 * disk, so no entry name can reach outside; yauzl refuses names that try (absolute, "..").
 * Then each file as rows keyed by column name (readCsv).
 */
import { lstat, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { CsvError, parse } from 'csv-parse/sync';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

export const LINKEDIN_FILES = [
  'Profile.csv',
  'Email Addresses.csv',
  'PhoneNumbers.csv',
  'Positions.csv',
  'Education.csv',
  'Skills.csv',
  'Languages.csv',
  'Certifications.csv',
  'Projects.csv',
  'Publications.csv',
  'Honors.csv',
  'Volunteering.csv',
] as const;
export type LinkedInFile = (typeof LINKEDIN_FILES)[number];

/** A full export (messages, every post) has a few thousand entries. */
export const MAX_ENTRIES = 50_000;
/** Far beyond any profile's file; bounds memory. */
export const MAX_CSV_BYTES = 16 * 1024 * 1024;

export interface ArchiveFile {
  name: LinkedInFile;
  /** How the file is named in messages: "export.zip/Positions.csv", "export/Positions.csv". */
  shownAs: string;
  text: string;
}

export type ArchiveProblem =
  | { kind: 'unreadable'; reason: string }
  | { kind: 'not-zip'; reason: string }
  | { kind: 'too-many-entries'; count: number }
  | { kind: 'too-large'; file: string; bytes: number }
  | { kind: 'not-utf8'; file: string }
  | { kind: 'not-a-file'; file: string }
  | { kind: 'no-linkedin-files' };

export type ArchiveRead =
  { ok: true; files: ArchiveFile[] } | { ok: false; problem: ArchiveProblem };

/** Whether `path` names a LinkedIn archive rather than a .bib file: a .zip, or a folder. */
export async function isArchivePath(path: string): Promise<boolean> {
  if (/\.zip$/i.test(path)) return true;
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}

/** The named file an entry or folder item is, by its base name, any case. */
function linkedInName(path: string): LinkedInFile | undefined {
  const name = basename(path).toLowerCase();
  return LINKEDIN_FILES.find((file) => file.toLowerCase() === name);
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function decode(bytes: Uint8Array): string | undefined {
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

export async function readArchive(path: string): Promise<ArchiveRead> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => error);
  if (info instanceof Error)
    return { ok: false, problem: { kind: 'unreadable', reason: info.code ?? info.message } };
  const read = info.isDirectory() ? await readFolder(path) : await readZip(path);
  if (read.ok && read.files.length === 0)
    return { ok: false, problem: { kind: 'no-linkedin-files' } };
  return read;
}

async function readFolder(folder: string): Promise<ArchiveRead> {
  const files: ArchiveFile[] = [];
  for (const name of LINKEDIN_FILES) {
    const path = join(folder, name);
    const info = await lstat(path).catch(() => undefined);
    if (!info) continue;
    if (!info.isFile()) return { ok: false, problem: { kind: 'not-a-file', file: path } };
    if (info.size > MAX_CSV_BYTES)
      return { ok: false, problem: { kind: 'too-large', file: path, bytes: info.size } };
    const text = decode(await readFile(path));
    if (text === undefined) return { ok: false, problem: { kind: 'not-utf8', file: path } };
    files.push({ name, shownAs: path, text });
  }
  return { ok: true, files };
}

function openZip(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(
      path,
      { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: true },
      (error, zip) => (error ? reject(error) : resolve(zip)),
    );
  });
}

/** The entries with the names the import reads, in the archive's root or one folder down. */
function wantedEntries(zip: ZipFile): Promise<Map<LinkedInFile, Entry>> {
  const wanted = new Map<LinkedInFile, Entry>();
  return new Promise((resolve, reject) => {
    zip.on('entry', (entry: Entry) => {
      const name = linkedInName(entry.fileName);
      const depth = entry.fileName.split('/').length;
      if (name && depth <= 2 && !wanted.has(name)) wanted.set(name, entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(wanted));
    zip.on('error', reject);
    zip.readEntry();
  });
}

function entryBytes(zip: ZipFile, entry: Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) return reject(error);
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', reject);
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}

async function readZip(path: string): Promise<ArchiveRead> {
  let zip: ZipFile;
  try {
    zip = await openZip(path);
  } catch (error) {
    return { ok: false, problem: { kind: 'not-zip', reason: (error as Error).message } };
  }
  try {
    if (zip.entryCount > MAX_ENTRIES)
      return { ok: false, problem: { kind: 'too-many-entries', count: zip.entryCount } };
    const files: ArchiveFile[] = [];
    for (const [name, entry] of await wantedEntries(zip)) {
      const shownAs = `${path}/${entry.fileName}`;
      // The declared size is checked here; yauzl checks the bytes against it while inflating.
      if (entry.uncompressedSize > MAX_CSV_BYTES)
        return {
          ok: false,
          problem: { kind: 'too-large', file: shownAs, bytes: entry.uncompressedSize },
        };
      const text = decode(await entryBytes(zip, entry));
      if (text === undefined) return { ok: false, problem: { kind: 'not-utf8', file: shownAs } };
      files.push({ name, shownAs, text });
    }
    // The order of LINKEDIN_FILES, whatever the archive's.
    files.sort((a, b) => LINKEDIN_FILES.indexOf(a.name) - LINKEDIN_FILES.indexOf(b.name));
    return { ok: true, files };
  } catch (error) {
    return { ok: false, problem: { kind: 'not-zip', reason: (error as Error).message } };
  } finally {
    zip.close();
  }
}

/**
 * One LinkedIn CSV file as rows keyed by column name, each with the line it starts on. The
 * parsing is csv-parse's (byte-order mark, CRLF, quoted commas and line breaks); what is added
 * here is finding the header row below a preamble (Connections.csv opens with "Notes:" and a
 * quoted paragraph) and locating every problem by line.
 */
export interface CsvRow {
  line: number;
  get(column: string): string;
}

export type CsvTable =
  | { ok: true; rows: CsvRow[] }
  | { ok: false; line: number; problem: 'syntax' | 'no-header' | 'field-count'; detail: string };

/**
 * Reads `text`; the header is the first record that has `keyColumn` (LinkedIn's column names are
 * fixed, but preambles before them have changed over the years).
 */
export function readCsv(text: string, keyColumn: string): CsvTable {
  // One kind of line end, so csv-parse's line count is the file's (it counts a quoted CRLF twice).
  const source = text.replace(/\r\n?/g, '\n');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(source, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      // The typings do not model `info: true`, which turns each record into { record, info }.
    }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines ?? 1;
      return { ok: false, line, problem: 'syntax', detail: error.message };
    }
    throw error;
  }
  // A record ends on info.lines; it starts as many lines earlier as its fields hold line breaks.
  const located = records.map(({ record, info }) => ({
    cells: record,
    line: info.lines - record.join('').split('\n').length + 1,
  }));
  const headerAt = located.findIndex(({ cells }) => cells.some((c) => c.trim() === keyColumn));
  if (headerAt < 0) return { ok: false, line: 1, problem: 'no-header', detail: keyColumn };
  const header = located[headerAt]!.cells.map((c) => c.trim());
  const rows: CsvRow[] = [];
  for (const { cells, line } of located.slice(headerAt + 1)) {
    if (cells.length !== header.length && !(cells.length === 1 && cells[0] === '')) {
      return {
        ok: false,
        line,
        problem: 'field-count',
        detail: `${cells.length} fields where the header has ${header.length}`,
      };
    }
    rows.push({
      line,
      get: (column) => (cells[header.indexOf(column)] ?? '').trim(),
    });
  }
  return { ok: true, rows };
}
