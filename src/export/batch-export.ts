/**
 * Many résumés in one run (`--resume a.json --resume b.json`, or a folder of them): one browser
 * for all, each résumé exported all-or-nothing to its own names (a.json → a.pdf). A résumé that
 * fails is reported and the others go on; a missing browser ends the batch.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { BrowserUnavailableError, UsageError, UserFacingError } from '../errors.js';
import { exportPlanned, openSession } from './export.js';
import type { ExportOptions } from './export-options.js';
import { planExport } from './export-plan.js';
import { displayPath } from './output-names.js';
import { startThemeWorker } from './theme-render.js';
import { createTimings, type Timings } from './timings.js';

/** Résumés exported at once. */
const IN_FLIGHT = 2;

export interface BatchOptions extends Omit<ExportOptions, 'resume' | 'baseName'> {
  /** Résumé files, and folders whose `.json` files are résumés. */
  resumes: string[];
}

export interface BatchResult {
  /** How many résumés were exported. */
  exported: number;
  /** Every file written, résumé by résumé. */
  files: string[];
  /** The résumés that could not be exported, and why. */
  failures: { resume: string; error: UserFacingError }[];
}

export async function exportBatch(
  options: BatchOptions,
  timings: Timings = createTimings(),
): Promise<BatchResult> {
  timings.add('start', timings.now());
  const cwd = options.cwd ?? process.cwd();
  const plans = batchResumes(options.resumes, cwd).map((resume) => {
    const single: ExportOptions = { ...options, resume, baseName: stem(resume) };
    return { single, plan: planExport(single) };
  });
  const first = plans[0]?.plan;
  const session =
    plans.some(({ plan }) => plan.needsBrowser) && first
      ? await openSession(first, options, timings)
      : undefined;
  const result: BatchResult = { exported: 0, files: [], failures: [] };
  const queue = [...plans];
  const exportQueued = async () => {
    // Each in-flight slot keeps its theme loaded in a worker of its own; a failure may have left
    // that worker busy (a theme that never returns), so the next résumé gets a fresh one.
    let worker = startThemeWorker();
    try {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const { single, plan } = next;
        try {
          const { files } = await exportPlanned(
            plan,
            single,
            { session, worker, ownsBrowser: false },
            timings,
          );
          result.files.push(...files);
          result.exported += 1;
        } catch (error) {
          if (!(error instanceof UserFacingError) || error instanceof BrowserUnavailableError) {
            queue.length = 0;
            throw error;
          }
          result.failures.push({ resume: displayPath(cwd, plan.resumePath), error });
          await worker.stop();
          worker = startThemeWorker();
        }
      }
    } finally {
      await worker.stop();
    }
  };
  try {
    // Two at a time: one résumé is validated and rendered while the other prints.
    await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, plans.length) }, exportQueued));
    return result;
  } finally {
    await session?.close();
  }
}

/** Whether the résumés named make a batch: several, or a folder. */
export function isBatch(named: string[], cwd = process.cwd()): boolean {
  return named.length > 1 || named.some((name) => isFolder(resolve(cwd, name)));
}

/** The résumé files named, folders expanded to their `.json` files in name order. */
function batchResumes(named: string[], cwd: string): string[] {
  const files = named.flatMap((name) => {
    const path = resolve(cwd, name);
    if (!isFolder(path)) return [path];
    const inside = readdirSync(path)
      .filter((entry) => extname(entry).toLowerCase() === '.json')
      .sort()
      .map((entry) => join(path, entry));
    if (inside.length === 0)
      throw new UsageError(`--resume ${name}: the folder holds no .json file.`);
    return inside;
  });
  const unique = [...new Set(files)];
  const byStem = new Map<string, string>();
  for (const file of unique) {
    const other = byStem.get(stem(file));
    if (other !== undefined) {
      throw new UsageError(
        `${displayPath(cwd, other)} and ${displayPath(cwd, file)} would both be written as ${stem(file)}.*: rename one, or export them to different --out folders.`,
      );
    }
    byStem.set(stem(file), file);
  }
  return unique;
}

/** The output name of a résumé in a batch: its file name without the extension. */
const stem = (file: string) => basename(file, extname(file));

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
