/**
 * The one way a command starts and ends. `runCommand` parses the options a command declares (and
 * writes its --help from them), runs it, and turns how it ended into an exit code: a failure the
 * user can act on prints its message and takes the code of src/cli/exit-codes.ts; anything else
 * is a bug, said as such, with the stack trace only under --debug. Signals go through
 * src/cli/shutdown.ts. This module and shutdown.ts are the only places that end the process.
 */
import { UsageError, describeError } from '../errors.js';
import { printable } from '../printable.js';
import { EXIT, exitCodeFor, type ExitCode } from './exit-codes.js';
import { helpText, type HelpText } from './help.js';
import { commandText } from './messages.js';
import {
  COMMON_OPTIONS,
  parseOptions,
  type OptionDeclarations,
  type ParsedCommandLine,
} from './options.js';
import { exitOnSignals, exitUnlessStopping, type SignalHandling } from './shutdown.js';

export interface CommandIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

export interface Positionals {
  min: number;
  max: number;
  /** The problem when the count is outside min…max. */
  wrongCount(given: readonly string[]): string;
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
