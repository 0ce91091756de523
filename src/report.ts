/**
 * The human-readable report: one line per problem (file:line:column, severity, JSON path,
 * message), the fix on the line below, errors before warnings, and a summary line.
 */
import { styleText } from 'node:util';
import { countBySeverity, type Diagnostic } from './diagnostics.js';
import { report as text } from './messages.js';

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
  const ordered = [
    ...diagnostics.filter((d) => d.severity === 'error'),
    ...diagnostics.filter((d) => d.severity === 'warning'),
  ];
  const lines: string[] = [];
  for (const d of ordered) {
    const where = d.line > 0 ? `${file}:${d.line}:${d.column}` : file;
    const severity =
      d.severity === 'error'
        ? paint(['bold', 'red'], 'error')
        : paint(['bold', 'yellow'], 'warning');
    const path = d.path === '(file)' ? '' : `  ${paint('cyan', d.path)}`;
    lines.push(`${paint('bold', where)}  ${severity}${path}  ${d.message}`);
    if (d.hint) lines.push(`    ${paint('green', text.fixLabel)} ${d.hint}`);
  }
  const { errors, warnings } = countBySeverity(diagnostics);
  lines.push('', paint('bold', text.summary(errors, warnings, file)));
  return `${lines.join('\n')}\n`;
}
