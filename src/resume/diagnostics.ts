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
