import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `data` to a temporary file beside `path`, then renames it into place: readers see the old
 * file or the complete new one, never a partial write, and a failure leaves no temporary file.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  return writeFilesAtomic([{ path, data }]);
}

/**
 * Writes every file to its temporary file first and renames them only when all are complete, so
 * a failure (disk full, say) leaves all the previous files as they were.
 */
export async function writeFilesAtomic(
  files: readonly { path: string; data: string | Uint8Array }[],
): Promise<void> {
  const staged = files.map((file) => ({ ...file, temporary: temporaryPath(file.path) }));
  try {
    for (const file of staged) await writeFile(file.temporary, file.data, { flag: 'wx' });
    for (const file of staged) await rename(file.temporary, file.path);
  } catch (error) {
    await Promise.all(staged.map((file) => rm(file.temporary, { force: true })));
    throw error;
  }
}

function temporaryPath(path: string): string {
  const suffix = `${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  return join(dirname(path), `.${basename(path)}.${suffix}`);
}
