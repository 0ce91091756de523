/**
 * Ends a command on SIGINT or SIGTERM: the signal runs every cleanup registered in the runtime
 * (bounded in time) before the process exits with 128 + the signal's number.
 */
import { beginStopping, runCleanups, stopRequested } from '../runtime.js';

const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

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
      if (stopRequested()) process.exit(exitCode ?? code);
      beginStopping();
      void runCleanups().then(() => {
        say?.(signal);
        process.exit(exitCode ?? code);
      });
    });
  }
}

/**
 * Exits with `code`, unless a signal is already ending the process: the work it interrupted fails
 * as the cleanups take its browser away, and that failure must not pre-empt the signal's exit.
 */
export function exitUnlessStopping(code: number): void {
  if (!stopRequested()) process.exit(code);
}
