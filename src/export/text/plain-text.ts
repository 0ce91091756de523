/**
 * The CV as plain text for a terminal or an email: word-wrapped, dates and places flush right.
 * Widths are terminal columns from `string-width` (East Asian width, emoji sequences, combining
 * marks), and text is only ever cut between user-perceived characters (grapheme clusters), so an
 * accent never parts from its letter nor an emoji sequence from itself.
 */
import stringWidth from 'string-width';
import type { ViewModel } from 'jsonresume-theme-camera-ready';
import { layout, type Block, type Line } from './layout.js';

// How much room text takes in a terminal.

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

// Greedy word wrap in terminal columns that never cuts a grapheme cluster.

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

// The blocks as lines of text.

function textLine(line: Line, width: number, first: string, rest: string): string[] {
  const wrapped = wrap(line.left.text, width, first, rest);
  const tail = line.right?.text ?? '';
  if (tail === '') return wrapped;
  const last = wrapped.at(-1) ?? '';
  const gap = width - columns(last) - columns(tail);
  if (gap >= 2) return [...wrapped.slice(0, -1), last + ' '.repeat(gap) + tail];
  // No room beside the text: the dates or place go flush right on a line of their own.
  const own =
    columns(tail) <= width ? [' '.repeat(width - columns(tail)) + tail] : wrap(tail, width, rest);
  return [...wrapped.filter((l) => l.trim() !== ''), ...own];
}

function blockLines(block: Block, width: number): string[] {
  switch (block.kind) {
    case 'title':
      return wrap(block.text.text.toUpperCase(), width);
    case 'heading': {
      const title = wrap(block.text.text.toUpperCase(), width);
      return [...title, '='.repeat(Math.min(width, Math.max(...title.map(columns))))];
    }
    case 'lines':
      return block.lines.flatMap((line) => textLine(line, width, '', ''));
    case 'item': {
      const indent = '  '.repeat(block.depth);
      const first = `${indent}${block.marker} `;
      const rest = ' '.repeat(columns(first));
      return block.lines.flatMap((line, index) =>
        textLine(line, width, index === 0 ? first : rest, rest),
      );
    }
  }
}

/** The CV as plain text, word-wrapped to `width` columns, in the reading order of the PDF. */
export function renderText(vm: ViewModel, width = 80): string {
  const out: string[] = [];
  let previous: Block | undefined;
  for (const block of layout(vm)) {
    // A blank line before each entry; none between a heading and its content, or inside an entry.
    const separate =
      previous !== undefined &&
      previous.kind !== 'heading' &&
      (block.kind === 'title' ||
        block.kind === 'heading' ||
        (block.kind === 'lines' && !block.joined));
    if (separate) out.push('');
    out.push(...blockLines(block, width));
    previous = block;
  }
  return `${out.join('\n')}\n`;
}
