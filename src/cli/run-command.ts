/**
 * The one way a command starts and ends. `runCommand` parses the options a command declares (and
 * writes its --help from them), runs it, and turns how it ended into an exit code: a failure the
 * user can act on prints its message and takes the code of the one table below; anything else
 * is a bug, said as such, with the stack trace only under --debug. SIGINT and SIGTERM run the
 * runtime's cleanups first. This module is the only place that ends the process.
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
  describeError,
} from '../errors.js';
import { printable } from '../printable.js';
import { beginStopping, runCleanups, stopRequested } from '../runtime.js';
import {
  COMMON_OPTIONS,
  commandText,
  helpText,
  parseOptions,
  type HelpText,
  type OptionDeclarations,
  type ParsedCommandLine,
  type Positionals,
} from './options.js';

export interface CommandIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

const NO_POSITIONALS: Positionals = {
  min: 0,
  max: 0,
  wrongCount: (given) => commandText.unexpectedArgument(given[0] ?? ''),
};

export type CommandOptions<D extends OptionDeclarations> = D & typeof COMMON_OPTIONS;

export interface Command<D extends OptionDeclarations> extends HelpText {
  options: D;
  /**
   * The arguments besides the options; without this the command takes none. `any` leaves them
   * to `run`, for a count that can only be judged later.
   */
  positionals?: 'any' | Positionals;
  /** Without this, a signal prints commandText.interrupted and exits with 128 + its number. */
  signals?: SignalHandling;
  /** The command keeps serving after `run` returns, until a signal stops it. */
  serves?: boolean;
  /** Does the work; returns the exit code when it is not 0 for an outcome that is no error. */
  run(input: ParsedCommandLine<CommandOptions<D>>, io: CommandIo): Promise<ExitCode | void>;
}

/** Declares a command; the options' literal types give `run` its typed values. */
export function defineCommand<const D extends OptionDeclarations>(command: Command<D>): Command<D> {
  return command;
}

/** The full --help text of `command`. */
export function commandHelp<D extends OptionDeclarations>(command: Command<D>): string {
  return helpText(command, { ...command.options, ...COMMON_OPTIONS });
}

/** Runs `command` on `argv` and returns its exit code; never throws, never exits the process. */
export async function executeCommand<D extends OptionDeclarations>(
  command: Command<D>,
  argv: readonly string[],
  io: CommandIo,
): Promise<ExitCode> {
  const debug = argv.includes('--debug');
  try {
    const parsed = parseOptions(argv, { ...command.options, ...COMMON_OPTIONS });
    if (parsed.values.help) {
      io.stdout(`${commandHelp(command)}\n`);
      return EXIT.ok;
    }
    const positionals = command.positionals ?? NO_POSITIONALS;
    const count = parsed.positionals.length;
    if (positionals !== 'any' && (count < positionals.min || count > positionals.max)) {
      throw new UsageError(positionals.wrongCount(parsed.positionals));
    }
    return (await command.run(parsed, io)) ?? EXIT.ok;
  } catch (error) {
    return reportFailure(error, command.usage, io, debug);
  }
}

/** Prints how a command failed and returns its exit code. */
export function reportFailure(
  error: unknown,
  usage: string,
  io: CommandIo,
  debug: boolean,
): ExitCode {
  const code = exitCodeFor(error);
  if (code === undefined) {
    io.stderr(`${commandText.bug(printable(describeError(error)), debug)}\n`);
    if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return EXIT.bug;
  }
  io.stderr(`${commandText.failed(printable(describeError(error)))}\n`);
  if (error instanceof UsageError) io.stderr(`${usage}\n${commandText.seeHelp}\n`);
  return code;
}

const processIo: CommandIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** The entry of every command: runs it on this process's arguments and ends the process. */
export function runCommand<D extends OptionDeclarations>(command: Command<D>): void {
  const argv = process.argv.slice(2);
  const debug = argv.includes('--debug');
  exitOnSignals(
    command.signals ?? {
      say: (signal) => process.stderr.write(`${commandText.interrupted(signal)}\n`),
    },
  );
  // A failure outside the command's own promise (an emitter's error event, say) is a bug as well.
  const crash = (error: unknown) => finish(reportFailure(error, command.usage, processIo, debug));
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  // A reader that stops early (`npm run variant -- x | head`) is no failure: stop writing to it.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') crash(error);
  });
  void executeCommand(command, argv, processIo).then((code) => {
    if (code !== EXIT.ok || !command.serves) finish(code);
  });
}

let ending = false;

/**
 * Exits once stdout and stderr have taken everything written: pending timers (a browser's, say)
 * must not hold the process open, and a pipe must not lose the end of a report.
 */
function finish(code: ExitCode): void {
  // The first ending counts; a crash while a command ends (or a second crash) changes nothing.
  if (ending) return;
  ending = true;
  process.exitCode = code;
  process.stdout.write('', () => process.stderr.write('', () => exitUnlessStopping(code)));
}

/*
 * The one table from failures to exit codes. Library code throws the classes of src/errors.ts and
 * never picks a code; the command layer looks the class up here. README documents these codes.
 */

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

/*
 * Ends a command on SIGINT or SIGTERM: the signal runs every cleanup registered in the runtime
 * (bounded in time) before the process exits with 128 + the signal's number.
 */

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
function exitOnSignals({ say, exitCode }: SignalHandling = {}): void {
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
function exitUnlessStopping(code: number): void {
  if (!stopRequested()) process.exit(code);
}

/** Whether to colour what goes to stderr: a terminal, and NO_COLOR (https://no-color.org) unset or empty. */
export function useColor(): boolean {
  return Boolean(process.stderr.isTTY) && !process.env.NO_COLOR;
}
