/**
 * Whether renaming a field, as a hint would tell someone to, gives a valid file: the new name
 * must not be taken already, and the value must be valid under the new name. A hint that breaks
 * the file when followed is worse than none.
 */
import type { ErrorObject } from 'ajv';
import type { PathSegment } from './json-locations.js';
import { resumeValidator } from './schema-validator.js';

export type RenameOutcome =
  | { ok: true }
  | { ok: false; reason: 'taken' }
  | { ok: false; reason: 'invalid'; error: ErrorObject };

/**
 * Renames `from` to `to` in the object at `path` of `resume` and validates that object alone,
 * placed where it sits, so the cost does not grow with the size of the résumé.
 */
export function tryRename(
  resume: unknown,
  path: readonly PathSegment[],
  from: string,
  to: string,
): RenameOutcome {
  let holder: unknown = resume;
  for (const segment of path) holder = (holder as Record<string | number, unknown>)[segment];
  const object = holder as Record<string, unknown>;
  if (Object.hasOwn(object, to)) return { ok: false, reason: 'taken' };
  const renamed: Record<string, unknown> = { ...object, [to]: object[from] };
  delete renamed[from];
  const error = firstErrorAt(path, renamed, [...path, to]);
  return error ? { ok: false, reason: 'invalid', error } : { ok: true };
}

/** Whether `value` would be valid at `path` (a fix that replaces the value there). */
export function fitsAt(path: readonly PathSegment[], value: unknown): boolean {
  return firstErrorAt(path, value, path) === undefined;
}

/**
 * Validates `value` placed at `path` in an otherwise empty résumé (list indices become 0: every
 * item of a list has the same schema) and returns the first error at or under `errorsAt`.
 */
function firstErrorAt(
  path: readonly PathSegment[],
  value: unknown,
  errorsAt: readonly PathSegment[],
): ErrorObject | undefined {
  let document: unknown = value;
  for (const segment of [...path].reverse()) {
    document = typeof segment === 'number' ? [document] : { [segment]: document };
  }
  const validate = resumeValidator();
  if (validate(document)) return undefined;
  const pointer = errorsAt
    .map((s) => (typeof s === 'number' ? 0 : s))
    .map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`)
    .join('');
  return (validate.errors ?? []).find(
    (e) => e.instancePath === pointer || e.instancePath.startsWith(`${pointer}/`),
  );
}
