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

/**
 * V8 copies the whole input into every segment it yields, so segmenting a long text at once takes
 * time and memory in its square (a 140 KB summary took a minute): it is segmented a chunk at a time.
 */
const CHUNK = 1024;

/** The grapheme clusters of a string, in order. */
export function graphemes(text: string): string[] {
  const found: string[] = [];
  for (let start = 0; start < text.length;) {
    let end = Math.min(text.length, start + CHUNK);
    // Never between the two halves of a surrogate pair.
    if (end < text.length && /[\ud800-\udbff]/.test(text.charAt(end - 1))) end -= 1;
    const parts = Array.from(segmenter.segment(text.slice(start, end)), (part) => part.segment);
    // The chunk's last cluster may go on past it: it is segmented again with what follows, from
    // a boundary, where segmenting can start afresh.
    const kept = end < text.length && parts.length > 1 ? parts.slice(0, -1) : parts;
    for (const part of kept) {
      found.push(part);
      start += part.length;
    }
  }
  return found;
}
