/**
 * Pre-1.0 field names (`company`, `website`, `picture`, `gpa` …) are legal extra fields, so the
 * schema passes them, yet themes made for 1.0 drop what they hold. One warning per such field,
 * naming its 1.0 name, with a fix that keeps the file valid. A legacy field that repeats its 1.0
 * field (kept for old themes, as resume.json does) is left alone.
 */
import { isDeepStrictEqual } from 'node:util';
import { LEGACY_FIELDS } from 'jsonresume-theme-camera-ready/data';
import type { Diagnostic } from './diagnostics.js';
import {
  formatPath,
  isObject,
  keyOffset,
  type Located,
  type PathSegment,
} from './json-locations.js';
import { legacy } from './messages.js';
import { tryRename } from './rename-check.js';
import { expectedWords } from './schema-diagnostics.js';

export function legacyFieldWarnings(doc: Located): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const field of LEGACY_FIELDS) {
    for (const path of holders(doc.value, field.parent)) {
      const holder = valueAt(doc.value, path);
      if (!isObject(holder) || !Object.hasOwn(holder, field.legacy)) continue;
      // A copy of the 1.0 field kept for themes that still read the old name loses nothing.
      if (isDeepStrictEqual(holder[field.legacy], holder[field.current])) continue;
      const renamed = tryRename(doc.value, path, field.legacy, field.current);
      const hint = renamed.ok
        ? legacy.rename(field.current)
        : renamed.reason === 'taken'
          ? legacy.both(field.current)
          : legacy.renameAndFix(field.current, expectedWords(renamed.error));
      const offset = keyOffset(doc.tree, path, field.legacy) ?? doc.tree.offset;
      found.push({
        severity: 'warning',
        path: formatPath([...path, field.legacy]),
        ...doc.positions(offset),
        ...legacy.renamed(field.legacy, field.current, field.renamedIn),
        hint,
      });
    }
  }
  return found.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Paths of the objects `parent` (`(root)`, `basics.location`, `work[]`) names in `resume`. */
function holders(resume: unknown, parent: string): PathSegment[][] {
  if (parent === '(root)') return [[]];
  const list = parent.endsWith('[]');
  const path: PathSegment[] = parent.replace(/\[\]$/, '').split('.');
  if (!list) return [path];
  const items = valueAt(resume, path);
  return Array.isArray(items) ? items.map((_, index) => [...path, index]) : [];
}

function valueAt(value: unknown, path: readonly PathSegment[]): unknown {
  let current = value;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}
