// The theme's fonts as base64 @font-face rules, in subsets by script, so the page looks the same
// everywhere, needs no network, and carries only the subsets its text uses (src/fonts.ts picks).
// The subsets are cut by cut-fonts.mjs and committed in fonts/: subsets.json lists each subset's
// characters and faces, one woff2 file per face.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const fonts = join(dirname(fileURLToPath(import.meta.url)), '..', 'fonts');

/** Every font subset of the theme: name, the characters it covers, its @font-face rules. */
export function fontSubsets() {
  const manifest = JSON.parse(readFileSync(join(fonts, 'subsets.json'), 'utf8'));
  return manifest.map(({ name, always, ranges, faces }) => ({
    name,
    always,
    ranges,
    css: faces
      .map(
        ({ family, style, weight, file, unicodeRange }) =>
          `@font-face{font-family:'${family}';font-style:${style};font-display:block;` +
          `font-weight:${weight};src:url(data:font/woff2;base64,${readFileSync(join(fonts, file)).toString('base64')}) format('woff2');` +
          `unicode-range:${unicodeRange};}`,
      )
      .join('\n'),
  }));
}
