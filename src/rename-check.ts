/**
 * Whether renaming a field, as a hint would tell someone to, gives a valid file: the new name
 * must not be taken already, and the value must be valid under the new name. A hint that breaks
 * the file when followed is worse than none.
 */
import type { ErrorObject } from 'ajv';
import type { PathSegment } from './json-locations.js';
import { resumeValidator } from './resume-schema.js';

export type RenameOutcome =
  | { ok: true }
  | { ok: false; reason: 'taken' }
  | { ok: false; reason: 'invalid'; error: ErrorObject };

/** Renames `from` to `to` in the object at `path` of a copy of `resume` and validates the copy. */
export function tryRename(
  resume: unknown,
  path: readonly PathSegment[],
  from: string,
  to: string,
): RenameOutcome {
  const copy: unknown = structuredClone(resume);
  let holder: unknown = copy;
  for (const segment of path) holder = (holder as Record<string | number, unknown>)[segment];
  const object = holder as Record<string, unknown>;
  if (Object.hasOwn(object, to)) return { ok: false, reason: 'taken' };
  object[to] = object[from];
  delete object[from];
  const validate = resumeValidator();
  if (validate(copy)) return { ok: true };
  const pointer = [...path, to]
    .map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`)
    .join('');
  const error = (validate.errors ?? []).find(
    (e) => e.instancePath === pointer || e.instancePath.startsWith(`${pointer}/`),
  );
  return error ? { ok: false, reason: 'invalid', error } : { ok: true };
}
