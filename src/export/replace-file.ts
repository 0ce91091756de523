/**
 * Rewriting a file the user keeps (a résumé), for every command that changes one in place.
 *
 * `replaceFile(path, data, { expected })`:
 * - follows symbolic links: the file they lead to is replaced, and the links stay links;
 * - keeps the file's permission bits and its owner and group;
 * - refuses a file with more than one hard link: replacing it would split the links, and
 *   writing it in place could leave it half-written (an interrupt, a full disk);
 * - takes the lock of the real file's folder (src/export/atomic-write.ts), so commands of this
 *   project take turns, and then refuses when the file no longer holds `expected` (the bytes the
 *   caller read): another program saved it meanwhile, and its edit must not be lost;
 * - is all-or-nothing: the new text is staged in the same folder, flushed, and renamed onto the
 *   real path, so readers see the old file or the complete new one.
 *
 * An editor does not take the lock: its save between the last check and the rename (a few
 * microseconds, with no `await` in between) is the one case that cannot be caught.
 */
import { openSync, readSync, closeSync, fstatSync, type Stats } from 'node:fs';
import { lstat, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { OutputWriteError } from '../errors.js';
import { OutputLockedError, writeFilesAtomic } from './atomic-write.js';

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

/** Writes `data` to `path` (see the module's comment); throws FileChangedError, FileNotReplacedError. */
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
