/**
 * Names: who the résumé's owner is in an author list, whatever form the list uses
 * ("Zhang, Binjie", "B. Zhang", "Binjie Zhang", "Zhang Binjie", with accents or without), and
 * the display form a person has in `authors`.
 */
import type { Person } from './parse.js';

/** Lower case letters only, accents dropped: "Zhāng" and "zhang" compare equal. */
function letters(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[^\p{L}]/gu, '')
    .toLowerCase();
}

/**
 * The parts of a given name: "Bin-Jie" and "B. J." both have two; Scholar's run-together
 * initials ("AFY", before lower-casing) have one per letter.
 */
function parts(given: string): string[] {
  return given
    .split(/[\s.\-‐]+/)
    .flatMap((word) => (/^\p{Lu}{2,4}$/u.test(word) ? [...word] : [word]))
    .map(letters)
    .filter(Boolean);
}

/**
 * "Binjie" fits "B.", "Bin-Jie", "Binjie" and "Binjie Q."; "Bo" does not fit "Binjie". Names are
 * compared part by part, an initial fitting any name it begins; extra middle names are allowed.
 */
function givenNamesFit(a: string, b: string): boolean {
  const left = parts(a);
  const right = parts(b);
  if (left.length === 0 || right.length === 0) return false;
  if (left.join('') === right.join('')) return true;
  const fits = (x: string, y: string) =>
    x === y || (x.length === 1 && y.startsWith(x)) || (y.length === 1 && x.startsWith(y));
  return left.slice(0, right.length).every((name, i) => fits(name, right[i]!));
}

/** A name as people write it: "Binjie Zhang", "Anna van der Berg", "John Smith Jr.". */
export function displayName(person: Person): string {
  if (person.literal) return person.literal;
  return [person.given, person.prefix, person.family, person.suffix].filter(Boolean).join(' ');
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

/**
 * Whether a family name written as `family` closes the words `words`, and the words before it
 * fit `given`: the family name may be split differently on the two sides ("Sanz del Valle,
 * Marcos" against "Marcos Sanz del Valle", parsed as given "Marcos Sanz", family "del Valle").
 */
function familyCloses(words: string[], family: string, given: string): boolean {
  const target = letters(family);
  for (let k = 1; k <= words.length; k++) {
    const tail = letters(words.slice(-k).join(''));
    if (tail.length > target.length) return false;
    if (tail !== target) continue;
    const rest = words.slice(0, -k);
    // A particle left over belongs to the family name, which then differs: "Berg" is not
    // "van der Berg".
    return !/^\p{Ll}/u.test(rest.at(-1) ?? '') && givenNamesFit(rest.join(' '), given);
  }
  return false;
}

/** Whether `person` is the owner called `owner` (in any of the forms above). */
export function isOwner(person: Person, owner: string): boolean {
  const { given, family } = splitName(owner);
  if (letters(family) === '' || person.others) return false;
  if (person.literal) return letters(person.literal) === letters(`${given}${family}`);
  const words = (text: string) => text.split(/\s+/).filter(Boolean);
  const personFamily = `${person.prefix} ${person.family}`;
  const sameOrder =
    familyCloses(words(`${person.given} ${personFamily}`), family, given) ||
    familyCloses(words(`${given} ${family}`), personFamily, person.given);
  // "Zhang Binjie" without a comma reads as given "Zhang", family "Binjie".
  const swapped =
    letters(person.family) === letters(given) && letters(person.given) === letters(family);
  return sameOrder || swapped;
}
