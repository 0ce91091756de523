/**
 * `--help`, written from a command's option declarations: one line per option with its value's
 * name, its description and its default, wrapped to the terminal width people expect.
 */
import type { OptionDeclaration, OptionDeclarations } from './options.js';

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
    describe(option),
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

function describe(option: OptionDeclaration): string {
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
