/**
 * Every escape the Markdown export needs, so résumé text is read as text and never as markup:
 * inline marks, link addresses, code spans, and marks at the start of a line.
 */
import { percentEncode } from './clean.js';

/**
 * Everything CommonMark (and GitHub) reads as inline markup, escaped wherever it stands; `&` only
 * where it would start a character reference, `!` only at the end of a piece, where a link may
 * follow and turn into an image, `(` only after `]` (marked reads `!\[a\](b)` inside a link's text
 * as an image). (`#` and line-initial marks: see safeLineStart.)
 */
const MD_SPECIAL = /[\\`*_[\]<>~|]|&(?=#?[0-9A-Za-z]+;)|!$|(?<=\])\(/g;

/** An `&` that begins a character reference, which Markdown decodes even in a link address. */
const CHARACTER_REFERENCE = /&(?=#?[0-9A-Za-z]+;)/g;

export function escapeMd(text: string): string {
  return text.replace(MD_SPECIAL, (c) => `\\${c}`);
}

/**
 * A link destination no Markdown reader can end early or read markup in: every character outside
 * a conservative URL set is percent-encoded (encodeURIComponent alone leaves `(`, `)` and `!`),
 * and an `&` that would start a character reference is written `&amp;`, which CommonMark readers
 * and marked alike turn back into `&` (a backslash escape marked would drop, and percent-encoding
 * would change what the address means).
 */
export function markdownHref(href: string): string {
  return href
    .replace(/[^A-Za-z0-9\-._~:/?#@$&'*+,;=%]/gu, percentEncode)
    .replace(CHARACTER_REFERENCE, '&amp;');
}

/**
 * A code span that shows `code` exactly: delimited by one backtick more than the longest run of
 * backticks inside, and padded with a space where the content begins or ends with a backtick or
 * with a space (which CommonMark would otherwise strip).
 */
export function codeSpan(code: string): string {
  if (code === '') return '';
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(code) && code.trim() !== '' ? ' ' : '';
  return `${fence}${pad}${code}${pad}${fence}`;
}

/**
 * Text at the start of a Markdown line must not read as a block: a heading, list item, quote,
 * thematic break, setext underline or (indented four spaces) code. Leading white space goes, and
 * a first character that could begin one of these is escaped.
 */
export function safeLineStart(md: string): string {
  return md
    .replace(/^[ \t]+/, '')
    .replace(/^[-+=#]/, (c) => `\\${c}`)
    .replace(/^(\d+)([.)])/, (_, digits: string, mark: string) => `${digits}\\${mark}`);
}

/** A heading's text: a leading `#` and a closing run of `#` would be read as heading marks. */
export function headingText(md: string): string {
  return safeLineStart(md).replace(
    /(^|\s)(#+)\s*$/,
    (_, space: string, run: string) => `${space}\\${run}`,
  );
}
