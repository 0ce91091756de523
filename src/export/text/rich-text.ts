/**
 * A Markdown field of the résumé in both target forms, read from its source with the lexer the
 * theme renders it with (`marked`, GitHub-flavoured, line breaks kept), so the exports show what
 * the page shows: the same emphasis, code and links, raw HTML as text, images as their alt text.
 */
import { decodeHTMLStrict } from 'entities';
import { Lexer, getDefaults, type Token } from 'marked';
import type { RichText } from 'jsonresume-theme-camera-ready';
import { codeSpan } from './markdown-escape.js';
import { clean } from './clean.js';
import { concat, linked, plain, withMarks, type Span } from './spans.js';

/** The inline tokens of a Markdown field, as the theme's Markdown renderer reads them. */
function inlineTokens(source: string): Token[] {
  return Lexer.lexInline(source, { ...getDefaults(), gfm: true, breaks: true });
}

/** What the page shows of a token that is text alone, or undefined for markup. */
function textOf(token: Token): string | undefined {
  switch (token.type) {
    case 'text':
      // marked decodes numeric character references but leaves named ones (`&copy;`) as
      // typed; the page reads both as the character.
      return token.tokens ? undefined : decodeHTMLStrict(String(token.text));
    // An escaped character, raw HTML and an image (its alt text) are shown as written.
    case 'escape':
    case 'html':
    case 'image':
      return String(token.text);
    default:
      return undefined;
  }
}

function markupOf(token: Token): Span {
  switch (token.type) {
    case 'strong':
      return withMarks(spansOf(token.tokens ?? []), '**');
    case 'em':
      return withMarks(spansOf(token.tokens ?? []), '*');
    case 'del':
      return withMarks(spansOf(token.tokens ?? []), '~~');
    case 'codespan': {
      const code = clean(String(token.text));
      return { text: code, md: codeSpan(code) };
    }
    case 'br':
      return { text: ' ', md: ' ' };
    case 'link':
      return linked(spansOf(token.tokens ?? []), String(token.href));
    case 'text':
      return spansOf(token.tokens ?? []);
    default:
      return plain(token.raw);
  }
}

/**
 * The tokens in both forms. Neighbouring text is cleaned and escaped as one piece, so a
 * character reference or a terminal escape sequence split across tokens is still seen whole.
 */
function spansOf(tokens: Token[]): Span {
  const spans: Span[] = [];
  let text = '';
  for (const token of tokens) {
    const shown = textOf(token);
    if (shown !== undefined) text += shown;
    else {
      spans.push(plain(text), markupOf(token));
      text = '';
    }
  }
  return concat(...spans, plain(text));
}

/** Both forms of a Markdown field; nothing for none. */
export function rich(value: RichText | null): Span {
  return value === null ? plain('') : spansOf(inlineTokens(value.source));
}
