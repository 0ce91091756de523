/**
 * The command line of every command: one declaration per option (what it is called, what it
 * means, its type and its default) both parses it (Node's `parseArgs`, strict, with its
 * exceptions turned into one plain sentence) and writes `--help`, so the two cannot disagree.
 * Also the options and texts several commands share.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../errors.js';
import { DEFAULT_TIMEOUT_MS } from '../export/browser-session.js';
import { DEFAULT_MAX_BYTES, MAX_READABLE_BYTES, parseByteSize } from '../resume/load.js';

/** The texts every command shares: option errors, help lines, unexpected failures, signals. */
export const commandText = {
  helpOption: 'show this help',
  debugOption: 'print the stack trace of an unexpected failure (for a bug report)',
  seeHelp: 'Run with --help for usage.',
  needsValue: (option: string): string => `option ${option} needs a value.`,
  unexpectedArgument: (argument: string, hint?: string): string =>
    `unexpected argument ${argument}${hint ? `; ${hint}` : ''}.`,
  nameResume: 'name the résumé with --resume <file>',
  maxSizeOption: 'refuse larger résumé files, e.g. 32MiB',
  resumeOption: 'the résumé',
  timeoutOption: 'the longest the theme’s render and each browser step may take',
  badTimeout: (value: string): string =>
    `--timeout ${value}: give a number of seconds between 0 and 3600, e.g. --timeout 60.`,
  offlineOption:
    'fetch nothing: a photo given as an https address is left out, and fonts a page needs that are not cached yet print in a fallback font; each with a warning',
  badMaxSize: (value: string): string =>
    `--max-size ${value}: give a size such as 16MiB, 512KiB (or 16MB, 512KB: the same binary units) or a number of bytes.`,
  unreadableMaxSize: (value: string, readable: number): string =>
    `--max-size ${value}: no file that large can be read; the most is ${readable} bytes, the longest text Node.js holds in one string.`,
  failed: (message: string): string => `✖ ${message}`,
  /** An error no part of the command expected: a bug, not something the user did wrong. */
  bug: (message: string, debug: boolean): string =>
    `✖ Unexpected failure: ${message}\n  This is a bug in the command, not in your files: please report it with the command you ran${debug ? ' and the stack trace below.' : ' and its output with --debug added.'}`,
  interrupted: (signal: NodeJS.Signals): string => `✖ Interrupted (${signal}).`,
};

/*
 * Command-line parsing shared by the scripts: Node's own `parseArgs` in strict mode, with its
 * exceptions turned into one plain sentence, so every command rejects unknown options alike.
 */

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export type CliArgs<T extends OptionSpec> =
  | {
      ok: true;
      values: ReturnType<typeof parseArgs<{ options: T; allowPositionals: true }>>['values'];
      positionals: string[];
    }
  | { ok: false; message: string };

/**
 * Parses `argv` (without node and script) against `options`; positionals are allowed.
 * `ok: false` carries a message such as "unknown option --foo." for the caller to print
 * before exiting with code 2.
 */
function parseCliArgs<T extends OptionSpec>(argv: readonly string[], options: T): CliArgs<T> {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options,
      allowPositionals: true,
      strict: true,
    });
    return { ok: true, values, positionals };
  } catch (error) {
    return { ok: false, message: describeParseError(error, argv, options) };
  }
}

function describeParseError(error: unknown, argv: readonly string[], options: OptionSpec): string {
  const { code, message = '' } = error as { code?: string; message?: string };
  const option = /'(-[^']*)'/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `unknown option ${option}.`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    // Node names the option as "-l, --loud" or "--owner <value>": the long name is the one to show.
    const name = /--[^\s,]+/.exec(option)?.[0] ?? longName(option, options);
    if (/argument missing/.test(message)) return `option ${name} needs a value.`;
    // "--out --quiet": parseArgs will not take a word that starts with '-' as a value unless it is
    // joined to its option with '='.
    if (/argument is ambiguous/.test(message)) {
      const next = argv[argv.indexOf(option) + 1] ?? '';
      return `option ${name} needs a value, but ${next} looks like an option; to give a value that starts with '-', join it with '=': ${name}=${next}.`;
    }
    return `option ${name} takes no value.`;
  }
  // Node's own sentence is the most precise description left.
  return (message || String(error)).split('. ')[0] + '.';
}

/** `--out` for `-o`: the name people read in --help. */
function longName(short: string, options: OptionSpec): string {
  const found = Object.entries(options).find(([, spec]) => `-${spec.short}` === short);
  return found ? `--${found[0]}` : short;
}

interface Described {
  /** One sentence for --help, without the default (the help adds it). */
  description: string;
  /** A one-letter alias, e.g. `h` for `-h`. */
  short?: string;
}

/** A switch: present or not; false by default. */
export interface FlagOption extends Described {
  type: 'boolean';
}

/** An option with a value: `--name <value>`. */
export interface ValueOption<T = unknown> extends Described {
  type: 'string';
  /** The value's name in --help: `file` shows as `--resume <file>`. */
  value: string;
  /** Used when the option is not given; parsed like a given value. */
  default?: string;
  /** Shown as the default in --help when the default is a rule rather than a value. */
  defaultText?: string;
  /** May be given several times; the values come as a list. */
  repeatable?: boolean;
  /** Turns the text into the value; throws a UsageError that names the option when it is wrong. */
  parse?: (text: string) => T;
}

export type OptionDeclaration = FlagOption | ValueOption;
export type OptionDeclarations = Record<string, OptionDeclaration>;

type Parsed<O> = O extends { parse: (text: string) => infer T } ? T : string;
type ValueOf<O> = O extends { type: 'boolean' }
  ? boolean
  : O extends { repeatable: true }
    ? Parsed<O>[]
    : O extends { default: string }
      ? Parsed<O>
      : Parsed<O> | undefined;

/** The parsed values, typed from the declarations. */
export type OptionValues<D extends OptionDeclarations> = {
  -readonly [K in keyof D]: ValueOf<D[K]>;
};

export interface ParsedCommandLine<D extends OptionDeclarations> {
  values: OptionValues<D>;
  positionals: string[];
}

/** The options every command has; runCommand adds them to the command's own. */
export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h', description: commandText.helpOption },
  debug: { type: 'boolean', description: commandText.debugOption },
} as const satisfies OptionDeclarations;

/**
 * Parses `argv` (without node and script) against `declarations`. Unknown options, missing or
 * empty values and values that `parse` refuses are UsageErrors.
 */
export function parseOptions<D extends OptionDeclarations>(
  argv: readonly string[],
  declarations: D,
): ParsedCommandLine<D> {
  const spec: OptionSpec = {};
  for (const [name, option] of Object.entries(declarations)) {
    spec[name] = {
      type: option.type,
      ...(option.short !== undefined && { short: option.short }),
      ...(option.type === 'string' && option.repeatable && { multiple: true }),
    };
  }
  const parsed = parseCliArgs(argv, spec);
  if (!parsed.ok) throw new UsageError(parsed.message);
  const values: Record<string, unknown> = {};
  for (const [name, option] of Object.entries(declarations)) {
    const given = parsed.values[name];
    values[name] = option.type === 'boolean' ? given === true : valueOf(name, option, given);
  }
  return { values: values as OptionValues<D>, positionals: parsed.positionals };
}

function valueOf(name: string, option: ValueOption, given: unknown): unknown {
  const convert = (text: string) => {
    if (text.trim() === '') throw new UsageError(commandText.needsValue(`--${name}`));
    return option.parse ? option.parse(text) : text;
  };
  if (option.repeatable) {
    const texts = Array.isArray(given) ? (given as string[]) : [];
    return (texts.length > 0 || option.default === undefined ? texts : [option.default]).map(
      convert,
    );
  }
  const text = typeof given === 'string' ? given : option.default;
  return text === undefined ? undefined : convert(text);
}

/*
 * `--help`, written from a command's option declarations: one line per option with its value's
 * name, its description and its default, wrapped to the terminal width people expect.
 */

const WIDTH = 96;
const INDENT = '  ';
const GAP = 2;

export interface HelpText {
  /** The first line: `Usage: npm run validate [-- [options] [file]]`. */
  usage: string;
  /** What the command does, in a paragraph or two. */
  about: string;
  /** What follows the options: exit codes, environment, examples. */
  notes?: string;
}

/** The whole --help text of a command with these options. */
export function helpText(text: HelpText, options: OptionDeclarations): string {
  const rows = Object.entries(options).map(([name, option]) => [
    label(name, option),
    describeOption(option),
  ]);
  const column = Math.max(...rows.map(([left]) => left!.length)) + GAP;
  const lines = rows.flatMap(([left, right]) =>
    wrap(right!, WIDTH - INDENT.length - column).map(
      (line, index) => `${INDENT}${(index === 0 ? left! : '').padEnd(column)}${line}`,
    ),
  );
  const parts = [text.usage, text.about, ['Options:', ...lines].join('\n'), text.notes];
  return parts.filter((part) => part !== undefined && part !== '').join('\n\n');
}

function label(name: string, option: OptionDeclaration): string {
  const long = `--${name}${option.type === 'string' ? ` <${option.value}>` : ''}`;
  return option.short ? `-${option.short}, ${long}` : long;
}

function describeOption(option: OptionDeclaration): string {
  if (option.type === 'boolean') return option.description;
  const shown = option.defaultText ?? option.default;
  const repeat = option.repeatable ? '; may be given more than once' : '';
  return `${option.description}${shown === undefined ? '' : ` (default: ${shown})`}${repeat}`;
}

/** Splits `text` into lines of at most `width` characters at spaces (a longer word stays whole). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  return [...lines, line];
}

/* Options that several commands share, declared once: the résumé file, its size limit, --offline. */

/** The résumé read when none is named. */
export const DEFAULT_RESUME = 'resume.json';

export const resumeOption = {
  type: 'string',
  value: 'file',
  description: commandText.resumeOption,
  default: DEFAULT_RESUME,
} as const satisfies ValueOption;

export const maxSizeOption = {
  type: 'string',
  value: 'size',
  description: commandText.maxSizeOption,
  default: `${DEFAULT_MAX_BYTES / 1024 ** 2}MiB`,
  parse: (text: string): number => {
    const size = parseByteSize(text);
    if (size.ok) return size.bytes;
    throw new UsageError(
      size.reason === 'unreadable'
        ? commandText.unreadableMaxSize(text, MAX_READABLE_BYTES)
        : commandText.badMaxSize(text),
    );
  },
} as const satisfies ValueOption<number>;

/** `--offline`, declared once for the export and the preview. */
export const offlineOption = { type: 'boolean', description: commandText.offlineOption } as const;

/** --timeout, in seconds on the command line and milliseconds in the program (export, dev). */
export const timeoutOption = {
  type: 'string',
  value: 'seconds',
  description: commandText.timeoutOption,
  defaultText: String(DEFAULT_TIMEOUT_MS / 1000),
  parse: parseTimeout,
} as const;

function parseTimeout(value: string): number {
  const seconds = Number(value);
  if (value.trim() !== '' && Number.isFinite(seconds) && seconds > 0 && seconds <= 3600) {
    return Math.round(seconds * 1000);
  }
  throw new UsageError(commandText.badTimeout(value));
}

/** The arguments a command takes besides its options. */
export interface Positionals {
  min: number;
  max: number;
  /** The problem when the count is outside min…max. */
  wrongCount(given: readonly string[]): string;
}

/** For commands that read one résumé named by --resume: no other arguments. */
export const resumeIsAnOption: Positionals = {
  min: 0,
  max: 0,
  wrongCount: (given: readonly string[]): string =>
    commandText.unexpectedArgument(given[0] ?? '', commandText.nameResume),
};
