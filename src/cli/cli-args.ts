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
    return { ok: false, message: describe(error) };
  }
}

function describe(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  const option = /'(-[^']*)'/.exec(message ?? '')?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `unknown option ${option}.`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    // Node names the option as "-l, --loud" or "--owner <value>": the long name is the one to show.
    const name = /--[^\s,]+/.exec(option)?.[0] ?? option;
    return `option ${name} ${/argument missing/.test(message ?? '') ? 'needs a value' : 'takes no value'}.`;
  }
  // Node's own sentence is the most precise description left.
  return (message ?? String(error)).split('. ')[0] + '.';
}
