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
  for (const grapheme of word) {
    if (columns(current + grapheme) > width && current !== '') {
      out.push(current);
      current = '';
    }
    current += grapheme;
  }
  return current === '' ? out : [...out, current];
}

/** Greedy word wrap: the first line after `first`, the others after `rest` (a hanging indent). */
export function wrap(text: string, width: number, first = '', rest = first): string[] {
  const out: string[] = [];
  let line = first;
  let empty = true;
  for (const graphemesOfWord of words(text)) {
    const word = graphemesOfWord.join('');
    const prefix = out.length === 0 ? first : rest;
    const candidate = empty ? line + word : `${line} ${word}`;
    if (columns(candidate) <= width) {
      line = candidate;
      empty = false;
      continue;
    }
    if (!empty) {
      out.push(line);
      line = rest;
      empty = true;
    }
    const room = width - columns(out.length === 0 ? prefix : rest);
    const parts = columns(word) > room ? pieces(graphemesOfWord, room) : [word];
    for (const part of parts.slice(0, -1)) out.push((out.length === 0 ? first : rest) + part);
    line = (out.length === 0 ? first : rest) + (parts.at(-1) ?? '');
    empty = false;
  }
  if (!empty || out.length === 0) out.push(line);
  return out.map((l) => l.trimEnd());
}
