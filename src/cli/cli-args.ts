/**
 * Command-line parsing shared by the scripts: Node's own `parseArgs` in strict mode, with its
 * exceptions turned into one plain sentence, so every command rejects unknown options alike.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

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
export function parseCliArgs<T extends OptionSpec>(
  argv: readonly string[],
  options: T,
): CliArgs<T> {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options,
      allowPositionals: true,
      strict: true,
    });
    return { ok: true, values, positionals };
  } catch (error) {
    return { ok: false, message: describe(error, argv, options) };
  }
}

function describe(error: unknown, argv: readonly string[], options: OptionSpec): string {
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
