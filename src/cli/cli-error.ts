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
