/**
 * Diagnostics: the located problems the validator finds, the shape of their texts (with the
 * helpers every group of messages writes values with), and the report that lists them.
 */
import { styleText } from 'node:util';
import { printable } from '../printable.js';

/** One problem found in a résumé file, as the validator reports it. */
export interface Diagnostic {
  severity: 'error' | 'warning';
  /** JSON path in JavaScript notation, e.g. `work[0].endDate`; `(root)` or `(file)` otherwise. */
  path: string;
  /** 1-based; 0 when the problem concerns the whole file (it could not be read). */
  line: number;
  column: number;
  /** The offending value, when there is one. */
  value?: unknown;
  /** What is wrong and what was expected, in plain words. */
  message: string;
  /** How to fix it, when the mistake is a common one. */
  hint?: string;
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): {
  errors: number;
  warnings: number;
} {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return { errors, warnings: diagnostics.length - errors };
}

// The shape of a diagnostic's text, and the helpers every group of messages writes values with.

export interface MessageText {
  message: string;
  hint?: string;
}

/** A text that depends on nothing: the same message (and hint) every time. */
export function fixedText(message: string, hint?: string): () => MessageText {
  return () => (hint === undefined ? { message } : { message, hint });
}

const QUOTE_LIMIT = 60;

/** JSON as printed: its control characters escaped, DEL and C1 included. */
const json = (value: unknown): string => printable(JSON.stringify(value) ?? String(value));

/**
 * A value as it appears in JSON, shortened so one bad value cannot flood the terminal. A
 * shortened text keeps its closing quote, and a shortened list or object its closing bracket.
 */
export function quote(value: unknown): string {
  const text = json(value);
  if (text.length <= QUOTE_LIMIT) return text;
  if (typeof value === 'string') {
    // Cut whole characters (never half a surrogate pair), then quote, so escapes stay whole.
    const characters = Array.from(value);
    let keep = QUOTE_LIMIT - 3;
    let shortened = json(`${characters.slice(0, keep).join('')}…`);
    while (shortened.length > QUOTE_LIMIT && keep > 0) {
      keep -= 1;
      shortened = json(`${characters.slice(0, keep).join('')}…`);
    }
    return shortened;
  }
  // A list or an object: close an open string and the bracket after the cut.
  let head = text.slice(0, QUOTE_LIMIT - 4).replace(/(?<!\\)((?:\\\\)*)\\$/, '$1');
  const quotes = (head.match(/(?<!\\)(?:\\\\)*"/g) ?? []).length;
  if (quotes % 2 === 1) head += '…"';
  else head += '…';
  return `${head}${text.at(-1) ?? ''}`;
}

/** Plain words for JSON Schema types. */
const TYPE_WORDS: Record<string, string> = {
  string: 'text in double quotes',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list [ … ]',
  object: 'an object { … }',
  null: 'null',
};

export function typeWords(type: string): string {
  return TYPE_WORDS[type] ?? type;
}

export const report = {
  summary: (errors: number, warnings: number, file: string): string =>
    `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${file}`,
  valid: (file: string, version: string): string =>
    `${file} is valid (JSON Resume ${version} + camera-ready extensions)`,
  fixLabel: 'fix:',
  omitted: (count: number, shown: number): string =>
    `… and ${count} more (only the first ${shown} are shown; fix these and run again)`,
};

// The human-readable report: one line per problem (file:line:column, severity, JSON path,
// message), the fix on the line below, errors before warnings, and a summary line. At most
// REPORT_LIMIT problems are listed, so a broken generated file cannot flood the terminal.

/** More problems than this are counted, not listed (in the text report and in --json). */
export const REPORT_LIMIT = 200;

/** The diagnostics a report lists, errors first, and how many were left out. */
export function listed(diagnostics: readonly Diagnostic[]): {
  shown: Diagnostic[];
  omitted: number;
} {
  const ordered = [
    ...diagnostics.filter((d) => d.severity === 'error'),
    ...diagnostics.filter((d) => d.severity === 'warning'),
  ];
  return {
    shown: ordered.slice(0, REPORT_LIMIT),
    omitted: Math.max(0, ordered.length - REPORT_LIMIT),
  };
}

export interface ReportStyle {
  color: boolean;
}

type Style = Parameters<typeof styleText>[0];

export function formatReport(
  diagnostics: readonly Diagnostic[],
  file: string,
  { color }: ReportStyle = { color: false },
): string {
  if (diagnostics.length === 0) return '';
  // The caller decides about colour (TTY, NO_COLOR); styleText must not second-guess it by
  // looking at stdout.
  const paint = (style: Style, value: string): string =>
    color ? styleText(style, value, { validateStream: false }) : value;
  const { shown, omitted } = listed(diagnostics);
  const lines: string[] = [];
  // The file's name, paths and messages quote what the file holds: made printable before colour.
  const shownFile = printable(file);
  for (const d of shown) {
    const where = d.line > 0 ? `${shownFile}:${d.line}:${d.column}` : shownFile;
    const severity =
      d.severity === 'error'
        ? paint(['bold', 'red'], 'error')
        : paint(['bold', 'yellow'], 'warning');
    const path = d.path === '(file)' ? '' : `  ${paint('cyan', printable(d.path))}`;
    lines.push(`${paint('bold', where)}  ${severity}${path}  ${printable(d.message)}`);
    if (d.hint) lines.push(`    ${paint('green', report.fixLabel)} ${printable(d.hint)}`);
  }
  if (omitted > 0) lines.push(report.omitted(omitted, shown.length));
  const { errors, warnings } = countBySeverity(diagnostics);
  lines.push('', paint('bold', report.summary(errors, warnings, shownFile)));
  return `${lines.join('\n')}\n`;
}
