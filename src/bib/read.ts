/**
 * Reading a .bib file: the pre-pass (prescan.ts) bounds the file and reads its plain values, then
 * @retorquere/bibtex-parser does the BibTeX (macros, crossref, LaTeX to Unicode, name lists) of
 * what is left; its output becomes plain text with a place in the file, and its errors become
 * located diagnostics. A malformed entry is reported and left out; the rest stay.
 */
import { parse, type Creator } from '@retorquere/bibtex-parser';
import type { Diagnostic } from '../resume/diagnostics.js';
import { lineIndex } from '../resume/json-syntax.js';
import { JOURNAL_MACROS } from './latex.js';
import { bibText } from './messages.js';
import { DOLLAR, MAX_DEPTH, MAX_EXPANDED, OffsetMap, prescan } from './prescan.js';

/** One person (or a literal name such as a consortium) from a name list. */
export interface Person {
  given: string;
  family: string;
  /** "van der", "de la". */
  prefix: string;
  /** "Jr.", "III". */
  suffix: string;
  /** A name written in braces, kept whole: "{Acme Lab}". */
  literal: string;
  /** The `and others` at the end of a list. */
  others: boolean;
}

export interface BibEntry {
  key: string;
  type: string;
  /** Every field but the name lists, as plain Unicode text. */
  fields: Record<string, string>;
  authors: Person[];
  line: number;
  column: number;
}

export interface ParsedBib {
  entries: BibEntry[];
  diagnostics: Diagnostic[];
}

// The markup the parser adds for \textit, \textsc, \url and the like; text in between is kept.
const MARKUP =
  /<\/?(?:i|b|em|strong|sup|sub|tt)>|<span(?: (?:class|style)="[^"<>]*")?>|<\/span>|<a href="[^"<>]*">|<\/a>/g;

/**
 * The file's own `<` and `>` (written, or as \textless and \textgreater) stand in for two
 * noncharacters while it is parsed, so that they are not taken for the markup the parser adds.
 */
const LESS = '\ufdd0';
const GREATER = '\ufdd1';
const ANGLE = /<|>|\\text(less|greater)(?![A-Za-z])(?:\{\}|[ \t]*)/g;

/** The text the parser reads, and where an offset in it was in the file. */
function withAnglesHidden(text: string): { hidden: string; map: OffsetMap } {
  const map = new OffsetMap();
  let removed = 0;
  const hidden = text.replace(ANGLE, (match: string, word: string | undefined, offset: number) => {
    map.shorten(offset - removed + 1, match.length - 1);
    removed += match.length - 1;
    return match === '<' || word === 'less' ? LESS : GREATER;
  });
  return { hidden, map };
}

/** The file's own signs back in place of the characters that stood for them in the parser's text. */
const shownSigns = (value: string) =>
  value.replaceAll(LESS, '<').replaceAll(GREATER, '>').replaceAll(DOLLAR, '$');

/**
 * Text plainText gives back as it is: printable ASCII but for angle brackets, and letters of
 * Latin-1 and Latin Extended-A (composed already, none a mark), between single spaces.
 */
const UNCHANGED = /^[!-;=?-~\u00a1-\u017f]+(?: [!-;=?-~\u00a1-\u017f]+)*$/;

/**
 * Plain text: no markup, composed accents (the parser gives "a" + combining mark), one space.
 * An accent on a dotless i or j (`{\'\i}`) is an accent on i or j; `\^{}` and `\~{}` (a mark
 * on nothing, which the parser puts after a space) are the characters ^ and ~.
 */
export function plainText(value: string): string {
  // Most values are already plain: the passes below would give them back unchanged.
  if (UNCHANGED.test(value)) return value;
  return shownSigns(value.replace(MARKUP, ''))
    .replace(/ı(?=\p{M})/gu, 'i')
    .replace(/ȷ(?=\p{M})/gu, 'j')
    .replace(/(^|\s)\u0302/g, '^')
    .replace(/(^|\s)\u0303/g, '~')
    .normalize('NFC')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

function person(creator: Creator): Person {
  const part = (value: string | undefined) => plainText(value ?? '');
  let family = part(creator.lastName);
  let given = part(creator.firstName);
  // DBLP numbers namesakes ("Tomás Ferreira 0001"); the number is no part of the name.
  if (/^\d{4}$/.test(family) && given) {
    const words = given.split(' ');
    family = words.pop()!;
    given = words.join(' ');
  }
  let prefix = part(creator.prefix);
  // Google Scholar puts particles after the given name: "Klein, Niek de" is Niek de Klein.
  const trailing = /^(.*\S)\s+((?:\p{Ll}+\s+)*\p{Ll}+)$/u.exec(given);
  if (trailing && !prefix) {
    given = trailing[1]!;
    prefix = trailing[2]!;
  }
  return {
    given,
    family,
    prefix,
    suffix: part(creator.suffix),
    literal: part(creator.name),
    others: family === 'others' && !creator.firstName,
  };
}

/** The entry's type and key as written at its start: `@article{doe2020,`. */
const ENTRY_HEAD = /^@\s*([A-Za-z]+)\s*[{(]\s*([^,\s{}()]*)/;

/** `read`: the fields the caller uses (the others are not parsed); all of them when left out. */
export function parseBib(file: string, read?: ReadonlySet<string>): ParsedBib {
  const scanned = prescan(file, read);
  const { hidden: text, map: angles } = withAnglesHidden(scanned.text);
  const fileOffset = (offset: number) => scanned.map.original(angles.original(offset));
  /** Unknown LaTeX commands by entry key. */
  const unknownCommands = new Map<string, string[]>();
  const library = parse(text, {
    // Titles are kept as written: a CV shows them in the case the author chose.
    english: false,
    applyCrossRef: true,
    unsupported: (_node, tex, entry) => {
      const name = tex.slice(1);
      if (Object.hasOwn(JOURNAL_MACROS, name)) return JOURNAL_MACROS[name]!;
      unknownCommands.set(entry.key, [...(unknownCommands.get(entry.key) ?? []), shownSigns(tex)]);
      return '';
    },
  });
  const diagnostics: Diagnostic[] = [];
  const lineAndColumn = lineIndex(file);
  const at = (offset: number) => lineAndColumn(fileOffset(offset));
  const located = (
    severity: Diagnostic['severity'],
    offset: number,
    path: string,
    message: { message: string; hint?: string },
  ): Diagnostic => ({ severity, path, ...at(offset), ...message });

  for (const problem of scanned.problems) {
    diagnostics.push({
      severity: 'error',
      path: problem.name || '(file)',
      ...lineAndColumn(problem.offset),
      ...bibText.outOfBounds(problem.bound, problem.name, {
        depth: MAX_DEPTH,
        expanded: MAX_EXPANDED,
      }),
    });
  }

  for (const { macro, offset, key, defined } of scanned.ownNames) {
    diagnostics.push({
      severity: 'warning',
      path: key || '(file)',
      ...lineAndColumn(offset),
      ...bibText.ownNameMacro(macro, defined),
    });
  }

  for (const { macro, offset, key, field } of scanned.undefinedMacros) {
    diagnostics.push({
      severity: 'warning',
      path: key || '(file)',
      ...lineAndColumn(offset),
      ...bibText.undefinedMacro(macro, field),
    });
  }

  const skipped = new Set<string>();
  let searchFrom = 0;
  /** Entries whose author list is written with commas between the names. */
  const commaLists = new Set<string>();
  for (const error of library.errors) {
    const commaList = /^@(.*?): unexpected \d+-part name/.exec(error.error)?.[1];
    if (commaList !== undefined) {
      commaLists.add(commaList);
      continue;
    }
    const source = error.input?.trim() ?? '';
    const stopped = /at line (\d+), column (\d+)/.exec(error.error);
    const reason = shownSigns(error.error)
      .replace(/\s+at line \d+, column \d+.*$/s, '')
      // The parser's "Token mismatch, expected X, found "Y"..." in plainer words.
      .replace(
        /^Token mismatch, expected (.+?), found "(.*?)"(?:\.\.\.)?$/s,
        (_, expected: string, found: string) =>
          found.trim() === ''
            ? `expected ${expected} before the end of the file`
            : `expected ${expected} before "${found.trim().replace(/\s+/g, ' ')}…"`,
      );
    if (source.startsWith('@')) {
      const offset = text.indexOf(source, searchFrom);
      const start = offset >= 0 ? offset : 0;
      if (offset >= 0) searchFrom = offset + source.length;
      const key = ENTRY_HEAD.exec(source)?.[2] ?? '';
      skipped.add(key);
      // Report where the parser stopped when that is inside the entry, else the entry's start.
      let where = start;
      if (stopped) {
        const stopOffset = offsetOf(text, Number(stopped[1]), Number(stopped[2]));
        if (stopOffset > start && stopOffset < start + source.length) where = stopOffset;
      }
      diagnostics.push(located('error', where, key || '(entry)', bibText.malformed(reason, key)));
    } else {
      const macro = /Unresolved @string reference "([^"]+)"/.exec(reason)?.[1];
      const use = macro ? new RegExp(`[=#]\\s*${escapeRegExp(macro)}\\b`, 'i').exec(text) : null;
      const owner = use ? entryAround(text, use.index) : undefined;
      if (owner) skipped.add(owner.key);
      diagnostics.push(
        located(
          'error',
          use ? use.index + use[0].length - macro!.length : 0,
          owner?.key || '(file)',
          macro ? bibText.unknownMacro(macro) : bibText.malformed(reason, ''),
        ),
      );
    }
  }

  /** The fields a `@string` left undefined, by entry key. */
  const undefinedFields = new Map<string, string[]>();
  for (const { key, field } of scanned.undefinedMacros)
    undefinedFields.set(key, [...(undefinedFields.get(key) ?? []), field]);
  /** Entries by their offset in the file, read by the parser or by the pre-pass alone. */
  const found: [number, BibEntry][] = [];
  const finish = (
    key: string,
    type: string,
    offset: number,
    parsed: { fields: Record<string, string>; authors?: Creator[] },
  ) => {
    const where = lineAndColumn(offset);
    const { fields } = parsed;
    let { authors } = parsed;
    // Values with no LaTeX in them were read by the pre-pass (the entry's own win over crossref).
    if (commaLists.has(key)) {
      diagnostics.push({
        severity: 'warning',
        path: key,
        ...where,
        ...bibText.commaSeparatedAuthors(),
      });
      authors = undefined;
    }
    const plain = scanned.plain.get(offset) ?? {};
    for (const [name, value] of Object.entries(plain)) {
      if (name !== 'author') fields[name] = plainText(value);
    }
    for (const field of undefinedFields.get(key) ?? []) delete fields[field];
    for (const command of unknownCommands.get(key) ?? []) {
      diagnostics.push({
        severity: 'warning',
        path: key,
        ...where,
        ...bibText.unknownCommand(command),
      });
    }
    found.push([
      offset,
      {
        key,
        type: type.toLowerCase(),
        fields,
        authors: (
          (plain['author'] !== undefined ? scanned.names.get(plain['author']) : undefined) ??
          authors ??
          []
        )
          .map(person)
          // A name left out (a CV's macro for its owner) leaves nothing of itself.
          .filter((p) => p.family || p.given || p.literal || p.others),
        ...where,
      },
    ]);
  };
  let cursor = 0;
  for (const entry of library.entries) {
    if (entry.input === '' || skipped.has(entry.key)) continue;
    const offset = text.indexOf(entry.input, cursor);
    const start = offset >= 0 ? offset : 0;
    if (offset >= 0) cursor = offset + entry.input.length;
    if (entry.key === '') {
      diagnostics.push(located('error', start, '(entry)', bibText.noKey(entry.type)));
      continue;
    }
    const fields: Record<string, string> = {};
    for (const [name, value] of Object.entries(entry.fields)) {
      if (typeof value === 'string') fields[name] = plainText(value);
      else if (
        name !== 'author' &&
        Array.isArray(value) &&
        value.every((v) => typeof v === 'string')
      )
        fields[name] = plainText(value.join(', '));
    }
    finish(entry.key, entry.type, fileOffset(start), { fields, authors: entry.fields.author });
  }
  for (const { key, type, offset } of scanned.whole) {
    if (!skipped.has(key)) finish(key, type, offset, { fields: {} });
  }
  const entries = found.sort((a, b) => a[0] - b[0]).map(([, entry]) => entry);
  return { entries, diagnostics };
}

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return offset + column - 1;
}

/** The entry whose text contains `offset`: the last `@type{key` before it. */
function entryAround(text: string, offset: number): { key: string } | undefined {
  const start = text.lastIndexOf('@', offset);
  const key = start >= 0 ? ENTRY_HEAD.exec(text.slice(start, start + 200))?.[2] : undefined;
  return key === undefined ? undefined : { key };
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
