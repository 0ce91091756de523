/**
 * What library code is given by the command running it, without knowing the command layer:
 * one-line progress on stderr, and the shutdown registry a signal runs before the process ends.
 */
import { printable } from './printable.js';
export interface Progress {
  /** Runs `work`, then prints `✔ <label>` with its duration; `label` may depend on the result. */
  step<T>(work: () => Promise<T>, label: string | ((result: T) => string)): Promise<T>;
  /** Prints `✔ <label> (<ms> ms)`. */
  done(label: string, ms: number): void;
  info(message: string): void;
  warn(message: string): void;
}

export interface ProgressOptions {
  quiet?: boolean;
  /** Where lines go; default stderr. */
  write?: (line: string) => void;
  /** The clock steps are timed with, in milliseconds; default performance.now. */
  now?: () => number;
}

export function createProgress(options: ProgressOptions = {}): Progress {
  const sink = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  // Lines quote résumés, themes and file names.
  const write = (line: string) => sink(printable(line));
  const now = options.now ?? (() => performance.now());
  const say = (line: string) => {
    if (!options.quiet) write(line);
  };
  const done = (label: string, ms: number) => say(`✔ ${label} (${Math.round(ms)} ms)`);
  return {
    async step(work, label) {
      const startedAt = now();
      const result = await work();
      done(typeof label === 'function' ? label(result) : label, now() - startedAt);
      return result;
    },
    done,
    info: (message) => say(`  ${message}`),
    // Warnings matter even in quiet mode: they report something the user should fix.
    warn: (message) => write(`⚠ ${message}`),
  };
}

export type Cleanup = () => void | Promise<void>;

const cleanups = new Set<Cleanup>();
/** Cleanups that outlast this are abandoned, so a signal always ends the run promptly. */
const CLEANUP_DEADLINE_MS = 1500;

/**
 * Registers `cleanup` to run if the process is interrupted (a browser, a worker, temporary files:
 * anything held outside the process); returns the function that unregisters it.
 */
export function onShutdown(cleanup: Cleanup): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/** Runs every registered cleanup at once, waiting at most `deadlineMs` for all of them. */
export async function runCleanups(deadlineMs = CLEANUP_DEADLINE_MS): Promise<void> {
  const pending = [...cleanups].map(async (cleanup) => cleanup());
  cleanups.clear();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, deadlineMs)));
  await Promise.race([Promise.allSettled(pending), deadline]);
  clearTimeout(timer);
}

let stopping = false;

/** Marks the process as ending on a signal (the command layer's signal handler calls this). */
export function beginStopping(): void {
  stopping = true;
}

/** Whether a signal is ending the process: work not yet committed should not be. */
export function stopRequested(): boolean {
  return stopping;
}
