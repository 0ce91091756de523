import { EXIT, type ExitCode } from './exit-codes.js';

/** Kept for the modules that still throw it; the classes of src/errors.ts replace it. */
export { EXIT, type ExitCode };
export { describeError } from '../errors.js';

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
