/**
 * Every script of a printed page in a designed, named font. Chromium's PDF writer embeds
 * TrueType-outline fonts as CID fonts under their own names, but draws every glyph of a
 * CFF-outline font, such as the Noto CJK that Linux distributions install, as an unnamed Type 3
 * font; and a script no font of the page has falls back to whatever is installed (DejaVu), or to
 * boxes. So for the characters the page's embedded fonts lack, the printed page gets @font-face
 * rules under the families the page names (Noto Sans CJK, Noto Sans Devanagari…), for the slices
 * its text needs, from Noto packages fetched on first use (src/fonts). The fonts are served
 * through the sealed page's request interception: the page itself fetches nothing, and the
 * theme's HTML is unchanged.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  cachedFontPackage,
  FontUnavailable,
  type FontFetchOptions,
  CJK_FAMILIES,
  CJK_PACKAGES,
  FONT_WEIGHTS,
  SCRIPT_PACKAGES,
  cjkCandidates,
  parseUnicodeRange,
  within,
  type FontPackage,
} from '../fonts/font-packages.js';
import { SERVED_FONT_ORIGIN, embeddedCoverage, pageText } from './glyph-coverage.js';

export interface PrintFonts {
  /** The HTML with the @font-face rules added (the same HTML when none are needed). */
  html: string;
  /** What the page may load from SERVED_FONT_ORIGIN: address → file. */
  files: ReadonlyMap<string, string>;
}

interface Slice {
  pkg: FontPackage;
  /** The file of one weight, e.g. …/noto-sans-kr-119-400-normal.woff2. */
  file: (weight: number) => string;
  ranges: [number, number][];
  declared: string;
}

/** The slices of a cached package that print (see FontPackage.subsets). */
function slicesOf(pkg: FontPackage, dir: string): Slice[] {
  const slug = pkg.name.split('/')[1]!;
  const declared = JSON.parse(readFileSync(join(dir, 'unicode.json'), 'utf8')) as Record<
    string,
    string
  >;
  return Object.entries(declared).flatMap(([key, ranges]) => {
    const number = /^\[(\d+)\]$/.exec(key)?.[1];
    const subset = pkg.subsets === 'numbered' ? number : key === pkg.subsets ? key : undefined;
    if (subset === undefined) return [];
    return [
      {
        pkg,
        file: (weight: number) => join(dir, 'files', `${slug}-${subset}-${weight}-normal.woff2`),
        ranges: parseUnicodeRange(ranges),
        declared: ranges,
      },
    ];
  });
}

/** The characters the page's embedded fonts lack, each with the packages that may have it. */
function wanted(html: string): Map<number, FontPackage[]> {
  const embedded = embeddedCoverage(html);
  const lang = /<html\b[^>]*\blang="([^"]*)"/i.exec(html)?.[1] ?? '';
  const cjkNamed = CJK_FAMILIES.some((family) => html.includes(family));
  const scripts = SCRIPT_PACKAGES.filter((pkg) => pkg.families.some((f) => html.includes(f)));
  const codes = new Map<number, FontPackage[]>();
  for (const char of pageText(html)) {
    const code = char.codePointAt(0)!;
    if (code <= 0x7f || codes.has(code) || within(embedded, code)) continue;
    const script = scripts.find((pkg) => within(pkg.script, code));
    if (script) codes.set(code, [script]);
    else if (cjkNamed && within(CJK_PACKAGES.SC.script, code)) {
      codes.set(code, cjkCandidates(code, lang));
    }
  }
  return codes;
}

/**
 * The slices that cover `codes`, fetching each package the first time it is needed; a code its
 * first package lacks goes on to the next. A package that cannot be had is a warning.
 */
async function chooseSlices(
  codes: Map<number, FontPackage[]>,
  options: FontFetchOptions,
): Promise<Set<Slice>> {
  const chosen = new Set<Slice>();
  const loaded = new Map<FontPackage, Slice[]>();
  let pending = [...codes];
  while (pending.length > 0) {
    const next: typeof pending = [];
    for (const [code, [pkg, ...rest]] of pending) {
      if (!pkg) continue;
      if (!loaded.has(pkg)) loaded.set(pkg, await loadSlices(pkg, options));
      const slice = loaded.get(pkg)!.find((s) => within(s.ranges, code));
      if (slice) chosen.add(slice);
      else if (rest.length > 0) next.push([code, rest]);
    }
    pending = next;
  }
  return chosen;
}

async function loadSlices(pkg: FontPackage, options: FontFetchOptions): Promise<Slice[]> {
  try {
    return slicesOf(pkg, await cachedFontPackage(pkg, options));
  } catch (error) {
    if (!(error instanceof FontUnavailable)) throw error;
    options.progress.warn(
      `${error.message}: the characters it has print in a fallback font. ` +
        (options.offline
          ? 'Fix: export once without --offline.'
          : 'Fix: check that npm reaches its registry (npm ping).'),
    );
    return [];
  }
}

/**
 * The HTML to print, with Noto faces for the characters its own embedded fonts lack, under the
 * families it names: CJK in the regional forms of the page's language (kana and Hangul whatever
 * the language), and the scripts of SCRIPT_PACKAGES.
 */
export async function withPrintFonts(html: string, options: FontFetchOptions): Promise<PrintFonts> {
  const codes = wanted(html);
  if (codes.size === 0) return { html, files: new Map() };
  const slices = await chooseSlices(codes, options);
  const files = new Map<string, string>();
  const rules: string[] = [];
  for (const slice of slices) {
    const families = slice.pkg.families.filter((family) => html.includes(family));
    for (const weight of FONT_WEIGHTS) {
      const file = slice.file(weight);
      if (!existsSync(file)) continue;
      const url = `${SERVED_FONT_ORIGIN}${basename(file)}`;
      files.set(url, file);
      for (const family of families) {
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
