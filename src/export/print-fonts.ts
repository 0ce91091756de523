/**
 * The fonts a printed page is drawn with: the Noto faces it is given for the scripts its own
 * fonts lack (withPrintFonts), and the check that every character has some font here, which warns
 * (or with --strict fails) before a character prints as an empty box or in a fallback font.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { OutputWriteError } from '../errors.js';
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
} from './font-packages.js';
import { runProcess } from '../run-process.js';
import type { Progress } from '../runtime.js';

/*
 * Every script of a printed page in a designed, named font. Chromium's PDF writer embeds
 * TrueType-outline fonts as CID fonts under their own names, but draws every glyph of a
 * CFF-outline font, such as the Noto CJK that Linux distributions install, as an unnamed Type 3
 * font; and a script no font of the page has falls back to whatever is installed (DejaVu), or to
 * boxes. So for the characters the page's embedded fonts lack, the printed page gets @font-face
 * rules under the families the page names (Noto Sans CJK, Noto Sans Devanagari…), for the slices
 * its text needs, from Noto packages fetched on first use (src/export/font-packages.ts). The fonts are served
 * through the sealed page's request interception: the page itself fetches nothing, and the
 * theme's HTML is unchanged.
 */

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

/*
 * Characters a page shows that no font can draw: they would print as empty boxes. Coverage is
 * the page's own embedded fonts (their @font-face unicode-range) plus every font installed here,
 * as fontconfig reports them; Chromium falls back to any installed font for a missing glyph.
 */

/** Inclusive [from, to] code point ranges. */
export type Coverage = [number, number][];

/**
 * The code points the installed fonts have, or undefined where fontconfig is not available. The
 * listing starts now, while the résumé is validated; reading it (tens of thousands of ranges with
 * CJK fonts installed) waits until a page has a character its own fonts lack.
 */
export function installedCoverage(): () => Promise<Coverage | undefined> {
  const listing = runProcess('fc-list', ['--format', '%{charset}\\n']).catch(() => undefined);
  let coverage: Promise<Coverage | undefined> | undefined;
  return () =>
    (coverage ??= listing.then((listed) =>
      listed?.code === 0 ? charsetRanges(listed.stdout) : undefined,
    ));
}

/** fontconfig's charsets (`20-7e a0-17f …`) as ranges: one match per part, not a test and a split. */
function charsetRanges(listing: string): Coverage {
  const ranges: Coverage = [];
  for (const part of listing.split(/\s+/)) {
    const range = /^([0-9a-f]+)(?:-([0-9a-f]+))?$/i.exec(part);
    if (!range) continue;
    const from = parseInt(range[1]!, 16);
    ranges.push([from, range[2] === undefined ? from : parseInt(range[2], 16)]);
  }
  return ranges;
}

/**
 * Where the export serves fonts from the machine to the page it prints (see withPrintFonts);
 * `.invalid` never resolves, so only the page's seal can answer.
 */
export const SERVED_FONT_ORIGIN = 'https://fonts.camera-ready.invalid/';

/** What the page's embedded fonts (inline, or served by the export) declare they cover. */
function embeddedCoverage(html: string): Coverage {
  const ranges: Coverage = [];
  for (const [rule] of html.matchAll(/@font-face\s*\{[^}]*\}/g)) {
    const src = /src:\s*url\(\s*["']?([^"')]*)/.exec(rule)?.[1] ?? '';
    if (!src.startsWith('data:') && !src.startsWith(SERVED_FONT_ORIGIN)) continue;
    const declared = /unicode-range:\s*([^;}]+)/.exec(rule)?.[1];
    // A face without unicode-range covers what its font has, which is not known here.
    if (declared === undefined) continue;
    for (const part of declared.split(',')) {
      const match = /U\+([0-9a-f?]+)(?:-([0-9a-f]+))?/i.exec(part.trim());
      if (!match) continue;
      const from = parseInt(match[1]!.replace(/\?/g, '0'), 16);
      const to = match[2] ? parseInt(match[2], 16) : parseInt(match[1]!.replace(/\?/g, 'f'), 16);
      ranges.push([from, to]);
    }
  }
  return ranges;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/** The page's visible text, roughly: no head, styles or scripts, tags dropped, entities read. */
function pageText(html: string): string {
  return html
    .replace(/<(head|style|script)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X'))
        return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
      return ENTITIES[name.toLowerCase()] ?? entity;
    });
}

/** Characters that draw nothing, so need no font: controls, spaces, joiners, selectors. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zs}\p{Zl}\p{Zp}\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}]/u;

/**
 * The characters of a page that embeds fonts (as ours does) that none of them covers: Chromium
 * prints them in whatever font of this machine has them (DejaVu, say), not in a designed one. A page
 * that embeds no font is printed in the machine's fonts throughout, so none of its characters is.
 */
function fallbackCharacters(html: string): string[] {
  return embeddedCoverage(html).length > 0 ? beyondEmbeddedFonts(html) : [];
}

/** The visible characters of the page its embedded fonts do not cover, in order of first use. */
function beyondEmbeddedFonts(html: string): string[] {
  const coverage = embeddedCoverage(html);
  const beyond = new Set<string>();
  for (const char of pageText(html)) {
    if (beyond.has(char) || INVISIBLE.test(char)) continue;
    if (!covers(coverage, char)) beyond.add(char);
  }
  return [...beyond];
}

/**
 * The characters of the page that neither its embedded fonts nor the installed ones cover, in
 * order of first use; undefined when what is installed cannot be known. The installed fonts are
 * asked for only when the page's own fonts lack a character.
 */
export async function uncoveredCharacters(
  html: string,
  installed: () => Promise<Coverage | undefined>,
): Promise<string[] | undefined> {
  const beyond = beyondEmbeddedFonts(html);
  if (beyond.length === 0) return [];
  const coverage = await installed();
  return coverage && beyond.filter((char) => !covers(coverage, char));
}

function covers(coverage: Coverage, char: string): boolean {
  const code = char.codePointAt(0)!;
  return coverage.some(([from, to]) => code >= from && code <= to);
}

/** "𓀀 (U+13000), 𓀁 (U+13001)": what to name in a message, at most `shown` of them. */
export function describeCharacters(chars: string[], shown = 12): string {
  const listed = chars
    .slice(0, shown)
    .map((c) => `${c} (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`);
  const more = chars.length > shown ? ` and ${chars.length - shown} more` : '';
  return listed.join(', ') + more;
}

const count = (chars: string[], one: string, many: string) =>
  `${chars.length} character${chars.length > 1 ? 's' : ''} of the page ${chars.length > 1 ? many : one}`;

/**
 * Characters no font here has would print as empty boxes: say which, and how to fix it. A warning,
 * or with `strict` a failure. Characters the page's own fonts (and those the export serves) lack
 * print in a fallback font of the machine: a warning too.
 */
export async function checkGlyphs(
  html: string,
  installed: () => Promise<Coverage | undefined>,
  strict: boolean,
  progress: Progress,
): Promise<void> {
  const missing = await uncoveredCharacters(html, installed);
  if (missing?.length) {
    const message =
      `${count(missing, 'has', 'have')} no font on this machine and would print as empty boxes: ${describeCharacters(missing)}. ` +
      'Fix: install a font that has them (Debian: apt-get install fonts-noto-cjk for Chinese, Japanese and Korean, fonts-noto-core for most other scripts)';
    if (strict) throw new OutputWriteError(`${message}, or export without --strict.`);
    progress.warn(`${message}.`);
  }
  const fallback = fallbackCharacters(html).filter((char) => !missing?.includes(char));
  if (fallback.length > 0) {
    progress.warn(
      `${count(fallback, 'is', 'are')} in none of the page's fonts and print in a fallback font of this machine: ${describeCharacters(fallback)}. ` +
        'The export brings fonts for Latin, Greek, Cyrillic, Arabic, Hebrew, Devanagari, Bengali, Tamil, Thai, Georgian, Armenian, Chinese, Japanese and Korean; for other characters, check the PDF.',
    );
  }
}
