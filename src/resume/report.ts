/**
 * The human-readable report: one line per problem (file:line:column, severity, JSON path,
 * message), the fix on the line below, errors before warnings, and a summary line. At most
 * REPORT_LIMIT problems are listed, so a broken generated file cannot flood the terminal.
 */
import { styleText } from 'node:util';
import { countBySeverity, type Diagnostic } from './diagnostics.js';
import { printable } from '../printable.js';
import { report as text } from './messages.js';

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
    if (d.hint) lines.push(`    ${paint('green', text.fixLabel)} ${printable(d.hint)}`);
  }
  if (omitted > 0) lines.push(text.omitted(omitted, shown.length));
  const { errors, warnings } = countBySeverity(diagnostics);
  lines.push('', paint('bold', text.summary(errors, warnings, shownFile)));
  return `${lines.join('\n')}\n`;
}
