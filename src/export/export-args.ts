import { parseCliArgs, type OptionSpec } from '../cli/cli-args.js';
import { CliError, EXIT } from '../cli/cli-error.js';
import { DEFAULT_TIMEOUT_MS } from './export-steps.js';
import { FORMATS } from './formats.js';
import { parseByteSize } from '../resume/input-limits.js';
import { cli } from '../resume/messages.js';
import { PAPERS, type Paper } from './pdf.js';

export interface ExportArgs {
  help: boolean;
  resume: string;
  theme: string | undefined;
  out: string;
  formats: string[];
  paper: Paper | undefined;
  /** A variant from meta.variants, or undefined for the résumé as it is. */
  variant: string | undefined;
  force: boolean;
  strict: boolean;
  quiet: boolean;
  /** Larger résumé files are refused; undefined for the default limit. */
  maxBytes: number | undefined;
  /** --timeout in milliseconds, or undefined for the default. */
  timeoutMs: number | undefined;
}

export const EXPORT_USAGE = `Usage: npm run export -- [options]

Validates a JSON Resume, renders it with a theme and prints it with Chromium.

Options:
  --resume <file>     the résumé (default: resume.json)
  --theme <theme>     a theme folder (./theme), an installed package (jsonresume-theme-even)
                      or its short name (even); default: meta.theme of the résumé, else ./theme
  --out <folder>      where to write resume.<format> (default: dist)
  --format <list>     comma-separated: ${Object.keys(FORMATS).join(', ')} (default: html,pdf)
  --paper <size>      a4 or letter (default: the theme's, else A4)
  --variant <name>    a variant from meta.variants, written as resume-<name>.<format>; fails
                      (exit 3) when its PDF has more pages than the variant's pageBudget
  --force             export without validating (the file must still be JSON)
  --max-size <size>   refuse larger résumé files (default 16MB), e.g. 32MB
  --timeout <seconds> the longest the theme's render, and each browser step (page load,
                      print, preview), may take before the export stops (default: ${DEFAULT_TIMEOUT_MS / 1000})
  --strict            fail (exit 3) when the page has characters no installed font can draw,
                      instead of warning
  --quiet             print only warnings and errors
  -h, --help          show this help

Chromium: PUPPETEER_EXECUTABLE_PATH or CHROME_PATH, else puppeteer's download, else the system's
(chromium-headless-shell, chromium, google-chrome). As root on Debian a missing Chromium is
installed with apt-get unless CAMERA_READY_NO_BROWSER_INSTALL=1.

Exit codes: 0 written, 1 invalid résumé, 2 unreadable résumé or bad option (or unknown variant),
3 theme, browser or write failure, a variant over its page budget, or (with --strict) characters
without a font.`;

const OPTIONS = {
  resume: { type: 'string', default: 'resume.json' },
  theme: { type: 'string' },
  out: { type: 'string', default: 'dist' },
  format: { type: 'string', default: 'html,pdf' },
  paper: { type: 'string' },
  variant: { type: 'string' },
  force: { type: 'boolean', default: false },
  'max-size': { type: 'string' },
  timeout: { type: 'string' },
  strict: { type: 'boolean', default: false },
  quiet: { type: 'boolean', short: 'q', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies OptionSpec;

/** Parses the export command line; bad options are CliErrors with exit code 2. */
export function parseExportArgs(argv: string[]): ExportArgs {
  const parsed = parseCliArgs(argv, OPTIONS);
  const fail = (message: string) =>
    new CliError(`${message} Run with --help for the options.`, EXIT.badInputOrOptions);
  if (!parsed.ok) throw fail(parsed.message);
  const { values, positionals } = parsed;
  if (positionals.length > 0) {
    throw fail(`unexpected argument ${positionals[0]}; name the résumé with --resume <file>.`);
  }
  return {
    help: values.help,
    resume: nonEmpty('--resume', values.resume),
    theme: values.theme === undefined ? undefined : nonEmpty('--theme', values.theme),
    out: nonEmpty('--out', values.out),
    formats: parseFormats(values.format),
    paper: values.paper === undefined ? undefined : parsePaper(values.paper),
    variant: values.variant === undefined ? undefined : nonEmpty('--variant', values.variant),
    force: values.force,
    strict: values.strict,
    quiet: values.quiet,
    maxBytes: values['max-size'] === undefined ? undefined : parseMaxSize(values['max-size']),
    timeoutMs: values.timeout === undefined ? undefined : parseTimeout(values.timeout),
  };
}

function parseTimeout(value: string): number {
  const seconds = Number(value);
  if (value.trim() !== '' && Number.isFinite(seconds) && seconds > 0 && seconds <= 3600) {
    return Math.round(seconds * 1000);
  }
  throw new CliError(
    `--timeout ${value}: give a number of seconds between 0 and 3600, e.g. --timeout 60.`,
    EXIT.badInputOrOptions,
  );
}

function nonEmpty(option: string, value: string): string {
  if (value.trim() === '') throw new CliError(`${option} needs a value.`, EXIT.badInputOrOptions);
  return value;
}

function parseFormats(list: string): string[] {
  const names = [...new Set(list.split(',').map((name) => name.trim().toLowerCase()))];
  const unknown = names.filter((name) => !(name in FORMATS));
  if (names.length === 0 || unknown.length > 0 || names.includes('')) {
    throw new CliError(
      `--format ${list}: unknown format${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `"${n}"`).join(', ')}. Choose from: ${Object.keys(FORMATS).join(', ')} (comma-separated).`,
      EXIT.badInputOrOptions,
    );
  }
  return names;
}

function parseMaxSize(value: string): number {
  const bytes = parseByteSize(value);
  if (bytes === undefined) throw new CliError(cli.badMaxSize(value), EXIT.badInputOrOptions);
  return bytes;
}

function parsePaper(value: string): Paper {
  const paper = value.toLowerCase();
  if ((PAPERS as readonly string[]).includes(paper)) return paper as Paper;
  throw new CliError(`--paper ${value}: choose a4 or letter.`, EXIT.badInputOrOptions);
}
