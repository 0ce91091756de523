/**
 * Sorting the failures of an export's last stages into the errors that say what went wrong.
 * Browser steps name themselves (export-steps.ts); these cover the rest.
 */
import { describeError } from '../errors.js';
import { OutputWriteError, UsageError, UserFacingError } from '../errors.js';
import { OutputLockedError } from './atomic-write.js';

const UNCHANGED = 'The previous files in the output folder are unchanged.';

/** A failure while producing one output without a browser (HTML, text, BibTeX). */
export function outputFailure(error: unknown, format: string): Error {
  if (error instanceof UserFacingError) return error;
  return new OutputWriteError(
    `Export to ${format.toUpperCase()} failed (${describeError(error)}). ${UNCHANGED}`,
  );
}

/** The output folder could not be created: --out names a place that cannot hold one. */
export function outDirFailure(error: unknown, shownOut: string): Error {
  return new UsageError(
    `Cannot create the output folder ${shownOut}: ${describeError(error)}. Choose another folder with --out.`,
  );
}

/** Writing the finished outputs failed: a folder we may not write is the option's fault. */
export function writeFailure(error: unknown, shownOut: string): Error {
  if (error instanceof OutputLockedError) {
    return new OutputWriteError(
      `Another export (process ${error.holder}) is writing to ${shownOut} and did not finish within 30 s. The previous files there are unchanged; run again when it has finished, or choose another --out.`,
    );
  }
  const code = (error as NodeJS.ErrnoException).code;
  const message = `Could not write to ${shownOut}: ${describeError(error)}. The previous files there are unchanged.`;
  return code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
    ? new UsageError(message)
    : new OutputWriteError(message);
}
