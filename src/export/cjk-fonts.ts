/**
 * Chinese, Japanese and Korean in a PDF with named, embedded fonts. Chromium's PDF writer embeds
 * TrueType-outline fonts as CID fonts under their own names, but draws every glyph of a
 * CFF-outline font, such as the Noto CJK that Linux distributions install, as an unnamed Type 3
 * font. So when a page names a Noto Sans CJK family and the TrueType cut of that family is
 * installed (the optional @fontsource packages), the printed page gets @font-face rules under
 * the same family name for the slices its text needs. The fonts are served from node_modules
 * through the sealed page's request interception: nothing is fetched and the theme's HTML is
 * unchanged.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { SERVED_FONT_ORIGIN, embeddedCoverage, pageText, type Coverage } from './glyph-coverage.js';

/** The system's family name and the package with its TrueType cut, in the same regional forms. */
const FAMILIES = [
  { family: 'Noto Sans CJK SC', pkg: '@fontsource/noto-sans-sc' },
  { family: 'Noto Sans CJK TC', pkg: '@fontsource/noto-sans-tc' },
  { family: 'Noto Sans CJK JP', pkg: '@fontsource/noto-sans-jp' },
  { family: 'Noto Sans CJK KR', pkg: '@fontsource/noto-sans-kr' },
];

/** Regular, semibold and bold: the weights pages set text in. */
const WEIGHTS = [400, 600, 700];

export interface PrintFonts {
  /** The HTML with the @font-face rules added (the same HTML when none are needed). */
  html: string;
  /** What the page may load from SERVED_FONT_ORIGIN: address → file. */
  files: ReadonlyMap<string, string>;
}

interface Slice {
  file: string;
  ranges: Coverage;
  declared: string;
}

const require = createRequire(import.meta.url);

/** The numbered CJK slices of an installed package, or none when it is not installed. */
function slicesOf(pkg: string): Slice[] {
  let unicode: string;
  try {
    unicode = require.resolve(`${pkg}/unicode.json`);
  } catch {
    return [];
  }
  const slug = pkg.split('/')[1]!;
  const declared = JSON.parse(readFileSync(unicode, 'utf8')) as Record<string, string>;
  // "[57]" slices hold the CJK characters; the named ones (latin, cyrillic…) the page's own fonts have.
  return Object.entries(declared).flatMap(([key, ranges]) => {
    const number = /^\[(\d+)\]$/.exec(key)?.[1];
    if (number === undefined) return [];
    return [
      {
        file: join(dirname(unicode), 'files', `${slug}-${number}`),
        ranges: ranges.split(',').map((part) => {
          const [from, to] = part.trim().slice(2).split('-');
          return [parseInt(from!, 16), parseInt(to ?? from!, 16)] as [number, number];
        }),
        declared: ranges,
      },
    ];
  });
}

const within = (ranges: Coverage, code: number) =>
  ranges.some(([from, to]) => code >= from && code <= to);

/**
 * The HTML to print, with TrueType Noto CJK faces for the families it names and the characters
 * its own embedded fonts do not have.
 */
export function withPrintFonts(html: string): PrintFonts {
  const named = FAMILIES.filter(({ family }) => html.includes(family));
  if (named.length === 0) return { html, files: new Map() };
  const embedded = embeddedCoverage(html);
  const codes = new Set<number>();
  for (const char of pageText(html)) {
    const code = char.codePointAt(0)!;
    if (code > 0x7f && !within(embedded, code)) codes.add(code);
  }
  if (codes.size === 0) return { html, files: new Map() };
  const files = new Map<string, string>();
  const rules: string[] = [];
  for (const { family, pkg } of named) {
    for (const slice of slicesOf(pkg)) {
      if (![...codes].some((code) => within(slice.ranges, code))) continue;
      for (const weight of WEIGHTS) {
        const file = `${slice.file}-${weight}-normal.woff2`;
        if (!existsSync(file)) continue;
        const url = `${SERVED_FONT_ORIGIN}${file.slice(file.lastIndexOf('/') + 1)}`;
        files.set(url, file);
        rules.push(
          `@font-face{font-family:'${family}';font-style:normal;font-weight:${weight};font-display:block;` +
            `src:url(${url}) format('woff2');unicode-range:${slice.declared};}`,
        );
      }
    }
  }
  if (rules.length === 0) return { html, files };
  const style = `<style>${rules.join('\n')}</style>`;
  const head = /<\/head>/i.exec(html);
  return {
    html: head ? html.slice(0, head.index) + style + html.slice(head.index) : style + html,
    files,
  };
}
