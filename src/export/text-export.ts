/**
 * Plain-text and Markdown renderings of the CV, built from the theme's own view model so they
 * carry the same facts, in the same order, as the HTML and PDF. One walk lays the view model
 * out as blocks of spans; each span knows its plain and Markdown form, and two small renderers
 * print the blocks.
 */
import type {
  Detail,
  EntryHead,
  Header,
  Link,
  PublicationEntry,
  RichText,
  Section,
  SubProjectEntry,
  ViewModel,
} from 'jsonresume-theme-camera-ready';
import { decodeHTML } from 'entities';

/** A run of text in both target forms. */
interface Span {
  text: string;
  md: string;
}

/** One line of a block; `right` is set flush right in text (the dates and places of the PDF). */
interface Line {
  left: Span;
  right?: Span;
}

type Block =
  | { kind: 'title'; text: Span }
  | { kind: 'heading'; text: Span }
  /** Lines of one paragraph; `joined` blocks follow the previous block without a blank line. */
  | { kind: 'lines'; lines: Line[]; joined: boolean }
  /** A list item; `marker` is '-' or e.g. "[3]"; `numbered` items form an ordered list in Markdown. */
  | { kind: 'item'; marker: string; numbered?: number; depth: number; lines: Line[] };

// ---------------------------------------------------------------------------------------------
// Spans

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

/**
 * Everything CommonMark (and GitHub) reads as inline markup, escaped wherever it stands; `&` only
 * where it would start a character reference, `!` only at the end of a piece, where a link may
 * follow and turn into an image. (`#` and line-initial marks: see safeLineStart.)
 */
const MD_SPECIAL = /[\\`*_[\]<>~|]|&(?=#?[0-9A-Za-z]+;)|!$/g;

function escapeMd(text: string): string {
  return text.replace(MD_SPECIAL, (c) => `\\${c}`);
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

function plain(value: string): Span {
  const text = clean(value);
  return { text, md: escapeMd(text) };
}

function strong(span: Span): Span {
  return span.text === '' ? span : { text: span.text, md: `**${span.md}**` };
}

function emphasis(span: Span): Span {
  return span.text === '' ? span : { text: span.text, md: `*${span.md}*` };
}

function concat(...spans: Span[]): Span {
  return { text: spans.map((s) => s.text).join(''), md: spans.map((s) => s.md).join('') };
}

/** The non-empty spans joined by `separator`. */
function join(spans: Span[], separator: string): Span {
  const present = spans.filter((s) => s.text !== '');
  return {
    text: present.map((s) => s.text).join(separator),
    md: present.map((s) => s.md).join(escapeMd(separator)),
  };
}

/** What a link's address adds to its text: nothing for "a@b.org" → mailto:a@b.org. */
function bareAddress(value: string): string {
  return value
    .replace(/^(mailto:|tel:|https?:\/\/)/i, '')
    .replace(/^www\./i, '')
    .replace(/\/$/, '')
    .replace(/[\s-]/g, '')
    .toLowerCase();
}

function markdownHref(href: string): string {
  return href.replace(/[\s()<>]/g, (c) => encodeURIComponent(c));
}

function link(value: Link): Span {
  const [text, href] = [clean(value.text), clean(value.href)];
  if (href === '' || text === '') return plain(text);
  const redundant = bareAddress(href) === bareAddress(text);
  return {
    text: redundant ? text : `${text} <${href}>`,
    md: `[${escapeMd(text)}](${markdownHref(href)})`,
  };
}

/** HTML text as the page shows it: every character reference decoded, named ones (`&copy;`) too. */
function decodeEntities(html: string): string {
  return clean(decodeHTML(html));
}

const MD_MARKS: Record<string, string> = {
  strong: '**',
  b: '**',
  em: '*',
  i: '*',
  del: '~~',
  s: '~~',
};

/**
 * Both forms of the theme's rendered inline HTML (strong, em, code, del, links), so they show
 * exactly what the page shows. Read from the HTML rather than the view model's plain text
 * because the plain text drops link addresses, which are facts too. Unknown tags keep only
 * their text.
 */
function fromHtml(html: string): Span {
  let text = '';
  let md = '';
  let code: string | undefined;
  const links: { href: string; start: number }[] = [];
  const tokens = /<(\/?)([a-z0-9]+)([^>]*)>|([^<]+)|</gi;
  for (let match = tokens.exec(html); match !== null; match = tokens.exec(html)) {
    const [whole, closing, tagName, attributes, raw] = match;
    if (raw !== undefined || whole === '<') {
      const decoded = decodeEntities(raw ?? whole);
      text += decoded;
      if (code !== undefined) code += decoded;
      else md += escapeMd(decoded);
      continue;
    }
    const tag = (tagName ?? '').toLowerCase();
    if (tag === 'code') {
      if (closing) {
        md += codeSpan(code ?? '');
        code = undefined;
      } else code = '';
    } else if (tag === 'a') {
      if (closing) {
        const link = links.pop();
        md += `](${markdownHref(link?.href ?? '')})`;
        const shown = text.slice(link?.start ?? text.length);
        if (link?.href && bareAddress(link.href) !== bareAddress(shown)) text += ` <${link.href}>`;
      } else {
        const href = decodeEntities(/\bhref="([^"]*)"/i.exec(attributes ?? '')?.[1] ?? '');
        links.push({ href, start: text.length });
        md += '[';
      }
    } else if (tag === 'br') {
      text += ' ';
      md += ' ';
    } else md += MD_MARKS[tag] ?? '';
  }
  return { text, md };
}

function rich(value: RichText | null): Span {
  return value === null ? plain('') : fromHtml(value.html);
}

// ---------------------------------------------------------------------------------------------
// The walk

function present(parts: (Line | Span | null)[]): Line[] {
  return parts
    .filter((s): s is Line | Span => s !== null)
    .map((s): Line => ('left' in s ? s : { left: s }))
    .filter((l) => l.left.text !== '' || (l.right?.text ?? '') !== '');
}

function lines(parts: (Line | Span | null)[], joined = true): Block[] {
  const kept = present(parts);
  return kept.length === 0 ? [] : [{ kind: 'lines', lines: kept, joined }];
}

function item(parts: (Line | Span | null)[], depth = 0, marker = '-', numbered?: number): Block[] {
  const kept = present(parts);
  return kept.length === 0 ? [] : [{ kind: 'item', marker, depth, lines: kept, numbered }];
}

function right(text: string): Span | undefined {
  return text === '' ? undefined : plain(text);
}

/** The entry head: title and dates, then organisation, detail and place. */
function head(h: EntryHead, joined = false): Block[] {
  const line1: Line = { left: strong(link(h.title)), right: right(h.dates) };
  const line2: Line = {
    left: join([link(h.org), plain(h.detail)], ' · '),
    right: right(h.place),
  };
  return lines([line1, h.hasSecondLine ? line2 : null], joined);
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

function section(s: Section): Block[] {
  const blocks: Block[] = [{ kind: 'heading', text: plain(s.title) }];
  blocks.push(...lines([emphasis(plain(s.note))]));
  switch (s.key) {
    case 'education':
      for (const e of s.entries) {
        blocks.push(...head(e.head));
        blocks.push(...lines([plain(e.coursesLine), details(e.details)]));
      }
      break;
    case 'publications':
      for (const p of s.entries) {
        blocks.push(...publication(p));
        blocks.push(...item([details(p.details)], 1));
      }
      break;
    case 'work':
    case 'volunteer':
      for (const e of s.entries) {
        blocks.push(...head(e.head));
        blocks.push(...lines([rich(e.summary), details(e.details)]));
        for (const h of e.highlights) blocks.push(...item([rich(h)]));
        for (const p of e.projects) blocks.push(...subProject(p));
      }
      break;
    case 'projects':
      for (const p of s.entries) {
        const refs = p.refs.map((r) => plain(` [${r.number}]`));
        const title = join([concat(strong(link(p.name)), ...refs), plain(p.type)], ' · ');
        blocks.push(...lines([{ left: title, right: right(p.dates) }], false));
        blocks.push(...lines([plain(p.detail), rich(p.description)]));
        for (const h of p.highlights) blocks.push(...item([rich(h)]));
        blocks.push(...lines([keywords(p.keywords), details(p.details)]));
      }
      break;
    case 'awards':
      for (const a of s.entries) {
        const text = join([strong(plain(a.title)), plain(a.awarder)], ', ');
        const left = a.summary ? join([text, rich(a.summary)], ' — ') : text;
        blocks.push(...item([{ left, right: right(a.date) }, details(a.details)]));
      }
      break;
    case 'certificates':
      for (const c of s.entries) {
        const left = join([strong(link(c.name)), plain(c.issuer)], ', ');
        blocks.push(...item([{ left, right: right(c.date) }, details(c.details)]));
      }
      break;
    case 'skills':
      for (const k of s.entries) {
        const label = k.level === '' ? k.name : `${k.name} (${k.level})`;
        const value = plain(k.keywords.join(', '));
        blocks.push(
          ...item([
            label === '' ? value : concat(strong(plain(`${label}:`)), plain(' '), value),
            details(k.details),
          ]),
        );
      }
      break;
    case 'languages': {
      const all = s.entries.map((l) =>
        join(
          [strong(plain(l.language)), plain(l.fluency ? `(${l.fluency})` : ''), details(l.details)],
          ' ',
        ),
      );
      blocks.push(...lines([join(all, ' · ')]));
      break;
    }
    case 'interests': {
      const all = s.entries.map((i) =>
        join(
          [
            plain(
              [i.name, i.keywords.length ? `(${i.keywords.join(', ')})` : '']
                .filter(Boolean)
                .join(' '),
            ),
            details(i.details),
          ],
          ' ',
        ),
      );
      blocks.push(...lines([join(all, '; ')]));
      break;
    }
    case 'references':
      for (const r of s.entries) {
        blocks.push(
          ...lines(
            [rich(r.reference), plain(r.name ? `— ${r.name}` : ''), details(r.details)],
            false,
          ),
        );
      }
      break;
    case 'other':
      for (const o of s.entries)
        blocks.push(...item([join([plain(o.text), details(o.details)], ' ')]));
      break;
  }
  return blocks;
}

function layout(vm: ViewModel): Block[] {
  return [...(vm.header ? header(vm.header) : []), ...vm.sections.flatMap(section)];
}

// ---------------------------------------------------------------------------------------------
// Plain text

/** Terminal columns of a string: East Asian wide and full-width characters take two. */
export function columns(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x1f300 && code <= 0x1faff) ||
      (code >= 0x20000 && code <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

/** Splits a word wider than `width` (a long URL) into pieces that fit. */
function pieces(word: string, width: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const char of word) {
    if (columns(current + char) > width && current !== '') {
      out.push(current);
      current = '';
    }
    current += char;
  }
  return current === '' ? out : [...out, current];
}

/** Greedy word wrap: the first line after `first`, the others after `rest` (a hanging indent). */
export function wrap(text: string, width: number, first = '', rest = first): string[] {
  const out: string[] = [];
  let line = first;
  let empty = true;
  const words = text.split(/\s+/).filter(Boolean);
  for (const word of words) {
    const prefix = out.length === 0 ? first : rest;
    const candidate = empty ? line + word : `${line} ${word}`;
    if (columns(candidate) <= width) {
      line = candidate;
      empty = false;
      continue;
    }
    if (!empty) out.push(line);
    const room = width - columns(out.length === 0 ? prefix : rest);
    const parts = columns(word) > room ? pieces(word, room) : [word];
    for (const part of parts.slice(0, -1)) out.push((out.length === 0 ? first : rest) + part);
    line = (out.length === 0 ? first : rest) + (parts.at(-1) ?? '');
    empty = false;
  }
  if (!empty || out.length === 0) out.push(line);
  return out.map((l) => l.trimEnd());
}

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
    switch (block.kind) {
      case 'title':
        out.push(...wrap(block.text.text.toUpperCase(), width));
        break;
      case 'heading': {
        const title = wrap(block.text.text.toUpperCase(), width);
        out.push(...title, '='.repeat(Math.min(width, Math.max(...title.map(columns)))));
        break;
      }
      case 'lines':
        for (const line of block.lines) out.push(...textLine(line, width, '', ''));
        break;
      case 'item': {
        const indent = '  '.repeat(block.depth);
        const first = `${indent}${block.marker} `;
        const rest = ' '.repeat(columns(first));
        block.lines.forEach((line, index) =>
          out.push(...textLine(line, width, index === 0 ? first : rest, rest)),
        );
        break;
      }
    }
    previous = block;
  }
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Markdown

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

function mdLine(line: Line): string {
  return join([line.left, line.right ?? plain('')], ' · ').md;
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
    switch (block.kind) {
      case 'title':
        out.push(`# ${headingText(block.text.md)}`);
        break;
      case 'heading':
        out.push(`## ${headingText(block.text.md)}`);
        break;
      case 'lines':
        // A backslash at the end of a line is a hard line break in CommonMark.
        out.push(block.lines.map((line) => safeLineStart(mdLine(line))).join('\\\n'));
        break;
      case 'item': {
        const marker = block.numbered === undefined ? '-' : `${block.numbered}.`;
        const indent = '  '.repeat(block.depth);
        const hang = `${indent}${' '.repeat(marker.length + 1)}`;
        const [firstLine, ...others] = block.lines.map((line) => safeLineStart(mdLine(line)));
        out.push(
          [`${indent}${marker} ${firstLine ?? ''}`, ...others.map((l) => hang + l)].join('\\\n'),
        );
        break;
      }
    }
    previous = block;
  }
  return `${out.join('\n')}\n`;
}
