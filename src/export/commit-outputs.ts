/** Writing the finished outputs, all or none, and reporting each file written. */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Progress } from '../runtime.js';
import { writeFilesAtomic } from './atomic-write.js';
import { outDirFailure, writeFailure } from './export-errors.js';
import { displayPath } from './output-names.js';
import type { Produced } from './produce-outputs.js';
import type { Timings } from './timings.js';

export interface CommitTarget {
  outDir: string;
  /** --out as the user gave it, for messages. */
  shownOut: string;
  cwd: string;
}

/** Returns the paths written. */
export async function commitOutputs(
  produced: Produced[],
  target: CommitTarget,
  progress: Progress,
  timings: Timings,
): Promise<string[]> {
  if (produced.length === 0) return [];
  const startedAt = timings.now();
  const files = produced.flatMap(({ planned, output }) => [
    { name: planned.fileName, path: planned.path, data: output.data },
    ...(output.companions ?? []).map((companion) => ({
      name: companion.fileName,
      path: join(target.outDir, companion.fileName),
      data: companion.data,
    })),
  ]);
  try {
    await mkdir(target.outDir, { recursive: true });
  } catch (error) {
    throw outDirFailure(error, target.shownOut);
  }
  try {
    await writeFilesAtomic(target.outDir, files);
  } catch (error) {
    throw writeFailure(error, target.shownOut);
  }
  const writeMs = timings.now() - startedAt;
  timings.add('write', writeMs);
  produced.forEach(({ planned, output, ms }) => {
    const detail = output.detail ? ` — ${output.detail}` : '';
    progress.done(`wrote ${displayPath(target.cwd, planned.path)}${detail}`, ms + writeMs);
  });
  return files.map((file) => file.path);
}
