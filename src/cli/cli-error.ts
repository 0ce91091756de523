import {
  BrowserUnavailableError,
  ExportStepError,
  InputError,
  InvalidResumeError,
  OutputWriteError,
  ThemeLoadError,
  ThemeRenderError,
  UsageError,
  VariantError,
  type UserFacingError,
} from '../errors.js';

/** Exit codes shared by every command. */
export const EXIT = {
  ok: 0,
  invalidInput: 1,
  badInputOrOptions: 2,
  exportFailed: 3,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * A failure the user can act on: its message is printed as is (no stack trace) and the command
 * exits with `exitCode`.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** One readable line for an unknown thrown value. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** The exit code of each domain error (src/errors.ts); library code never picks one itself. */
const EXIT_CODES: [new (message: string) => UserFacingError, ExitCode][] = [
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

/** The exit code for a failure the user can act on; undefined for anything else (a bug). */
export function exitCodeFor(error: unknown): ExitCode | undefined {
  if (error instanceof CliError) return error.exitCode;
  return EXIT_CODES.find(([type]) => error instanceof type)?.[1];
}
