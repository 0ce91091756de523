/**
 * Runs of text in both target forms: what plain text shows and what Markdown writes. Every
 * piece of the résumé enters through `plain` or `link`, so it is cleaned and escaped once.
 */
import { displayUrl, safeHref, type Link } from 'jsonresume-theme-camera-ready';
import { clean, cleanAddress } from './clean.js';
import { escapeMd, markdownHref } from './markdown-escape.js';

export interface Span {
  text: string;
  md: string;
}

export function plain(value: string): Span {
  const text = clean(value);
  return { text, md: escapeMd(text) };
}

/** The span inside Markdown marks (`**`, `*`, `~~`); empty stays empty. */
export function withMarks(span: Span, mark: string): Span {
  return span.text === '' ? span : { text: span.text, md: `${mark}${span.md}${mark}` };
}

export function strong(span: Span): Span {
  return withMarks(span, '**');
}

export function emphasis(span: Span): Span {
  return withMarks(span, '*');
}

export function concat(...spans: Span[]): Span {
  return { text: spans.map((s) => s.text).join(''), md: spans.map((s) => s.md).join('') };
}

/** The non-empty spans joined by `separator`. */
export function join(spans: Span[], separator: string): Span {
  const present = spans.filter((s) => s.text !== '');
  return {
    text: present.map((s) => s.text).join(separator),
    md: present.map((s) => s.md).join(escapeMd(separator)),
  };
}

/** An address compared with a link's text: "a@b.org" adds nothing to mailto:a@b.org. */
function bareAddress(value: string): string {
  return displayUrl(value).replace(/[\s-]/g, '').toLowerCase();
}

/**
 * `shown` linked to `href`, which the page's link rule must allow (else the text alone). Plain
 * text adds the address in angle brackets unless the text already says it.
 */
export function linked(shown: Span, href: string): Span {
  const address = safeHref(href);
  if (address === '') return shown;
  const redundant = bareAddress(address) === bareAddress(shown.text);
  return {
    text: redundant ? shown.text : `${shown.text} <${cleanAddress(address)}>`,
    md: `[${shown.md}](${markdownHref(address)})`,
  };
}

/** A link of the view model (its `href` already '' when not allowed). */
export function link(value: Link): Span {
  return linked(plain(value.text), value.href);
}
