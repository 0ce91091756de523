/**
 * The CSV files the import reads, taken from LinkedIn's archive (the zip, or the folder it unpacks
 * to), in memory and bounded: only the named files are read, each at most MAX_CSV_BYTES; an
 * archive of more than MAX_ENTRIES entries is refused before any is read. Nothing is unpacked to
 * disk, so no entry name can reach outside; yauzl refuses names that try (absolute, "..").
 */
import { lstat, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
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
