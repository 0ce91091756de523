/**
 * Plain text is set in terminal columns: a letter with a combining accent takes one, an emoji
 * sequence two, and wrapping breaks lines only between user-perceived characters.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columns, graphemes, wrap } from '../../../../src/export/text/plain-text.js';

const DECOMPOSED_ECOLE = 'e\u0301cole';
const TECHNOLOGIST = '\u{1F469}\u200d\u{1F4BB}';

describe('columns', () => {
  it('counts a letter and its combining accent as one column', () => {
    expect(DECOMPOSED_ECOLE.length).toBe(6);
    expect(columns(DECOMPOSED_ECOLE)).toBe(5);
  });

  it('counts an emoji joined with a zero-width joiner as one wide character', () => {
    expect(columns(`${TECHNOLOGIST} dev`)).toBe(6);
  });

  it('counts wide characters as two columns', () => {
    expect(columns('张彬杰')).toBe(6);
  });
});

/** Text made of what breaks naive counting: marks, joiners, flags, modifiers, wide letters. */
const tricky = fc
  .array(
    fc.constantFrom(
      'e\u0301',
      'Z\u0335\u0327a\u0336',
      TECHNOLOGIST,
      '\u{1F1F8}\u{1F1EC}',
      '\u{1F44D}\u{1F3FD}',
      'क्ष',
      '张',
      '한',
      'a',
      'word',
      ' ',
    ),
    { minLength: 1, maxLength: 40 },
  )
  .map((parts) => parts.join(''));

describe('wrap', () => {
  it('never cuts a grapheme cluster when it breaks a long word', () => {
    expect(wrap(TECHNOLOGIST.repeat(3), 3)).toEqual([TECHNOLOGIST, TECHNOLOGIST, TECHNOLOGIST]);
    expect(wrap(DECOMPOSED_ECOLE.repeat(2), 4)).toEqual(['e\u0301col', 'ee\u0301co', 'le']);
  });

  it('keeps every grapheme whole and every line within the width (property)', () => {
    fc.assert(
      fc.property(tricky, fc.integer({ min: 2, max: 12 }), (text, width) => {
        const lines = wrap(text, width);
        const visible = (value: string) => graphemes(value).filter((g) => g.trim() !== '');
        expect(lines.flatMap(visible)).toEqual(visible(text));
        expect(lines.filter((line) => columns(line) > width)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});

describe('graphemes of a long text', () => {
  const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
  const whole = (text: string) => Array.from(segmenter.segment(text), (part) => part.segment);
  // Clusters of several code units, so that chunk ends fall inside them at every offset.
  const clusters = [
    DECOMPOSED_ECOLE,
    TECHNOLOGIST,
    '\u{1F1EB}\u{1F1F7}\u{1F1E9}\u{1F1EA}', // two flags: regional indicators pair up from the start
    'क्षि', // a Devanagari conjunct with a vowel sign
    '\u{1F44B}\u{1F3FD}', // an emoji with a skin tone
    '한국어',
    ' ',
    'a',
  ];

  it('are the clusters of the whole text, across every place it is segmented in parts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...clusters), { minLength: 300, maxLength: 500 }),
        (parts) => {
          const text = parts.join('');
          expect(graphemes(text)).toEqual(whole(text));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('a 200,000-character run without spaces, the same as segmented whole', () => {
    const text = 'e\u0301'.repeat(100_000);
    const found = graphemes(text);
    expect(found).toHaveLength(100_000);
    expect(found.every((cluster) => cluster === 'e\u0301')).toBe(true);
  });
});
