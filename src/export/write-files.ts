/**
 * Writing files so that nothing is ever half-written: a set of outputs into one folder, all or
 * none (writeFilesAtomic); a file the user keeps, replaced in place with its links, mode and owner
 * (replaceFile); and what the outputs are called, kept inside --out.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fstatSync,
  fsyncSync,
  linkSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  type Stats,
} from 'node:fs';
import {
  link,
  lstat,
  mkdir,
  open,
  readFile,
  readdir,
  realpath,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import { OutputWriteError, UsageError } from '../errors.js';
import { stopRequested } from '../runtime.js';

/*
 * All-or-nothing writes of a set of files into one folder:
 *
 * 1. a lock file in the folder (`.camera-ready.lock`, holding the writer's process id) makes
 *    writers to the same folder take turns; a lock whose process is gone is taken over;
 * 2. every file is written into a fresh staging folder inside the target folder (same file
 *    system, so the renames below cannot turn into copies), with the mode and owner asked for,
 *    and flushed to the disk (fsync) before it is renamed, so a power cut cannot leave an empty
 *    file under the real name;
 * 3. only when all are complete are they renamed into place, synchronously, with no `await` in
 *    between: a signal handler is JavaScript and runs only after the last rename, so an interrupt
 *    leaves the complete old set or the complete new set. Should a rename fail, the ones already
 *    done are undone from hard links of the previous files. The folder is flushed after.
 *
 * The staging folder and the lock are removed on every way out: errors, an early exit of the process
 * (which the commands' signal handlers use) and, where nothing else handles them, SIGINT and SIGTERM.
 */

export const LOCK_NAME = '.camera-ready.lock';
const STAGING_PREFIX = '.camera-ready-staging-';
const lockContent = `${process.pid}\n`;

export interface OutputFile {
  /** A plain file name inside the folder: no path separator, not `.` or `..`. */
  name: string;
  data: string | Uint8Array;
  /** Permission bits (default: 0o666 less the umask, as any new file). */
  mode?: number;
  /** Owner and group (default: this process's, as any new file). */
  owner?: { uid: number; gid: number };
}

export interface WriteOptions {
  /** How long to wait for another writer's lock before giving up (default 30 s). */
  lockWaitMs?: number;
  /**
   * Runs under the lock, after the new files are staged and right before the swap, with no
   * `await` between it and the renames: a last check of the folder that throws to write nothing.
   */
  beforeSwap?: () => void;
}

/** The folder is locked by another live process for longer than the caller would wait. */
export class OutputLockedError extends Error {
  constructor(
    readonly folder: string,
    readonly holder: number,
  ) {
    super(`${folder} is being written by another process (${holder})`);
    this.name = 'OutputLockedError';
  }
}

/** A name that would leave the folder (or is no file name at all). */
export class UnsafeFileNameError extends Error {
  constructor(readonly fileName: string) {
    super(`"${fileName}" is not a plain file name`);
    this.name = 'UnsafeFileNameError';
  }
}

/** Writes one file whole: readers see the old file or the complete new one. */
export function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  return writeFilesAtomic(dirname(path), [{ name: basename(path), data }]);
}

/** Writes every file into `folder` (which must exist), all of them or none. */
export async function writeFilesAtomic(
  folder: string,
  files: readonly OutputFile[],
  { lockWaitMs = 30_000, beforeSwap }: WriteOptions = {},
): Promise<void> {
  for (const file of files) {
    if (!isPlainFileName(file.name)) throw new UnsafeFileNameError(file.name);
  }
  const lock = join(folder, LOCK_NAME);
  const id = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const staging = join(folder, `${STAGING_PREFIX}${id}`);
  const draft = `${lock}.${id}`;
  // Registered before the lock is taken: an interrupt can come while the lock file is being
  // created. Only a lock that holds this process's id is removed.
  const release = cleanupOnExit([
    () => rmSync(staging, { recursive: true, force: true }),
    () => rmSync(draft, { force: true }),
    () => {
      if (readFileSync(lock, 'utf8') === lockContent) rmSync(lock);
    },
  ]);
  try {
    await acquire(lock, draft, folder, lockWaitMs);
  } catch (error) {
    release();
    throw error;
  }
  try {
    await removeAbandonedStaging(folder);
    await mkdir(staging);
    for (const file of files) await stage(join(staging, file.name), file);
    // Interrupted while writing: the previous files stay, as the user asked to stop.
    if (stopRequested()) throw new Error('interrupted before the new files were swapped in');
    beforeSwap?.();
    swapIn(folder, staging, files);
    syncFolder(folder);
  } finally {
    rmSync(staging, { recursive: true, force: true });
    rmSync(lock, { force: true });
    release();
  }
}

/** Writes one staged file whole, with its mode and owner, and flushes it to the disk. */
async function stage(path: string, file: OutputFile): Promise<void> {
  const handle = await open(path, 'wx', file.mode);
  try {
    // Set explicitly: the mode given to open is narrowed by the umask.
    if (file.mode !== undefined) await handle.chmod(file.mode);
    if (file.owner) await handle.chown(file.owner.uid, file.owner.gid);
    await handle.writeFile(file.data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes the renames durable: a folder's entries are flushed with the folder. */
function syncFolder(folder: string): void {
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } catch (error) {
    // Some file systems cannot flush a folder; the renames are done all the same.
    if ((error as NodeJS.ErrnoException).code !== 'EINVAL') throw error;
  } finally {
    closeSync(fd);
  }
}

function isPlainFileName(name: string): boolean {
  return (
    name !== '' && name !== '.' && name !== '..' && !/[/\\\0]/.test(name) && basename(name) === name
  );
}

/** The synchronous commit: previous files are kept as hard links until every rename succeeded. */
function swapIn(folder: string, staging: string, files: readonly OutputFile[]): void {
  const previous = new Map<string, string>();
  for (const { name } of files) {
    const backup = join(staging, `${name}.previous`);
    try {
      linkSync(join(folder, name), backup);
      previous.set(name, backup);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  const done: string[] = [];
  try {
    for (const { name } of files) {
      renameSync(join(staging, name), join(folder, name));
      done.push(name);
    }
  } catch (error) {
    for (const name of done.reverse()) {
      const backup = previous.get(name);
      if (backup) renameSync(backup, join(folder, name));
      else rmSync(join(folder, name), { force: true });
    }
    throw error;
  }
}

/**
 * Takes the folder's lock. The lock file appears with its content in one step (a hard link to a
 * file already written), so no one ever reads a half-written lock and takes it for abandoned.
 */
async function acquire(lock: string, draft: string, folder: string, waitMs: number): Promise<void> {
  const deadline = Date.now() + waitMs;
  await writeFile(draft, lockContent);
  try {
    for (;;) {
      try {
        await link(draft, lock);
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const content = await readFile(lock, 'utf8').catch(() => undefined);
      if (content === undefined) continue; // released meanwhile
      const holder = Number.parseInt(content, 10);
      if (!isAlive(holder)) {
        // Left by a process that was killed outright (or just released): nobody is writing.
        await rm(lock, { force: true });
        continue;
      }
      if (Date.now() >= deadline) throw new OutputLockedError(folder, holder);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await rm(draft, { force: true });
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Staging folders of writers killed outright (SIGKILL, power loss); only the lock holder runs this. */
async function removeAbandonedStaging(folder: string): Promise<void> {
  const names = await readdir(folder);
  await Promise.all(
    names
      .filter((name) => name.startsWith(STAGING_PREFIX))
      .map((name) => rm(join(folder, name), { recursive: true, force: true })),
  );
}

// ---------------------------------------------------------------------------------------------
// Cleanup on exit

const pendingCleanup = new Set<() => void>();
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

function cleanUp(): void {
  for (const step of pendingCleanup) {
    try {
      step();
    } catch {
      // Exit listeners must not throw: the process is leaving either way, the next writer
      // removes an abandoned staging folder and takes over an abandoned lock.
    }
  }
  pendingCleanup.clear();
}

/**
 * A process without its own handler for a signal would die without running `exit` listeners:
 * clean up, then die of the same signal as it would have.
 */
function onSignal(signal: NodeJS.Signals): void {
  cleanUp();
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

/** Runs `steps` when the process exits before the returned release is called. */
function cleanupOnExit(steps: readonly (() => void)[]): () => void {
  if (pendingCleanup.size === 0) {
    // First in line: a later exit listener that throws would stop the others.
    process.prependListener('exit', cleanUp);
    for (const signal of SIGNALS) {
      if (process.listenerCount(signal) === 0) process.once(signal, onSignal);
    }
  }
  for (const step of steps) pendingCleanup.add(step);
  return () => {
    for (const step of steps) pendingCleanup.delete(step);
    if (pendingCleanup.size > 0) return;
    process.off('exit', cleanUp);
    for (const signal of SIGNALS) process.off(signal, onSignal);
  };
}

/*
 * Rewriting a file the user keeps (a résumé), for every command that changes one in place.
 *
 * `replaceFile(path, data, { expected })`:
 * - follows symbolic links: the file they lead to is replaced, and the links stay links;
 * - keeps the file's permission bits and its owner and group;
 * - refuses a file with more than one hard link: replacing it would split the links, and
 *   writing it in place could leave it half-written (an interrupt, a full disk);
 * - takes the lock of the real file's folder (writeFilesAtomic), so commands of this
 *   project take turns, and then refuses when the file no longer holds `expected` (the bytes the
 *   caller read): another program saved it meanwhile, and its edit must not be lost;
 * - is all-or-nothing: the new text is staged in the same folder, flushed, and renamed onto the
 *   real path, so readers see the old file or the complete new one.
 *
 * An editor does not take the lock: its save between the last check and the rename (a few
 * microseconds, with no `await` in between) is the one case that cannot be caught.
 */

export interface ReplaceOptions {
  /** What the caller read from the file; `null` when it expects the file not to exist yet. */
  expected: string | Uint8Array | null;
  /** How long to wait for another command's lock on the folder (default 30 s). */
  lockWaitMs?: number;
}

/** The file changed since the caller read it: nothing was written. Reading it again may help. */
export class FileChangedError extends OutputWriteError {
  constructor(readonly path: string) {
    super(
      `${path} was changed by another program after it was read; nothing was written, so that change is kept`,
    );
  }
}

/** The file cannot be replaced as it is (a hard link, a dangling link…); nothing was written. */
export class FileNotReplacedError extends OutputWriteError {}

/** Writes `data` to `path` (see the comment above); throws FileChangedError, FileNotReplacedError. */
export async function replaceFile(
  path: string,
  data: string | Uint8Array,
  { expected, lockWaitMs = 30_000 }: ReplaceOptions,
): Promise<void> {
  const target = await realTarget(path);
  const before = await stat(target).catch(() => undefined);
  if (before) checkReplaceable(path, before);
  const wanted = expected === null ? null : Buffer.from(expected);
  try {
    await writeFilesAtomic(
      dirname(target),
      [
        {
          name: basename(target),
          data,
          ...(before && {
            mode: before.mode & 0o7777,
            owner: { uid: before.uid, gid: before.gid },
          }),
        },
      ],
      {
        lockWaitMs,
        beforeSwap: () => {
          if (!holds(target, wanted)) throw new FileChangedError(path);
        },
      },
    );
  } catch (error) {
    if (error instanceof OutputLockedError) {
      throw new FileNotReplacedError(
        `${path} is being written by another command (process ${error.holder}), which did not finish within ${Math.round(lockWaitMs / 1000)} s; run this one again when it has`,
      );
    }
    throw error;
  }
}

/** The real file behind `path`; a path to nothing yet is its real folder plus its name. */
async function realTarget(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const link = await lstat(path).catch(() => undefined);
  if (link?.isSymbolicLink()) {
    throw new FileNotReplacedError(
      `${path} is a symbolic link to a file that does not exist; point it at the file, or remove the link`,
    );
  }
  return join(await realpath(dirname(path)), basename(path));
}

/** Only a regular file with one name, whose owner this process can give the new file. */
function checkReplaceable(path: string, stats: Stats): void {
  if (!stats.isFile()) throw new FileNotReplacedError(`${path} is not a regular file`);
  if (stats.nlink > 1) {
    throw new FileNotReplacedError(
      `${path} has ${stats.nlink} hard links (names for one file): replacing it would split them, and writing it in place could leave it half-written. Make it a file of its own (cp "${path}" copy && mv copy "${path}") or a symbolic link, then run again`,
    );
  }
  const root = process.geteuid?.() === 0;
  const ownUser = stats.uid === process.geteuid?.();
  const ownGroup = stats.gid === process.getegid?.() || process.getgroups?.().includes(stats.gid);
  if (!root && !(ownUser && ownGroup)) {
    throw new FileNotReplacedError(
      `${path} belongs to another user or group (${stats.uid}:${stats.gid}), which a rewritten file could not keep; run the command as its owner`,
    );
  }
}

/** Whether the file at `path` holds exactly `wanted` (`null`: there is no file). */
function holds(path: string, wanted: Buffer | null): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return wanted === null;
    throw error;
  }
  try {
    const stats = fstatSync(fd);
    if (wanted === null || stats.size !== wanted.length) return false;
    const now = Buffer.alloc(wanted.length);
    let length = 0;
    while (length < now.length) {
      const read = readSync(fd, now, length, now.length - length, length);
      if (read === 0) break;
      length += read;
    }
    return length === wanted.length && now.equals(wanted);
  } finally {
    closeSync(fd);
  }
}

/* What the outputs are called, and the check that keeps those names inside --out. */

/** `resume`, or `resume-<variant>` for a variant: the file name of every output, less its extension. */
export function outputBaseName(variant?: string): string {
  return variant === undefined ? 'resume' : `resume-${variant}`;
}

/** Output names come from options (a variant's name): they must not reach outside --out. */
export function checkFileNames(names: string[]): void {
  const unsafe = names.find((name) => !isPlainFileName(name) || name.startsWith('.'));
  if (unsafe === undefined) return;
  throw new UsageError(
    `The output name ${JSON.stringify(unsafe)} is not a plain file name, so it could be written outside --out. A variant name may hold only letters, digits and "-".`,
  );
}

/** A path as the user would type it: relative to the working folder when inside it. */
export function displayPath(cwd: string, path: string): string {
  const shown = relative(cwd, path);
  return shown && !shown.startsWith('..') && !isAbsolute(shown) ? shown : path;
}
