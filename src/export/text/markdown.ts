/**
 * The CV as GitHub-flavoured Markdown: headings, paragraphs with hard breaks, lists. The spans
 * arrive escaped within the line (layout.ts); here each line's start is kept from reading as a
 * block of its own.
 */
import type { ViewModel } from 'jsonresume-theme-camera-ready';
import { join, layout, plain, type Block, type Line } from './layout.js';

/**
 * Text at the start of a Markdown line must not read as a block: a heading, list item, quote,
 * thematic break, setext underline or (indented four spaces) code. Leading white space goes, and
 * a first character that could begin one of these is escaped.
 */
function safeLineStart(md: string): string {
  return md
    .replace(/^[ \t]+/, '')
    .replace(/^[-+=#]/, (c) => `\\${c}`)
    .replace(/^(\d+)([.)])/, (_, digits: string, mark: string) => `${digits}\\${mark}`);
}

/** A heading's text: a leading `#` and a closing run of `#` would be read as heading marks. */
function headingText(md: string): string {
  return safeLineStart(md).replace(
    /(^|\s)(#+)\s*$/,
    (_, space: string, run: string) => `${space}\\${run}`,
  );
}

/** A line's text; what plain text sets flush right follows after a middle dot. */
function mdLine(line: Line): string {
  return safeLineStart(join([line.left, line.right ?? plain('')], ' · ').md);
}

function blockMarkdown(block: Block): string {
  switch (block.kind) {
    case 'title':
      return `# ${headingText(block.text.md)}`;
    case 'heading':
      return `## ${headingText(block.text.md)}`;
    case 'lines':
      // A backslash at the end of a line is a hard line break in CommonMark.
      return block.lines.map(mdLine).join('\\\n');
    case 'item': {
      const marker = block.numbered === undefined ? '-' : `${block.numbered}.`;
      const indent = '  '.repeat(block.depth);
      const hang = `${indent}${' '.repeat(marker.length + 1)}`;
      const [firstLine, ...others] = block.lines.map(mdLine);
      return [`${indent}${marker} ${firstLine ?? ''}`, ...others.map((l) => hang + l)].join('\\\n');
    }
  }
}

/** The CV as GitHub-flavoured Markdown. */
export function renderMarkdown(vm: ViewModel): string {
  const out: string[] = [];
  let previous: Block | undefined;
  for (const block of layout(vm)) {
    const continuesList =
      block.kind === 'item' &&
      previous?.kind === 'item' &&
      (block.numbered === undefined) === (previous.numbered === undefined);
    const continuesParagraph = block.kind === 'lines' && block.joined && previous?.kind === 'lines';
    if (continuesParagraph) out[out.length - 1] += '\\';
    else if (previous !== undefined && !continuesList) out.push('');
    out.push(blockMarkdown(block));
    previous = block;
  }
  return `${out.join('\n')}\n`;
}
