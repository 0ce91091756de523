/**
 * The CV laid out as blocks of lines, the shape both renderers print: a title, section headings,
 * paragraphs and list items.
 */
import { plain, type Span } from './spans.js';

/** One line of a block; `right` is set flush right in text (the dates and places of the PDF). */
export interface Line {
  left: Span;
  right?: Span;
}

export type Block =
  | { kind: 'title'; text: Span }
  | { kind: 'heading'; text: Span }
  /** Lines of one paragraph; `joined` blocks follow the previous block without a blank line. */
  | { kind: 'lines'; lines: Line[]; joined: boolean }
  /** A list item; `marker` is '-' or e.g. "[3]"; `numbered` items form an ordered list in Markdown. */
  | { kind: 'item'; marker: string; numbered?: number; depth: number; lines: Line[] };

type Part = Line | Span | null;

function present(parts: Part[]): Line[] {
  return parts
    .filter((s): s is Line | Span => s !== null)
    .map((s): Line => ('left' in s ? s : { left: s }))
    .filter((l) => l.left.text !== '' || (l.right?.text ?? '') !== '');
}

/** A paragraph of the lines that have text, or nothing. */
export function lines(parts: Part[], joined = true): Block[] {
  const kept = present(parts);
  return kept.length === 0 ? [] : [{ kind: 'lines', lines: kept, joined }];
}

/** A list item of the lines that have text, or nothing. */
export function item(parts: Part[], depth = 0, marker = '-', numbered?: number): Block[] {
  const kept = present(parts);
  return kept.length === 0 ? [] : [{ kind: 'item', marker, depth, lines: kept, numbered }];
}

/** Text set flush right, when there is any. */
export function right(text: string): Span | undefined {
  return text === '' ? undefined : plain(text);
}
