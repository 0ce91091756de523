/**
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
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { link, mkdir, open, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { stopRequested } from '../runtime.js';

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

export function isPlainFileName(name: string): boolean {
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
