/**
 * Characters a page shows that no font can draw: they would print as empty boxes. Coverage is
 * the page's own embedded fonts (their @font-face unicode-range) plus every font installed here,
 * as fontconfig reports them; Chromium falls back to any installed font for a missing glyph.
 */
import { runProcess } from '../run-process.js';

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
 * Where the export serves fonts from the machine to the page it prints (see print-fonts.ts); `.invalid`
 * never resolves, so only the page's seal can answer.
 */
export const SERVED_FONT_ORIGIN = 'https://fonts.camera-ready.invalid/';

/** What the page's embedded fonts (inline, or served by the export) declare they cover. */
export function embeddedCoverage(html: string): Coverage {
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
export function pageText(html: string): string {
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
export function fallbackCharacters(html: string): string[] {
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
