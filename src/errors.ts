/**
 * The failures a user can act on, named for what went wrong. Library code throws these and never
 * picks an exit code: the command layer (src/cli) maps each class to one, in one table. Their
 * messages are complete sentences (what, where, how to fix) and are printed as they are.
 */
export abstract class UserFacingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The command line is wrong: an unknown option, a bad value, a missing argument. */
export class UsageError extends UserFacingError {}

/** An input file cannot be used: missing, unreadable, too large, not UTF-8, not a regular file. */
export class InputError extends UserFacingError {}

/** The résumé was read but is not valid JSON or not a valid résumé. */
export class InvalidResumeError extends UserFacingError {}

/**
 * The résumé's photo cannot be shown: missing, outside the résumé's folder, not an image, or not
 * fetched. The export warns and goes on without it; with `--strict` this is the failure.
 */
export class PhotoError extends InvalidResumeError {}

/** A variant name or definition that does not exist or does not apply. */
export class VariantError extends UserFacingError {}

/** The theme cannot be found, loaded, or does not export `render`. */
export class ThemeLoadError extends UserFacingError {}

/** The theme's `render` threw, returned no HTML, or never returned. */
export class ThemeRenderError extends UserFacingError {}

/** No browser could be found, installed or started. */
export class BrowserUnavailableError extends UserFacingError {}

/** A step of the export (load, print, post-process…) failed or ran out of time; names the step. */
export class ExportStepError extends UserFacingError {}

/** An output could not be written, or a check on the finished output (`--strict`) failed. */
export class OutputWriteError extends UserFacingError {}

/**
 * How a command's inputs turned out, for results that report problems rather than throw them
 * (validation, imports): usable, read but not valid, not readable at all, or (imports) merged but
 * not saved because the file kept changing or could not be written.
 */
export type InputStatus = 'ok' | 'invalid' | 'unreadable' | 'not-saved';

/** One readable line for any thrown value. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
