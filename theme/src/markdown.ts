/**
 * Inline Markdown for summaries, descriptions and highlights. A private `Marked` instance so
 * other code in the same process (or another theme) cannot change how we render. Raw HTML in
 * the source is shown as text (a typed `<br>` is a line break), links obey the URL rule of `urls.ts`, and images become their
 * alt text, because an image would fetch from the network.
 */
import { decodeHTMLStrict } from 'entities';
import { Marked, type Tokens } from 'marked';
import { escapeHtml, htmlToText, keepTogether, lineBreaks } from './text';
import { safeHref } from './urls';

/** A Markdown field as written, as safe inline HTML, and as plain text. */
export interface RichText {
  /** The Markdown source as written in the résumé. */
  source: string;
  /** Safe inline HTML (strong, em, code, a, del); never raw HTML from the source. */
  html: string;
  /** The text without markup, for plain-text consumers. */
  text: string;
}

const marked = new Marked({
  async: false,
  gfm: true,
  // A line break the person wrote stays a line break.
  breaks: true,
  renderer: {
    html({ text }: Tokens.HTML | Tokens.Tag): string {
      return lineBreaks(escapeHtml(text));
    },
    link(token: Tokens.Link): string {
      const inner = this.parser.parseInline(token.tokens);
      const href = safeHref(token.href);
      return href === '' ? inner : `<a href="${escapeHtml(href)}">${inner}</a>`;
    },
    image({ text }: Tokens.Image): string {
      return escapeHtml(text);
    },
    text(token: Tokens.Text | Tokens.Escape): string {
      if ('tokens' in token && token.tokens) return this.parser.parseInline(token.tokens);
      // marked decodes numeric character references in text but leaves named ones (`&copy;`)
      // as typed; CommonMark reads both as the character. Text marked `escaped` (what follows a
      // raw <code>, <kbd>, <pre> or <script>) is raw HTML to marked: escaped here like all text,
      // since raw HTML is shown as text.
      return keepTogether(escapeHtml(decodeHTMLStrict(token.text)));
    },
  },
});

/** Renders one inline Markdown string; '' in, empty text out. */
export function inlineMarkdown(source: string): RichText {
  if (source === '') return { source, html: '', text: '' };
  const html = (marked.parseInline(source) as string).trim();
  return { source, html, text: htmlToText(html) };
}
