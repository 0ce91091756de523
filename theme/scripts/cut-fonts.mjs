// Cuts the theme's font subsets from the type designers' packages and writes them to fonts/ (the
// woff2 files and subsets.json), which are committed: the build reads them (fonts.mjs), so
// installing the project does not install 80 MB of font sources. Run it when a subset or a font
// version changes: `node theme/scripts/cut-fonts.mjs`. It installs the pinned packages below into
// a scratch folder first. Each face is cut with HarfBuzz to the characters its subset covers; the
// unicode-range of each face lists exactly the characters the cut font has.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The packages the subsets are cut from, and the cutting tools, at the versions last cut. */
const PACKAGES = [
  '@fontsource/source-sans-3@5.3.1',
  '@fontsource/source-serif-4@5.3.1',
  '@fontsource/vazirmatn@5.3.0',
  '@fontsource/noto-sans-hebrew@5.3.0',
  'source-sans@3.52.0',
  'source-serif@4.5.1',
  'subset-font@2.9.0',
  'harfbuzzjs@1.6.4',
];

const scratch = mkdtempSync(join(tmpdir(), 'camera-ready-fonts-'));
execFileSync(
  'npm',
  ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', scratch, ...PACKAGES],
  {
    stdio: 'inherit',
  },
);
const require = createRequire(join(scratch, 'node_modules', 'cut.js'));
const subsetFont = require('subset-font');
// An ES module with top-level await: imported, at the path the scratch folder resolves it to.
const { Blob, Face } = await import(pathToFileURL(require.resolve('harfbuzzjs')).href);

const SANS = '@fontsource/source-sans-3';
const SERIF = '@fontsource/source-serif-4';
const FACES = [
  {
    family: 'Source Sans 3',
    pkg: SANS,
    weight: 400,
    style: 'normal',
    full: 'source-sans/WOFF2/TTF/SourceSans3-Regular.ttf.woff2',
  },
  {
    family: 'Source Sans 3',
    pkg: SANS,
    weight: 400,
    style: 'italic',
    full: 'source-sans/WOFF2/TTF/SourceSans3-It.ttf.woff2',
  },
  {
    family: 'Source Sans 3',
    pkg: SANS,
    weight: 600,
    style: 'normal',
    full: 'source-sans/WOFF2/TTF/SourceSans3-Semibold.ttf.woff2',
  },
  {
    family: 'Source Sans 3',
    pkg: SANS,
    weight: 600,
    style: 'italic',
    full: 'source-sans/WOFF2/TTF/SourceSans3-SemiboldIt.ttf.woff2',
  },
  {
    family: 'Source Sans 3',
    pkg: SANS,
    weight: 700,
    style: 'normal',
    full: 'source-sans/WOFF2/TTF/SourceSans3-Bold.ttf.woff2',
  },
  {
    family: 'Source Serif 4',
    pkg: SERIF,
    weight: 600,
    style: 'normal',
    full: 'source-serif/WOFF2/TTF/SourceSerif4-Semibold.ttf.woff2',
  },
];

/** The web subsets @fontsource ships; Latin is always embedded, the others when used. */
const SCRIPTS = [
  { name: 'latin' },
  // Before Latin Extended, which also has the Vietnamese letters but much else besides.
  { name: 'vietnamese' },
  // The letters of Polish, Czech, Turkish, Hungarian… apart from the rest of Latin Extended, so
  // a CV in those languages carries a small subset.
  { name: 'latin-ext-a', script: 'latin-ext', only: [[0x100, 0x17f]] },
  { name: 'latin-ext' },
  { name: 'cyrillic' },
  { name: 'cyrillic-ext' },
  { name: 'greek' },
  { name: 'greek-ext' },
];

/**
 * Symbols CVs use, which the web subsets leave out: cut from the complete fonts by Unicode block,
 * so a CV with one arrow carries the arrows only.
 */
const SYMBOL_BLOCKS = [
  // ← ↑ → ↓ ↔ ↕ and ⇐ ⇑ ⇒ ⇓ ⇔: the arrows of "A → B" and "x ⇒ y".
  {
    name: 'arrows',
    ranges: [
      [0x2190, 0x2195],
      [0x21d0, 0x21d4],
    ],
  },
  { name: 'math', ranges: [[0x2200, 0x22ff]] },
  { name: 'shapes', ranges: [[0x25a0, 0x25ff]] },
  { name: 'dingbats', ranges: [[0x2700, 0x27bf]] },
];

/** Symbols stand alone: no kerning or ligatures with the letters around them to keep. */
const SYMBOL_OPTIONS = { dropTables: ['GSUB', 'GPOS', 'GDEF', 'BASE'] };

/**
 * Scripts our families lack, each from a sans that suits them, embedded when used. Arabic script
 * (also Persian and Urdu letters) from Vazirmatn, which draws each letter as one glyph: Noto Sans
 * Arabic builds letters from a skeleton and separate dots, which Chromium's PDF writer can only
 * map back to text cluster by cluster, so text extraction splits its words. Hebrew from Noto Sans
 * Hebrew.
 */
const OTHER_SCRIPTS = [
  { name: 'arabic', family: 'Vazirmatn', pkg: '@fontsource/vazirmatn' },
  { name: 'hebrew', family: 'Noto Sans Hebrew', pkg: '@fontsource/noto-sans-hebrew' },
];

/** "U+0000-00FF,U+0131" → [[0, 255], [305, 305]]. */
function parseRanges(declared) {
  return declared.split(',').map((part) => {
    const [from, to] = part.trim().slice(2).split('-');
    return [parseInt(from, 16), parseInt(to ?? from, 16)];
  });
}

/** The characters of the ranges; control characters have no glyph (and would end the text early). */
function characters(ranges) {
  let text = '';
  for (const [from, to] of ranges) {
    for (let c = Math.max(from, 0x20); c <= to; c++) text += String.fromCodePoint(c);
  }
  return text;
}

/** Sorted code points as ranges: [1, 2, 3, 7] → [[1, 3], [7, 7]]. */
function toRanges(codes) {
  const ranges = [];
  for (const code of [...codes].sort((a, b) => a - b)) {
    const last = ranges[ranges.length - 1];
    if (last && code === last[1] + 1) last[1] = code;
    else ranges.push([code, code]);
  }
  return ranges;
}

const hex = (code) => code.toString(16).toUpperCase().padStart(4, '0');
const cssRanges = (ranges) =>
  ranges.map(([a, b]) => (a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`)).join(',');

/** One face cut to `text`: its woff2 and the characters it has, or null if none. */
async function cut(face, source, text, options = {}) {
  const font = readFileSync(source);
  const sfnt = await subsetFont(font, text, { targetFormat: 'sfnt' });
  const codes = [...new Face(new Blob(sfnt)).collectUnicodes()].filter((c) =>
    text.includes(String.fromCodePoint(c)),
  );
  if (codes.length === 0) return null;
  // Hints help small type on old screens only; a CV is read in print or at high resolution.
  const woff2 = await subsetFont(font, text, {
    targetFormat: 'woff2',
    noHinting: true,
    ...options,
  });
  const ranges = toRanges(codes);
  return { face, woff2, ranges, unicodeRange: cssRanges(ranges) };
}

async function subset(name, always, parts) {
  const faces = (await Promise.all(parts)).filter((part) => part !== null);
  const codes = new Set(
    faces.flatMap(({ ranges }) =>
      ranges.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a + i)),
    ),
  );
  return { name, always, ranges: toRanges(codes), faces };
}

/** A face of a @fontsource web subset, or null when the family has no such subset. */
function webFace(face, script, only = [[0, 0x10ffff]]) {
  const slug = face.pkg.split('/')[1];
  const declared = JSON.parse(readFileSync(require.resolve(`${face.pkg}/unicode.json`), 'utf8'));
  let file;
  try {
    file = require.resolve(
      `${face.pkg}/files/${slug}-${script}-${face.weight}-${face.style}.woff2`,
    );
  } catch {
    return null;
  }
  const within = (char) => {
    const code = char.codePointAt(0);
    return only.some(([from, to]) => code >= from && code <= to);
  };
  return cut(face, file, [...characters(parseRanges(declared[script]))].filter(within).join(''));
}

/** Every font subset of the theme: name, the characters it covers, its cut faces. */
async function fontSubsets() {
  return Promise.all([
    ...SCRIPTS.map(({ name, script = name, only }) =>
      subset(
        name,
        name === 'latin',
        FACES.map((face) => webFace(face, script, only)),
      ),
    ),
    ...SYMBOL_BLOCKS.map(({ name, ranges }) =>
      subset(
        name,
        false,
        FACES.map((face) =>
          cut(face, require.resolve(face.full), characters(ranges), SYMBOL_OPTIONS),
        ),
      ),
    ),
    ...OTHER_SCRIPTS.map(({ name, family, pkg }) =>
      subset(
        name,
        false,
        [400, 700].map((weight) => webFace({ family, pkg, weight, style: 'normal' }, name)),
      ),
    ),
  ]);
}

const fonts = join(dirname(fileURLToPath(import.meta.url)), '..', 'fonts');
// The previous cut goes; the folder's README stays.
for (const file of readdirSync(fonts)) {
  if (file.endsWith('.woff2') || file === 'subsets.json') rmSync(join(fonts, file));
}
const manifest = [];
for (const { name, always, ranges, faces } of await fontSubsets()) {
  manifest.push({
    name,
    always,
    ranges,
    faces: faces.map(({ face, woff2, unicodeRange }) => {
      const slug = face.family.toLowerCase().replace(/ /g, '-');
      const file = `${name}-${slug}-${face.weight}${face.style === 'italic' ? '-italic' : ''}.woff2`;
      writeFileSync(join(fonts, file), woff2);
      return { family: face.family, style: face.style, weight: face.weight, file, unicodeRange };
    }),
  });
}
writeFileSync(join(fonts, 'subsets.json'), `${JSON.stringify(manifest, null, 2)}\n`);
// In the repository's style, so an unchanged cut leaves the file unchanged.
execFileSync('npx', ['prettier', '--write', join(fonts, 'subsets.json')], { stdio: 'inherit' });
rmSync(scratch, { recursive: true, force: true });
