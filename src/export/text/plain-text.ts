/** The CV as plain text for a terminal or an email: word-wrapped, dates and places flush right. */
import type { ViewModel } from 'jsonresume-theme-camera-ready';
import type { Block, Line } from './blocks.js';
import { layout } from './layout.js';
import { columns } from './width.js';
import { wrap } from './wrap.js';

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
