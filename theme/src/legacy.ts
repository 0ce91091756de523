/** Reads pre-1.0 field names as their 1.0 fields (see legacy-fields.ts). */
import { LEGACY_FIELDS } from './legacy-fields';
import { str } from './text';

/**
 * The item with each legacy field of its section moved to the 1.0 name when that one is empty
 * (or says the same). When both hold different values the legacy one stays where it is, and is
 * shown as an extra detail.
 */
export function upgradeLegacy(
  item: Record<string, unknown>,
  section: string,
): Record<string, unknown> {
  const upgraded = { ...item };
  for (const field of LEGACY_FIELDS) {
    const { legacy, current } = field;
    if (field.section !== section || !(legacy in upgraded)) continue;
    const written = str(upgraded[current]);
    if (written !== '' && written !== str(upgraded[legacy])) continue;
    if (written === '') upgraded[current] = upgraded[legacy];
    delete upgraded[legacy];
  }
  return upgraded;
}
