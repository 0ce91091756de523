/**
 * Long author lists (collaboration papers list dozens) print shortened around the owner when
 * `maxAuthors` asks for it: the first authors, the owner with a neighbour, and "et al.".
 */
import { describe, expect, it } from 'vitest';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { htmlToText } from '../../../src/maintainer/read-output.js';
import { theme } from '../../support/theme.js';

const OWNER = 'Mirela Ostrovska';
// Invented names; the shape (40 authors, the owner in the middle) is that of DBLP entries of
// large collaboration papers.
const others = Array.from(
  { length: 39 },
  (_, i) => `Author${String(i + 1).padStart(2, '0')} Tester`,
);
const authors = [...others.slice(0, 22), OWNER, ...others.slice(22)];

function cv(themeOptions: Record<string, unknown>, locale = 'en'): Resume {
  return {
    basics: { name: OWNER },
    meta: { themeOptions: { locale, ...themeOptions } },
    publications: [{ name: 'A Survey of Everything', authors, venue: 'ICML', releaseDate: '2025' }],
  };
}

function authorLine(resume: Resume): string {
  const html = theme.render(resume);
  const span = /<span class="authors">([\s\S]*?)<\/span>\s*(?:<span|\n)/.exec(html);
  if (!span) throw new Error('no author line');
  return htmlToText(span[1] ?? '');
}

describe('maxAuthors', () => {
  it('shortens 40 authors around the owner at position 23', () => {
    const line = authorLine(cv({ maxAuthors: 8 }));
    const names = line.match(/Author\d\d Tester|Mirela Ostrovska/g) ?? [];
    expect(names).toContain(OWNER);
    expect(names.length).toBeLessThanOrEqual(8 + 2);
    expect(names[0]).toBe('Author01 Tester');
    // A neighbour on each side of the owner.
    expect(line).toMatch(/Author22 Tester.*Mirela Ostrovska.*Author23 Tester/);
    expect(line).toContain('…');
    expect(line).toMatch(/et al\.$/);
  });

  it('keeps the owner bold in the shortened list', () => {
    expect(theme.render(cv({ maxAuthors: 8 }))).toContain(
      `<strong class="owner">${OWNER}</strong>`,
    );
  });

  it('says "et al." in the page language', () => {
    expect(authorLine(cv({ maxAuthors: 8 }, 'de'))).toMatch(/u\. a\.$/);
    expect(authorLine(cv({ maxAuthors: 8 }, 'ru'))).toMatch(/и др\.$/);
  });

  it('prints every author when the option is 0 or absent, or the list is short enough', () => {
    for (const options of [{ maxAuthors: 0 }, {}, { maxAuthors: 40 }]) {
      const line = authorLine(cv(options));
      expect(line).not.toContain('et al.');
      expect(line.match(/Author\d\d Tester/g)).toHaveLength(39);
    }
  });

  it('ignores values that are not whole positive numbers', () => {
    for (const maxAuthors of [-3, 2.5, '8', null]) {
      expect(authorLine(cv({ maxAuthors }))).not.toContain('et al.');
    }
  });
});
