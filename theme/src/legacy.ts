/** Reads pre-1.0 field names as their 1.0 fields (see legacy-fields.ts). */
import { LEGACY_FIELDS } from './legacy-fields';
import { str } from './text';

const written = (value: unknown): boolean =>
  str(value) !== '' || (Array.isArray(value) && value.length > 0);

/**
 * The object at `parent` (`(root)`, `basics`, `basics.location`, `work[]`…) with each of its
 * legacy fields moved to the 1.0 name when that one is empty (or says the same). When both hold
 * different values the legacy one stays where it is, and is shown as an extra detail.
 */
export function upgradeLegacy(
  item: Record<string, unknown>,
  parent: string,
): Record<string, unknown> {
  const upgraded = { ...item };
  for (const field of LEGACY_FIELDS) {
    const { legacy, current } = field;
    if (field.parent !== parent || !(legacy in upgraded)) continue;
    const now = upgraded[current];
    if (written(now) && JSON.stringify(now) !== JSON.stringify(upgraded[legacy])) continue;
    if (!written(now)) upgraded[current] = upgraded[legacy];
    delete upgraded[legacy];
  }
  return upgraded;
}
