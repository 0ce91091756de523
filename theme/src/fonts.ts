/**
 * Which embedded fonts a page carries: Latin always, every other subset (Latin Extended, Cyrillic,
 * Greek, Vietnamese, Arabic, arrows, mathematical symbols…) only when the page's text has a
 * character it covers, so a Latin CV does not grow.
 */

/** One subset of the embedded fonts (made by scripts/fonts.mjs at build time). */
export interface FontSubset {
  name: string;
  /** Embedded on every page. */
  always: boolean;
  /** The code points its faces have, as inclusive [from, to] ranges. */
  ranges: [number, number][];
  /** Its @font-face rules, one per face. */
  css: string;
}

function covers(subset: FontSubset, code: number): boolean {
  return subset.ranges.some(([from, to]) => code >= from && code <= to);
}

/**
 * The @font-face rules for a page whose text is `text`: for each character not yet covered, the
 * first subset that has it (so a Vietnamese page takes the Vietnamese subset, not Latin Extended
 * as well).
 */
export function fontFacesFor(text: string, subsets: readonly FontSubset[]): string {
  const chosen = new Set(subsets.filter((subset) => subset.always));
  const seen = new Set<number>();
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code <= 0x7f || seen.has(code)) continue;
    seen.add(code);
    if ([...chosen].some((subset) => covers(subset, code))) continue;
    const first = subsets.find((subset) => covers(subset, code));
    if (first) chosen.add(first);
  }
  return subsets
    .filter((subset) => chosen.has(subset))
    .map((subset) => subset.css)
    .join('\n');
}
