// The theme's fonts as base64 @font-face rules (Latin subsets), so the page looks the same
// everywhere and needs no network.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const FACES = [
  { family: 'Source Sans 3', pkg: '@fontsource/source-sans-3', weight: 400, style: 'normal' },
  { family: 'Source Sans 3', pkg: '@fontsource/source-sans-3', weight: 400, style: 'italic' },
  { family: 'Source Sans 3', pkg: '@fontsource/source-sans-3', weight: 600, style: 'normal' },
  { family: 'Source Sans 3', pkg: '@fontsource/source-sans-3', weight: 700, style: 'normal' },
  { family: 'Source Serif 4', pkg: '@fontsource/source-serif-4', weight: 600, style: 'normal' },
];

// The Latin subset's range as @fontsource declares it.
const LATIN =
  'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, ' +
  'U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD';

function face({ family, pkg, weight, style }) {
  const slug = pkg.split('/')[1];
  const file = require.resolve(`${pkg}/files/${slug}-latin-${weight}-${style}.woff2`);
  const data = readFileSync(file).toString('base64');
  return (
    `@font-face{font-family:'${family}';font-style:${style};font-display:block;` +
    `font-weight:${weight};src:url(data:font/woff2;base64,${data}) format('woff2');` +
    `unicode-range:${LATIN};}`
  );
}

/** Every @font-face rule of the theme, one per line. */
export function fontFaces() {
  return FACES.map(face).join('\n') + '\n';
}
