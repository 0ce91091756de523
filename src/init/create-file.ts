/**
 * Creating a file that must not exist yet, whole or not at all: the text goes to a temporary file
 * beside it, which is then hard-linked to the name. link() fails when the name exists, at the
 * moment of linking, so a file that appears meanwhile is never replaced, and no reader ever sees
 * half a file.
 */
import { randomBytes } from 'node:crypto';
import { link, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export type CreateOutcome = 'created' | 'exists' | 'no-folder';

export async function createNewFile(path: string, text: string): Promise<CreateOutcome> {
  const draft = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(draft, text, { flag: 'wx', mode: 0o666 });
    await link(draft, path);
    return 'created';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return 'exists';
    if (code === 'ENOENT') return 'no-folder';
    throw error;
  } finally {
    await rm(draft, { force: true });
  }
}
