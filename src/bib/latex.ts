/**
 * What BibTeX's text means without the LaTeX parser: the accents and letters most names and
 * titles carry, simple math, the standard macro tables (months, AAS journals), and name lists (BibTeX's rules
 * for a list without LaTeX, the owner's name as a person writes it). The reader and the writer of
 * .bib files share them.
 */
import type { Creator } from '@retorquere/bibtex-parser';
import { latex2unicode } from 'unicode2latex';

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

/** The symbol a command stands for in math, from the table the parser reads math with. */
function mathSymbol(command: string): string | undefined {
  const entry = (latex2unicode as Readonly<Record<string, string | { math?: string }>>)[command];
  const symbol = typeof entry === 'string' ? entry : entry?.math;
  // A symbol with braces in it would lose them to the case-brace pass.
  return symbol === undefined || /[{}]/.test(symbol) ? undefined : symbol;
}

/** Math of letters, digits and commands: what `plainMath` reads. */
// A command takes all its letters, so the pattern has one way to match (no backtracking).
const SIMPLE_MATH = /^(?:[A-Za-z0-9 ]|\\[A-Za-z]+(?![A-Za-z]))+$/;

/**
 * Math of letters, digits and symbol commands (`H$\\alpha$`, `$z\\sim2$`) as the parser reads it:
 * each command its symbol, spaces dropped. Undefined for any other math, which is the parser's.
 */
export function plainMath(text: string): string | undefined {
  if (!text.includes('$')) return text;
  if (text.includes('$$')) return undefined;
  let simple = true;
  const read = text.replace(/\$([^$]*)\$/g, (_, math: string) => {
    if (!SIMPLE_MATH.test(math)) simple = false;
    let symbols = '';
    for (const [token] of math.matchAll(/\\[A-Za-z]+|[A-Za-z0-9]/g)) {
      const symbol = token.startsWith('\\') ? mathSymbol(token) : token;
      if (symbol === undefined) simple = false;
      symbols += symbol ?? '';
    }
    return symbols;
  });
  return simple && !read.includes('$') ? read : undefined;
}

/** BibTeX's month macros, January first. */
export const MONTHS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
];

/**
 * The AAS journal macros (aas_macros.sty, which NASA ADS exports use: `journal = {\apj}`), as
 * the abbreviations the journals themselves print; they become the short venue.
 */
export const JOURNAL_MACROS: Readonly<Record<string, string>> = {
  aj: 'AJ',
  actaa: 'Acta Astron.',
  araa: 'ARA&A',
  apj: 'ApJ',
  apjl: 'ApJL',
  apjs: 'ApJS',
  ao: 'Appl. Opt.',
  apss: 'Ap&SS',
  aap: 'A&A',
  aapr: 'A&A Rev.',
  aaps: 'A&AS',
  azh: 'AZh',
  baas: 'BAAS',
  bac: 'Bull. Astron. Inst. Czechoslovakia',
  caa: 'Chinese Astron. Astrophys.',
  cjaa: 'Chinese J. Astron. Astrophys.',
  icarus: 'Icarus',
  jcap: 'JCAP',
  jrasc: 'JRASC',
  mnras: 'MNRAS',
  memras: 'MmRAS',
  na: 'New Astron.',
  nar: 'New Astron. Rev.',
  pasa: 'PASA',
  pra: 'Phys. Rev. A',
  prb: 'Phys. Rev. B',
  prc: 'Phys. Rev. C',
  prd: 'Phys. Rev. D',
  pre: 'Phys. Rev. E',
  prl: 'Phys. Rev. Lett.',
  pasp: 'PASP',
  pasj: 'PASJ',
  psj: 'PSJ',
  qjras: 'QJRAS',
  rmxaa: 'Rev. Mexicana Astron. Astrofis.',
  skytel: 'S&T',
  solphys: 'Sol. Phys.',
  sovast: 'Soviet Astron.',
  ssr: 'Space Sci. Rev.',
  zap: 'Z. Astrophys.',
  nat: 'Nature',
  iaucirc: 'IAU Circ.',
  aplett: 'Astrophys. Lett.',
  apspr: 'Astrophys. Space Phys. Res.',
  bain: 'Bull. Astron. Inst. Netherlands',
  fcp: 'Fund. Cosmic Phys.',
  gca: 'Geochim. Cosmochim. Acta',
  grl: 'Geophys. Res. Lett.',
  jcp: 'J. Chem. Phys.',
  jgr: 'J. Geophys. Res.',
  jqsrt: 'JQSRT',
  memsai: 'Mem. Soc. Astron. Italiana',
  nphysa: 'Nucl. Phys. A',
  physrep: 'Phys. Rep.',
  physscr: 'Phys. Scr.',
  planss: 'Planet. Space Sci.',
  procspie: 'Proc. SPIE',
};

/**
 * BibTeX's name-list rules for a list without LaTeX in it (the pre-pass found none), so that
 * the LaTeX parser is not needed for it: names split on `and` outside braces; "First von Last",
 * "von Last, First" or "von Last, Jr, First"; von is the lower-case words; a name in braces
 * whole is kept whole. The parser reads every other list.
 */

/** What splits a list: the character it starts with, and all of it (a sticky pattern). */
interface Separator {
  first: string;
  pattern: RegExp;
}

/** Splits on `separator` outside braces. */
function splitOutside(text: string, separator: Separator): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{') depth++;
    else if (c === '}') depth--;
    // The pattern is tried only where it can start: a test per character would cost more.
    else if (depth === 0 && c === separator.first) {
      separator.pattern.lastIndex = i;
      const match = separator.pattern.exec(text);
      if (match) {
        parts.push(text.slice(from, i));
        from = i + match[0].length;
        i = from - 1;
      }
    }
  }
  parts.push(text.slice(from));
  return parts;
}

const COMMA: Separator = { first: ',', pattern: /,/y };
/** A name in one pair of braces. */
const WHOLE = /^\{[^{}]*\}$/;
/** Between names; the list's white space is single spaces by then. */
const AND: Separator = { first: ' ', pattern: /\s+and\s+/iy };

/** Whether a word counts as lower case for von: its first letter outside braces. */
function isLower(word: string): boolean {
  if (word.startsWith('{')) return false;
  const letter = /\p{L}/u.exec(word)?.[0];
  return letter !== undefined && letter === letter.toLowerCase() && letter !== letter.toUpperCase();
}

const clean = (words: string[]) => words.join(' ').replace(/[{}]/g, '').trim();

/** A family name in braces whole, with no particle in it. */
const isFamilyInBraces = (part: string) =>
  WHOLE.test(part) && !part.slice(1, -1).split(/\s+/).some(isLower);

function vonLast(words: string[]): { prefix: string; lastName: string } {
  // von starts with a lower-case first word and runs to the last lower-case word, leaving at
  // least one word for Last: "van der Berg"; "Sanz del Valle" has none.
  let end = 0;
  if (isLower(words[0] ?? ''))
    for (let i = 0; i < words.length - 1; i++) if (isLower(words[i]!)) end = i + 1;
  return { prefix: clean(words.slice(0, end)), lastName: clean(words.slice(end)) };
}

function oneName(text: string): Creator {
  const name = text.trim();
  // A name in one pair of braces is a literal: "{Acme Lab}".
  if (WHOLE.test(name)) return { name: name.slice(1, -1).trim() };
  const parts = splitOutside(name, COMMA).map((part) => part.trim());
  const words = (part: string) => part.split(/\s+/).filter(Boolean);
  const creator: Creator = {};
  if (parts.length === 1) {
    const all = words(parts[0]!);
    // First von Last: von runs from the first lower-case word (not the last word) on.
    const first = all.findIndex((word, i) => i < all.length - 1 && isLower(word));
    const givenEnd = first < 0 ? all.length - 1 : first;
    const rest = vonLast(all.slice(givenEnd));
    creator.lastName = rest.lastName;
    if (rest.prefix) creator.prefix = rest.prefix;
    const given = clean(all.slice(0, givenEnd));
    if (given) creator.firstName = given;
    return creator;
  }
  const { prefix, lastName } = isFamilyInBraces(parts[0]!)
    ? { prefix: '', lastName: parts[0]!.slice(1, -1).trim() }
    : vonLast(words(parts[0]!));
  creator.lastName = lastName;
  if (prefix) creator.prefix = prefix;
  const given = clean(words(parts.at(-1)!));
  if (given) creator.firstName = given;
  if (parts.length === 3) creator.suffix = clean(words(parts[1]!));
  return creator;
}

/** The names of a list without LaTeX, or undefined for a form left to the parser. */
export function plainNames(text: string): Creator[] | undefined {
  const names = splitOutside(text.replace(/\s+/g, ' ').trim(), AND);
  // Spaces in braces inside a name ("{van Gogh}, Vincent") are left to the parser's own rules.
  // NASA ADS braces a whole family name ("{Martínez Ríos}, Lucía"): read as one family name.
  const unusual = (name: string) => {
    const parts = splitOutside(name, COMMA).map((part) => part.trim());
    const spaced =
      !WHOLE.test(name.trim()) &&
      parts.some((part) => !isFamilyInBraces(part) && /\{[^{}]*\s[^{}]*\}/.test(part));
    return name.trim() === '' || parts.length > 3 || spaced;
  };
  if (names.some(unusual)) return undefined;
  return names.map((name) => (name.trim() === 'others' ? { lastName: 'others' } : oneName(name)));
}

/** Splits a name written as "Family, Given" or "Given Family" (the owner's name). */
export function splitName(name: string): { given: string; family: string } {
  const comma = name.indexOf(',');
  if (comma >= 0) {
    return { family: name.slice(0, comma).trim(), given: name.slice(comma + 1).trim() };
  }
  const words = name.trim().split(/\s+/);
  // Lower-case particles belong to the family name: "Anna van der Berg".
  let start = words.length - 1;
  while (start > 1 && /^\p{Ll}/u.test(words[start - 1]!)) start--;
  return { given: words.slice(0, start).join(' '), family: words.slice(start).join(' ') };
}

/** The author-list word for `and others`, and the name BibTeX writes for it. */
export const ET_AL = 'et al.';
