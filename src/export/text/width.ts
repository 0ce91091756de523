/**
 * How much room text takes in a terminal. Widths come from `string-width` (East Asian width,
 * emoji sequences, combining marks), and text is only ever cut between user-perceived
 * characters (grapheme clusters), so an accent never parts from its letter nor an emoji sequence
 * from itself.
 */
import stringWidth from 'string-width';

/** Terminal columns of a string: wide and full-width characters and emoji take two. */
export function columns(text: string): number {
  return stringWidth(text);
}

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** The grapheme clusters of a string, in order. */
export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (part) => part.segment);
}
