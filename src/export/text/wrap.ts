/** Greedy word wrap in terminal columns that never cuts a grapheme cluster. */
import { columns, graphemes } from './width.js';

/** The words of a text: runs of graphemes between white space. */
function words(text: string): string[][] {
  const found: string[][] = [];
  let word: string[] = [];
  for (const grapheme of graphemes(text)) {
    if (/^\s+$/u.test(grapheme)) {
      if (word.length > 0) found.push(word);
      word = [];
    } else word.push(grapheme);
  }
  return word.length > 0 ? [...found, word] : found;
}

/** Splits a word wider than `width` (a long URL) into pieces that fit, between graphemes. */
function pieces(word: string[], width: number): string[] {
  const out: string[] = [];
  let current = '';
  let used = 0;
  for (const grapheme of word) {
    const size = columns(grapheme);
    if (used + size > width && current !== '') {
      out.push(current);
      current = '';
      used = 0;
    }
    current += grapheme;
    used += size;
  }
  return current === '' ? out : [...out, current];
}

/**
 * Greedy word wrap: the first line after `first`, the others after `rest` (a hanging indent).
 * Widths add up between grapheme clusters, so each word is measured once.
 */
export function wrap(text: string, width: number, first = '', rest = first): string[] {
  const out: string[] = [];
  const prefix = () => (out.length === 0 ? first : rest);
  let line = first;
  let used = columns(first);
  let empty = true;
  for (const graphemesOfWord of words(text)) {
    const word = graphemesOfWord.join('');
    const size = columns(word);
    const gap = empty ? 0 : 1;
    if (used + gap + size <= width) {
      line += empty ? word : ` ${word}`;
      used += gap + size;
      empty = false;
      continue;
    }
    if (!empty) {
      out.push(line);
      used = columns(rest);
    }
    const parts = size > width - used ? pieces(graphemesOfWord, width - used) : [word];
    for (const part of parts.slice(0, -1)) out.push(prefix() + part);
    const last = parts.at(-1) ?? '';
    line = prefix() + last;
    used = columns(prefix()) + columns(last);
    empty = false;
  }
  if (!empty || out.length === 0) out.push(line);
  return out.map((l) => l.trimEnd());
}
