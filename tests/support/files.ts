/** What a folder holds, as the export tests compare it before and after a run. */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';

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
