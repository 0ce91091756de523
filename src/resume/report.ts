/**
 * The human-readable report: one line per problem (file:line:column, severity, JSON path,
 * message), the fix on the line below, errors before warnings, and a summary line. At most
 * REPORT_LIMIT problems are listed, so a broken generated file cannot flood the terminal.
 */
import { styleText } from 'node:util';
import { countBySeverity, type Diagnostic } from './diagnostics.js';
import { escapeControls } from './message-text.js';
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
  // Paths, keys and quoted text come from the user's files: no control character reaches the
  // terminal raw, whichever reader made the diagnostic.
  for (const d of shown.map(escaped)) {
    const where =
      d.line > 0 ? `${escapeControls(file)}:${d.line}:${d.column}` : escapeControls(file);
    const severity =
      d.severity === 'error'
        ? paint(['bold', 'red'], 'error')
        : paint(['bold', 'yellow'], 'warning');
    const path = d.path === '(file)' ? '' : `  ${paint('cyan', d.path)}`;
    lines.push(`${paint('bold', where)}  ${severity}${path}  ${d.message}`);
    if (d.hint) lines.push(`    ${paint('green', text.fixLabel)} ${d.hint}`);
  }
  if (omitted > 0) lines.push(text.omitted(omitted, shown.length));
  const { errors, warnings } = countBySeverity(diagnostics);
  lines.push('', paint('bold', text.summary(errors, warnings, escapeControls(file))));
  return `${lines.join('\n')}\n`;
}

function escaped(d: Diagnostic): Diagnostic {
  return {
    ...d,
    path: escapeControls(d.path),
    message: escapeControls(d.message),
    ...(d.hint !== undefined && { hint: escapeControls(d.hint) }),
  };
}
