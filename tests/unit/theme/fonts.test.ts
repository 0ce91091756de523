/**
 * The page embeds the font subsets its text uses and no others: a Latin CV carries Latin only,
 * Polish adds Latin Extended, Vietnamese the Vietnamese subset alone, an arrow the arrows.
 */
import { describe, expect, it } from 'vitest';
import { theme } from '../../support/theme.js';

/** The unicode-range of every embedded face, in order. */
function faces(html: string): string[] {
  return [...html.matchAll(/@font-face\{[^}]*unicode-range:([^;}]+)/g)].map((m) => m[1]!);
}

const page = (name: string, summary = '') => theme.render({ basics: { name, summary } });

/** Whether a unicode-range such as "U+0100-0148,U+2113" holds the code point. */
function holds(range: string, code: number): boolean {
  return range.split(',').some((part) => {
    const [from, to] = part.trim().slice(2).split('-');
    return code >= parseInt(from!, 16) && code <= parseInt(to ?? from!, 16);
  });
}
const covering = (html: string, code: number) => faces(html).filter((r) => holds(r, code));

describe('embedded fonts', () => {
  const latin = faces(page('Ada Lovelace'));

  it('embeds the six Latin faces for a Latin CV', () => {
    expect(latin).toHaveLength(6);
    expect(latin.every((range) => range.startsWith('U+0020-007E'))).toBe(true);
  });

  it.each([
    ['Polish', 'Łukasz Żółkiewski', 0x141],
    ['Russian', 'Анна Петрова', 0x410],
    ['Greek', 'Ελένη Παπαδοπούλου', 0x391],
    ['Arabic', 'ليلى حسن', 0x627],
    ['Hebrew', 'נועה בן-שחר', 0x5d0],
  ])('adds the faces %s needs', (_, name, code) => {
    const html = page(name);
    expect(faces(html).length).toBeGreaterThan(latin.length);
    expect(covering(html, code).length).toBeGreaterThan(0);
  });

  it('takes the Vietnamese subset alone for Vietnamese', () => {
    const html = page('Nguyễn Thị Phương Thảo');
    expect(covering(html, 0x1ea0).length).toBeGreaterThan(0);
    // Latin Extended (which has Ł) is not needed.
    expect(covering(html, 0x141)).toEqual([]);
  });

  it('adds the arrows only when the text has one', () => {
    expect(covering(page('Ada', 'from 3 to 27'), 0x2192)).toEqual([]);
    expect(covering(page('Ada', 'from 3 → 27'), 0x2192)).toHaveLength(6);
  });
});
