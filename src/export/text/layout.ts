/**
 * The CV laid out as blocks of lines, the shape both renderers (plain-text.ts, markdown.ts) print:
 * the theme's view model walked in the order of the PDF, so the plain-text and Markdown exports
 * carry the same facts, in the same order, as the HTML and PDF. Every piece of text is a span
 * that holds both target forms, cleaned of terminal control and escaped for Markdown once, as it
 * enters.
 */
import { decodeHTMLStrict } from 'entities';
import { Lexer, getDefaults, type Token } from 'marked';
import {
  displayUrl,
  safeHref,
  type Detail,
  type EntryHead,
  type Header,
  type Link,
  type PublicationEntry,
  type RichText,
  type Section,
  type SubProjectEntry,
  type ViewModel,
} from 'jsonresume-theme-camera-ready';

/**
 * Terminal control: escape sequences (CSI, OSC) whole, then every other C0 and C1 control
 * character but tab and line feed. A résumé is text; in a terminal these would move the cursor,
 * recolour, retitle the window or hide lines.
 */
const CONTROL =
  /\u001b\[[0-?]*[ -/]*[@-~]|\u009b[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-_]?|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Text as it enters both renderings: no control characters, and no line breaks of its own. */
function clean(text: string): string {
  return text.replace(CONTROL, '').replace(/\n+/g, ' ');
}

/** `char` as percent-escapes of its UTF-8 bytes. */
function percentEncode(char: string): string {
  return [...new TextEncoder().encode(char)]
    .map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)
    .join('');
}

/**
 * An address as plain text: its control characters percent-encoded rather than dropped, so the
 * address stays the one the page links to and the terminal is left alone.
 */
function cleanAddress(address: string): string {
  return address.replace(/[\u0000-\u001f\u007f-\u009f]/g, percentEncode);
}

// Markdown escapes within a line, so résumé text is read as text and never as markup: inline
// marks, link addresses and code spans (the marks at the start of a line: markdown.ts).

/**
 * Everything CommonMark (and GitHub) reads as inline markup, escaped wherever it stands; `&` only
 * where it would start a character reference, `!` only at the end of a piece, where a link may
 * follow and turn into an image, `(` only after `]` (marked reads `!\[a\](b)` inside a link's text
 * as an image). (`#` and line-initial marks: see safeLineStart in markdown.ts.)
 */
const MD_SPECIAL = /[\\`*_[\]<>~|]|&(?=#?[0-9A-Za-z]+;)|!$|(?<=\])\(/g;

/** An `&` that begins a character reference, which Markdown decodes even in a link address. */
const CHARACTER_REFERENCE = /&(?=#?[0-9A-Za-z]+;)/g;

function escapeMd(text: string): string {
  return text.replace(MD_SPECIAL, (c) => `\\${c}`);
}

/**
 * A link destination no Markdown reader can end early or read markup in: every character outside
 * a conservative URL set is percent-encoded (encodeURIComponent alone leaves `(`, `)` and `!`),
 * and an `&` that would start a character reference is written `&amp;`, which CommonMark readers
 * and marked alike turn back into `&` (a backslash escape marked would drop, and percent-encoding
 * would change what the address means).
 */
function markdownHref(href: string): string {
  return href
    .replace(/[^A-Za-z0-9\-._~:/?#@$&'*+,;=%]/gu, percentEncode)
    .replace(CHARACTER_REFERENCE, '&amp;');
}

/**
 * A code span that shows `code` exactly: delimited by one backtick more than the longest run of
 * backticks inside, and padded with a space where the content begins or ends with a backtick or
 * with a space (which CommonMark would otherwise strip).
 */
function codeSpan(code: string): string {
  if (code === '') return '';
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(code) && code.trim() !== '' ? ' ' : '';
  return `${fence}${pad}${code}${pad}${fence}`;
}

/**
 * A run of text in both target forms: what plain text shows and what Markdown writes. Every
 * piece of the résumé enters through `plain` or `link`, so it is cleaned and escaped once.
 */
export interface Span {
  text: string;
  md: string;
}

export function plain(value: string): Span {
  const text = clean(value);
  return { text, md: escapeMd(text) };
}

/** The span inside Markdown marks (`**`, `*`, `~~`); empty stays empty. */
function withMarks(span: Span, mark: string): Span {
  return span.text === '' ? span : { text: span.text, md: `${mark}${span.md}${mark}` };
}

function strong(span: Span): Span {
  return withMarks(span, '**');
}

function emphasis(span: Span): Span {
  return withMarks(span, '*');
}

function concat(...spans: Span[]): Span {
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
function linked(shown: Span, href: string): Span {
  const address = safeHref(href);
  if (address === '') return shown;
  const redundant = bareAddress(address) === bareAddress(shown.text);
  return {
    text: redundant ? shown.text : `${shown.text} <${cleanAddress(address)}>`,
    md: `[${shown.md}](${markdownHref(address)})`,
  };
}

/** A link of the view model (its `href` already '' when not allowed). */
function link(value: Link): Span {
  return linked(plain(value.text), value.href);
}

// Rich text: a Markdown field of the résumé in both target forms, read from its source with the
// lexer the theme renders it with (`marked`, GitHub-flavoured, line breaks kept), so the exports
// show what the page shows: the same emphasis, code and links, raw HTML as text, images as their
// alt text.

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
function rich(value: RichText | null): Span {
  return value === null ? plain('') : spansOf(inlineTokens(value.source));
}

// Blocks: a title, section headings, paragraphs and list items.

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
function lines(parts: Part[], joined = true): Block[] {
  const kept = present(parts);
  return kept.length === 0 ? [] : [{ kind: 'lines', lines: kept, joined }];
}

/** A list item of the lines that have text, or nothing. */
function item(parts: Part[], depth = 0, marker = '-', numbered?: number): Block[] {
  const kept = present(parts);
  return kept.length === 0 ? [] : [{ kind: 'item', marker, depth, lines: kept, numbered }];
}

/** Text set flush right, when there is any. */
function right(text: string): Span | undefined {
  return text === '' ? undefined : plain(text);
}

// The view-model walk.

/** The entry head: title and dates, then organisation, detail and place. */
function head(h: EntryHead): Block[] {
  const line1: Line = { left: strong(link(h.title)), right: right(h.dates) };
  const line2: Line = {
    left: join([link(h.org), plain(h.detail)], ' · '),
    right: right(h.place),
  };
  return lines([line1, h.hasSecondLine ? line2 : null], false);
}

/** Facts without a designed place: "salary: 100k · nationality: Polish". */
function details(list: Detail[]): Span {
  return join(
    list.map((d) => concat(plain(`${d.key}: `), link(d))),
    ' · ',
  );
}

function header(h: Header): Block[] {
  return [
    { kind: 'title', text: plain(h.name) },
    ...lines([plain(h.label), join(h.contacts.map(link), ' | '), details(h.details)]),
    ...lines([rich(h.summary)], false),
  ];
}

function keywords(list: string[]): Span {
  return plain(list.join(' · '));
}

function subProject(p: SubProjectEntry): Block[] {
  const title = strong(concat(plain(`#${p.number} `), link(p.name)));
  return [
    ...item([join([title, plain(p.type)], ' · '), rich(p.summary)]),
    ...p.highlights.flatMap((h) => item([rich(h)], 1)),
    ...item([keywords(p.keywords)], 1),
  ];
}

function publication(p: PublicationEntry): Block[] {
  const authors = join(
    p.authors.map((a) => (a.isOwner ? strong(plain(a.name)) : plain(a.name))),
    ', ',
  );
  const meta = join(
    [
      authors,
      plain(p.status?.label ?? ''),
      plain(p.firstAuthorMark),
      plain(p.scoresMark),
      ...p.distinctions.map(plain),
    ],
    ' · ',
  );
  const title: Line = { left: strong(link(p.title)), right: right(p.venue) };
  return item([title, meta, rich(p.summary)], 0, `[${p.number}]`, p.number);
}

/** The entries of one section, in the designed order of their facts. */
function entries(s: Section): Block[] {
  switch (s.key) {
    case 'education':
      return s.entries.flatMap((e) => [
        ...head(e.head),
        ...lines([plain(e.coursesLine), details(e.details)]),
      ]);
    case 'publications':
      return s.entries.flatMap((p) => [...publication(p), ...item([details(p.details)], 1)]);
    case 'work':
    case 'volunteer':
      return s.entries.flatMap((e) => [
        ...head(e.head),
        ...lines([rich(e.summary), details(e.details)]),
        ...e.highlights.flatMap((h) => item([rich(h)])),
        ...e.projects.flatMap(subProject),
      ]);
    case 'projects':
      return s.entries.flatMap((p) => {
        const refs = p.refs.map((r) => plain(` [${r.number}]`));
        const title = join([concat(strong(link(p.name)), ...refs), plain(p.type)], ' · ');
        return [
          ...lines([{ left: title, right: right(p.dates) }], false),
          ...lines([plain(p.detail), rich(p.description)]),
          ...p.highlights.flatMap((h) => item([rich(h)])),
          ...lines([keywords(p.keywords), details(p.details)]),
        ];
      });
    case 'awards':
      return s.entries.flatMap((a) => {
        const text = join([strong(plain(a.title)), plain(a.awarder)], ', ');
        const left = a.summary ? join([text, rich(a.summary)], ' — ') : text;
        return item([{ left, right: right(a.date) }, details(a.details)]);
      });
    case 'certificates':
      return s.entries.flatMap((c) => {
        const left = join([strong(link(c.name)), plain(c.issuer)], ', ');
        return item([{ left, right: right(c.date) }, details(c.details)]);
      });
    case 'skills':
      return s.entries.flatMap((k) => {
        const label = k.level === '' ? k.name : `${k.name} (${k.level})`;
        const value = plain(k.keywords.join(', '));
        const shown = label === '' ? value : concat(strong(plain(`${label}:`)), plain(' '), value);
        return item([shown, details(k.details)]);
      });
    case 'languages': {
      const all = s.entries.map((l) =>
        join(
          [strong(plain(l.language)), plain(l.fluency ? `(${l.fluency})` : ''), details(l.details)],
          ' ',
        ),
      );
      return lines([join(all, ' · ')]);
    }
    case 'interests': {
      const all = s.entries.map((i) => {
        const named = [i.name, i.keywords.length ? `(${i.keywords.join(', ')})` : ''];
        return join([plain(named.filter(Boolean).join(' ')), details(i.details)], ' ');
      });
      return lines([join(all, '; ')]);
    }
    case 'references':
      return s.entries.flatMap((r) =>
        lines([rich(r.reference), plain(r.name ? `— ${r.name}` : ''), details(r.details)], false),
      );
    case 'other':
      return s.entries.flatMap((o) => item([join([plain(o.text), details(o.details)], ' ')]));
  }
}

function section(s: Section): Block[] {
  return [
    { kind: 'heading', text: plain(s.title) },
    ...lines([emphasis(plain(s.note))]),
    ...entries(s),
  ];
}

/** The whole CV as blocks, in the reading order of the PDF. */
export function layout(vm: ViewModel): Block[] {
  return [...(vm.header ? header(vm.header) : []), ...vm.sections.flatMap(section)];
}
