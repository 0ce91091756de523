// The contact icons, cut by cut-icons.mjs from Simple Icons (brands, CC0) and Tabler's filled icons
// (MIT) and committed in icons/icons.json: one small inline <svg> each, drawn in the text colour,
// hidden from assistive technology. The theme reads no file at render time.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'icons', 'icons.json');

/** Our name for each icon (src/icons.ts) → its markup. */
export function contactIcons() {
  return JSON.parse(readFileSync(file, 'utf8'));
}
