/**
 * One declaration per command-line option: what it is called, what it means, its type and its
 * default. The same declarations parse the command line (Node's `parseArgs`, strict) and write
 * `--help` (src/cli/help.ts), so the two cannot disagree.
 */
import { UsageError } from '../errors.js';
import { parseCliArgs, type OptionSpec } from './cli-args.js';
import { commandText } from './messages.js';

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
