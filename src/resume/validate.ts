/**
 * Validating a résumé: strict JSON, then the official JSON Resume schema and the camera-ready
 * extensions in one pass, then warnings for what the schema lets pass but themes lose: pre-1.0
 * field names, likely misspellings of known fields, impossible calendar dates and raw HTML. Every problem comes back as
 * a located diagnostic; nothing is printed or written here.
 */
import type { Resume } from 'jsonresume-theme-camera-ready';
import type { InputStatus } from '../errors.js';
import { formatReport, type Diagnostic } from './diagnostics.js';
import { MAX_NESTING, nestingTooDeep } from './json-syntax.js';
import { parseResumeText, readResumeText, type ReadLimits } from './load.js';
import { resumeSchemas, resumeValidator } from './schema.js';
import { misspeltFields, schemaDiagnostics } from './schema-diagnostics.js';
import {
  asShapeWarning,
  calendarDateWarnings,
  legacyFieldWarnings,
  rawHtmlWarnings,
  splitByOrigin,
} from './warnings.js';

export type { Diagnostic } from './diagnostics.js';

export interface ValidationOutcome {
  /** `ok`: valid (warnings allowed); `invalid`: not valid JSON or not a valid résumé. */
  status: InputStatus;
  file: string;
  /** The résumé, present only when it is valid. */
  resume?: Resume;
  diagnostics: Diagnostic[];
  /** The plain-text report for stderr; empty when valid without warnings. */
  report: string;
}

export async function validateFile(
  path: string,
  limits: ReadLimits = {},
): Promise<ValidationOutcome> {
  const read = await readResumeText(path, limits);
  if (!read.ok) return outcome(path, read.status, [read.diagnostic]);
  return validateText(read.text, path);
}

/** Validates résumé text in memory; `file` is the name used in the report. */
export function validateText(text: string, file: string): ValidationOutcome {
  const parsed = parseResumeText(text);
  if (!parsed.ok) return outcome(file, 'invalid', parsed.errors);
  const validate = resumeValidator();
  const valid = validate(parsed.value);
  const origin = splitByOrigin(valid ? [] : (validate.errors ?? []), resumeSchemas().official);
  const schemaFindings = schemaDiagnostics(origin.official, parsed);
  const errors = schemaFindings.filter((d) => d.severity === 'error');
  const legacy = legacyFieldWarnings(parsed);
  const legacyPaths = new Set(legacy.map((d) => d.path));
  const warnings = [
    ...schemaFindings.filter((d) => d.severity === 'warning'),
    ...parsed.warnings,
    ...schemaDiagnostics(origin.extensions, parsed).map(asShapeWarning),
    ...legacy,
    // A pre-1.0 name is reported as such, not also as a misspelling.
    ...misspeltFields(parsed.value, parsed.tree, parsed.positions).filter(
      (d) => !legacyPaths.has(d.path),
    ),
    ...calendarDateWarnings(parsed),
    ...rawHtmlWarnings(parsed),
  ];
  const diagnostics = [...errors, ...warnings];
  if (errors.length > 0) return outcome(file, 'invalid', diagnostics);
  // The schema has just checked this value against the shape `Resume` describes.
  return { ...outcome(file, 'ok', diagnostics), resume: parsed.value };
}

/**
 * Like validateText when only errors matter (a program checking the text it is about to write):
 * a valid text is recognised by the runtime's JSON reader and the schema alone, without the
 * located syntax tree and the warnings, which the full validation builds only when it fails.
 */
export function validateForErrors(text: string, file: string): ValidationOutcome {
  // Deeper than the limit is an error the runtime's reader would not report.
  if (nestingTooDeep(text, MAX_NESTING) === undefined) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return validateText(text, file);
    }
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const validate = resumeValidator();
      // The schema has just checked this value against the shape `Resume` describes.
      if (validate(value)) return { ...outcome(file, 'ok', []), resume: value as Resume };
    }
  }
  return validateText(text, file);
}

function outcome(file: string, status: InputStatus, diagnostics: Diagnostic[]): ValidationOutcome {
  return { status, file, diagnostics, report: formatReport(diagnostics, file) };
}
