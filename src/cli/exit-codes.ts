/**
 * The one table from failures to exit codes. Library code throws the classes of src/errors.ts and
 * never picks a code; the command layer looks the class up here. README documents these codes.
 */
import {
  type InputStatus,
  BrowserUnavailableError,
  ExportStepError,
  InputError,
  InvalidResumeError,
  OutputWriteError,
  ThemeLoadError,
  ThemeRenderError,
  UsageError,
  VariantError,
} from '../errors.js';

export const EXIT = {
  ok: 0,
  /** The résumé (or another input) was read but is not valid. */
  invalidInput: 1,
  /** A file cannot be read, or the command line is wrong. */
  badInputOrOptions: 2,
  /** The theme, the browser or a write failed. */
  exportFailed: 3,
  /** The command failed in a way it did not expect: a bug. */
  bug: 3,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

type ErrorClass = abstract new (...args: never[]) => Error;

const EXIT_CODES: readonly (readonly [ErrorClass, ExitCode])[] = [
  [UsageError, EXIT.badInputOrOptions],
  [InputError, EXIT.badInputOrOptions],
  [VariantError, EXIT.badInputOrOptions],
  [InvalidResumeError, EXIT.invalidInput],
  [ThemeLoadError, EXIT.exportFailed],
  [ThemeRenderError, EXIT.exportFailed],
  [BrowserUnavailableError, EXIT.exportFailed],
  [ExportStepError, EXIT.exportFailed],
  [OutputWriteError, EXIT.exportFailed],
];

const STATUS_EXIT_CODES: Record<InputStatus, ExitCode> = {
  ok: EXIT.ok,
  invalid: EXIT.invalidInput,
  unreadable: EXIT.badInputOrOptions,
  'not-saved': EXIT.badInputOrOptions,
};

/** The exit code of a command whose result carries an input status (validate, import). */
export function exitCodeForStatus(status: InputStatus): ExitCode {
  return STATUS_EXIT_CODES[status];
}

/**
 * The exit code of a failure the user can act on, or undefined for anything else: an unexpected
 * error is a bug, which the command layer reports as such.
 */
export function exitCodeFor(error: unknown): ExitCode | undefined {
  for (const [type, code] of EXIT_CODES) if (error instanceof type) return code;
  return undefined;
}
