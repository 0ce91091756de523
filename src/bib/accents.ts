/**
 * The LaTeX most names and titles carry, read without the LaTeX parser: accents (`{\'a}`,
 * `\'{a}`, `{\"o}`, `\c{c}`, `{\'\i}`), a few letters (`{\ss}`, `{\o}`) and escaped signs
 * (`\&`). Anything else is left to the parser (undefined).
 */

/** Accent commands and the combining mark each puts on its letter. */
const MARKS: Record<string, string> = {
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '"': '\u0308',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  u: '\u0306',
  v: '\u030c',
  H: '\u030b',
  c: '\u0327',
  k: '\u0328',
  r: '\u030a',
};

const LETTERS: Record<string, string> = {
  ss: 'ß',
  o: 'ø',
  O: 'Ø',
  ae: 'æ',
  AE: 'Æ',
  oe: 'œ',
  OE: 'Œ',
  aa: 'å',
  AA: 'Å',
  l: 'ł',
  L: 'Ł',
};

/** A letter an accent sits on: a letter, or a dotless \i or \j. */
const BASE = String.raw`(\\[ij](?![A-Za-z])|\p{L})`;
const SYMBOL_ACCENT = new RegExp(
  String.raw`\\(['${'`'}^"~=.])\s*(?:\{\s*${BASE}\s*\}|${BASE})`,
  'gu',
);
const LETTER_ACCENT = new RegExp(String.raw`\\([uvHckr])(?:\s*\{\s*${BASE}\s*\}|\s+${BASE})`, 'gu');
const LETTER = /\{\\(ss|o|O|ae|AE|oe|OE|aa|AA|l|L)\}/g;
const ESCAPED = /\\([&%_#$])/g;
/** A letter alone in braces, as the accents leave it: `{á}`. */
const BRACED_LETTER = /\{(\p{L}\p{M}*)\}/gu;

const base = (letter: string) => (letter === '\\i' ? 'ı' : letter === '\\j' ? 'ȷ' : letter);

export function decodeSimpleLatex(text: string): string | undefined {
  if (!text.includes('\\')) return text;
  const decoded = text
    .replace(
      SYMBOL_ACCENT,
      (_, accent: string, a?: string, b?: string) => base(a ?? b!) + MARKS[accent]!,
    )
    .replace(
      LETTER_ACCENT,
      (_, accent: string, a?: string, b?: string) => base(a ?? b!) + MARKS[accent]!,
    )
    .replace(LETTER, (_, name: string) => LETTERS[name]!)
    .replace(ESCAPED, '$1')
    .normalize('NFC')
    .replace(BRACED_LETTER, '$1');
  return decoded.includes('\\') ? undefined : decoded;
}
