/** Files in the export tests: what a folder holds before and after a run, and writing a few. */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/** The SHA-256 of a file's bytes, hex. */
export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** The files in a folder, sorted; none when it does not exist. */
export function filesIn(folder: string): string[] {
  try {
    return readdirSync(folder).sort();
  } catch {
    return [];
  }
}

/** Writes each file (path relative to `folder` → text), creating folders; returns `folder`. */
export function writeFiles(folder: string, files: Record<string, string>): string {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(folder, name, '..'), { recursive: true });
    writeFileSync(join(folder, name), text);
  }
  return folder;
}

/**
 * A scratch folder for one test file, made before its tests and removed after them; returns the
 * function that writes a new file there (named `<n>-<name>`, never the same twice) and gives its path.
 */
export function scratchFiles(prefix: string): (name: string, text: string) => Promise<string> {
  let scratch: string | undefined;
  let counter = 0;
  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), prefix));
  });
  afterAll(async () => {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });
  return async (name, text) => {
    if (!scratch) throw new Error('Scratch files are written by tests, after the folder is made.');
    const path = join(scratch, `${counter++}-${name}`);
    await writeFile(path, text);
    return path;
  };
}
