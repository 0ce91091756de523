/**
 * BibTeX's name-list rules for a list without LaTeX in it (the pre-pass found none), so that
 * the LaTeX parser is not needed for it: names split on `and` outside braces; "First von Last",
 * "von Last, First" or "von Last, Jr, First"; von is the lower-case words; a name in braces
 * whole is kept whole. The parser reads every other list.
 */
import type { Creator } from '@retorquere/bibtex-parser';

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
