/**
 * One place that ends a command on SIGINT or SIGTERM: every part that holds something outside the
 * process (a browser, a worker, temporary files) registers a cleanup here, and the signal runs them
 * all, bounded in time, before the process exits with 128 + the signal's number.
 */

export type Cleanup = () => void | Promise<void>;

const cleanups = new Set<Cleanup>();
/** Cleanups that outlast this are abandoned, so a signal always ends the run promptly. */
const CLEANUP_DEADLINE_MS = 1500;
const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

/** Registers `cleanup` to run if the process is interrupted; returns the function that unregisters it. */
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

export interface SignalHandling {
  /** Told which signal arrived, after the cleanups ran (to say what was left as it was). */
  say?: (signal: NodeJS.Signals) => void;
  /** The exit code; default 128 + the signal's number (130, 143). */
  exitCode?: number;
}

/**
 * Ends the process on SIGINT and SIGTERM after the cleanups ran. A second signal exits at once.
 */
export function exitOnSignals({ say, exitCode }: SignalHandling = {}): void {
  for (const [signal, code] of Object.entries(SIGNAL_EXIT_CODES) as [NodeJS.Signals, number][]) {
    process.on(signal, () => {
      if (stopping) process.exit(exitCode ?? code);
      stopping = true;
      void runCleanups().then(() => {
        say?.(signal);
        process.exit(exitCode ?? code);
      });
    });
  }
}

let stopping = false;

/** Whether a signal is ending the process: work not yet committed should not be. */
export function stopRequested(): boolean {
  return stopping;
}

/**
 * Exits with `code`, unless a signal is already ending the process: the work it interrupted fails
 * as the cleanups take its browser away, and that failure must not pre-empt the signal's exit.
 */
export function exitUnlessStopping(code: number): void {
  if (!stopping) process.exit(code);
}
