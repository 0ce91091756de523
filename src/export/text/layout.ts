/**
 * The view-model walk: the theme's view model laid out as blocks, so the plain-text and Markdown
 * exports carry the same facts, in the same order, as the HTML and PDF.
 */
import type {
  Detail,
  EntryHead,
  Header,
  PublicationEntry,
  Section,
  SubProjectEntry,
  ViewModel,
} from 'jsonresume-theme-camera-ready';
import { item, lines, right, type Block, type Line } from './blocks.js';
import { rich } from './rich-text.js';
import { concat, emphasis, join, link, plain, strong, type Span } from './spans.js';

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
