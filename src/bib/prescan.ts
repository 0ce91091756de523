/**
 * The pre-pass over a .bib file, once and linearly, for what the parser cannot bound: a NUL,
 * braces nested past any real use, and `@string` concatenation that doubles at each step (a few
 * hundred bytes that expand to gigabytes). Each is a located error and its entry is left out. It
 * also leaves out the fields the import never reads (abstracts, keywords, file paths) and reads
 * plain values itself: the parser's time grows with the fields it is given. A map gives each
 * offset of the shortened text its place in the file.
 */
import type { Creator } from '@retorquere/bibtex-parser';
import { decodeSimpleLatex, JOURNAL_MACROS, MONTHS, plainMath, plainNames } from './latex.js';
import type { Bound } from './messages.js';

/** Deeper than any real title's case braces; the parser recurses once per level. */
export const MAX_DEPTH = 100;
/** What one field or `@string` may expand to through macros; real ones are far below. */
export const MAX_EXPANDED = 20_000;
/**
 * All text macros add to a file: twice its own length and 16 KiB. Journal names and months
 * stay far below; the parser's time grows with this text, so it stays proportional to the file.
 */
const expansionBudget = (fileLength: number) => 2 * fileLength + 16_384;

export interface PrescanProblem {
  bound: Bound;
  offset: number;
  /** The entry's key or the `@string`'s name, when known. */
  name: string;
}

/** A field that uses a `@string` the file does not define: left out, its entry kept. */
export interface UndefinedMacro {
  macro: string;
  offset: number;
  key: string;
  field: string;
}

export interface Prescan {
  /** The file with over-bound entries blanked, and unread fields and those read here left out. */
  text: string;
  /** Where an offset in `text` is in the file. */
  map: OffsetMap;
  problems: PrescanProblem[];
  undefinedMacros: UndefinedMacro[];
  /** Values read here, not by the parser, by the offset of their entry's `@`. */
  plain: Map<number, Record<string, string>>;
  /** The names of each author list in `plain`, by its text: read once. */
  names: Map<string, Creator[]>;
  /** Names written as a LaTeX command (a CV's macro for its owner), left out of their lists. */
  ownNames: OwnNameMacro[];
  /** Entries read here whole and left out of `text`, in the order of the file. */
  whole: { offset: number; key: string; type: string }[];
}

/** A name in an author list written as one LaTeX command: `\\myname`, `\\textbf{\\me}`. */
export interface OwnNameMacro {
  macro: string;
  offset: number;
  key: string;
  /** Whether the file defines it (`\\newcommand` in a `@preamble`). */
  defined: boolean;
}

/** Characters from `[0]` to `[1]` of the file become `[2]`. */
type Edit = [number, number, string];

/** BibTeX's predefined macros: the months. */
const PREDEFINED = new Set(MONTHS);

/** Per character code below 128: 1 for white space, 2 for a character that ends a word. */
const CLASS = new Uint8Array(128);
for (const c of ' \t\n\r\f\v') CLASS[c.charCodeAt(0)] = 1;
for (const c of '"#%\'(),={}') CLASS[c.charCodeAt(0)] = 2;
const isSpace = (code: number) => code < 128 && CLASS[code] === 1;
/** Non-ASCII characters (a key such as müller2020) belong to words. */
const inWord = (code: number) => code >= 128 || CLASS[code] === 0;

/** Spaces for the text between two offsets, keeping its line breaks. */
const blank = (text: string) => text.replace(/[^\n]/g, ' ');

/** A value the parser reads in no time. */
const EMPTY = '{}';

/**
 * @param keep the fields whose values the caller reads (lower case); the values of all others
 *   are blanked. Without it every value is kept.
 */
export function prescan(file: string, keep?: ReadonlySet<string>): Prescan {
  const problems: PrescanProblem[] = [];
  const out: string[] = [];
  let copied = 0;
  /** The length of `out` joined. */
  let written = 0;
  const map = new OffsetMap();
  const replace = (start: number, end: number, by: string) => {
    out.push(file.slice(copied, start), by);
    written += start - copied + by.length;
    map.shorten(written, end - start - by.length);
    copied = end;
  };
  /** Expanded length of each `@string`, by lower-case name (month macros are 3 letters). */
  const sizes = new Map<string, number>();
  const budget = { left: expansionBudget(file.length) };
  const undefinedMacros: UndefinedMacro[] = [];
  const plain = new Map<number, Record<string, string>>();
  const names = new Map<string, Creator[]>();
  const whole: Prescan['whole'] = [];
  const ownNames: OwnNameMacro[] = [];
  /** Whether the file defines a command, by its name. */
  const definedCommands = new Map<string, boolean>();
  const hasNul = file.includes('\0');
  // Entries other entries crossref (before or after them), whose values the parser passes on.
  const crossrefTargets = new Set(
    Array.from(file.matchAll(/\bcrossref\s*=\s*[{"]?\s*([^\s{}",]+)/gi), (m) =>
      m[1]!.toLowerCase(),
    ),
  );

  // The keys the file defines: a crossref to one of them is the parser's, to pass values on.
  const defined =
    crossrefTargets.size === 0
      ? crossrefTargets
      : new Set(Array.from(file.matchAll(ENTRY_KEYS), (m) => m[1]!.toLowerCase()));

  let at = 0;
  while (at < file.length) {
    const start = file.indexOf('@', at);
    if (start < 0) break;
    at = start + 1;
    let i = start + 1;
    while (i < file.length && isSpace(file.charCodeAt(i))) i++;
    const typeStart = i;
    while (i < file.length && /[A-Za-z]/.test(file[i]!)) i++;
    const type = file.slice(typeStart, i).toLowerCase();
    while (i < file.length && isSpace(file.charCodeAt(i))) i++;
    const open = file[i];
    if (type === '' || (open !== '{' && open !== '(')) continue;
    const close = open === '{' ? '}' : ')';
    i++;

    // Returns the offset after a balanced {…} starting at `from`, or a problem.
    const group = (from: number): number | PrescanProblem => {
      let depth = 0;
      for (let j = from; j < file.length; j++) {
        const c = file[j];
        if (c === '\\') j++;
        else if (c === '{') {
          if (++depth > MAX_DEPTH) return { bound: 'depth', offset: j, name: '' };
        } else if (c === '}' && --depth === 0) return j + 1;
      }
      return file.length;
    };

    if (type === 'comment' || type === 'preamble') {
      const end = open === '{' ? group(i - 1) : file.indexOf(')', i) + 1 || file.length;
      if (typeof end !== 'number') {
        problems.push(end);
        const next = nextEntry(file, end.offset);
        replace(start, next, blank(file.slice(start, next)));
        at = next;
      } else at = end;
      continue;
    }

    const entry = scanEntry(file, i, close, type === 'string', group, sizes, budget);
    const entryEnd = entry.end;
    if (entry.problem) {
      const name = entry.key ?? '';
      problems.push({ ...entry.problem, name: entry.problem.name || name });
      const next = Math.max(nextEntry(file, entry.problem.offset), entryEnd);
      replace(start, next, blank(file.slice(start, next)));
      at = next;
      continue;
    }
    // In the order of the fields, as `replace` needs.
    const values: Record<string, string> = {};
    // A crossref target gives its values to the parser's inheritance, so the parser reads them.
    const target = crossrefTargets.has((entry.key ?? '').toLowerCase());
    const readHere = type !== 'string' && keep !== undefined;
    // Fields are left out only of a well-formed entry; a value becomes `{}` in the others, so
    // the parser stops where the file goes wrong and says so.
    const dropped = (field: { comma: number; start: number; end: number }): Edit =>
      entry.complete ? [field.comma, field.end, ''] : [field.start, field.end, EMPTY];
    /** The edits of the entry's fields, made unless the whole entry is read here. */
    const edits: Edit[] = [];
    /** A field the parser reads: what it would stumble on is taken out first. */
    const leave = (field: ScannedEntry['fields'][number]) => {
      const written = file.slice(field.start, field.end);
      let readable = unclosedMath(written);
      if (NAME_LISTS.has(field.name))
        for (const use of ownNameMacros(written)) {
          // Looked up once per command: a CV may use it in every entry.
          let defined = definedCommands.get(use.macro);
          if (defined === undefined) {
            const definition = String.raw`\\(?:(?:re)?newcommand|providecommand|def)\s*\{?\s*\\${use.macro}(?![A-Za-z])`;
            defined = new RegExp(definition).test(file);
            definedCommands.set(use.macro, defined);
          }
          const offset = field.start + use.index;
          ownNames.push({ macro: `\\${use.macro}`, offset, key: entry.key ?? '', defined });
          // Left out of the list: the parser would expand or drop it inside the names around it.
          readable =
            readable.slice(0, use.index) +
            ' '.repeat(use.macro.length + 1) +
            readable.slice(use.index + use.macro.length + 1);
        }
      if (readable !== written) edits.push([field.start, field.end, readable]);
    };
    /** Whether the parser reads some of the entry (it reports whatever is wrong with it). */
    let parserReads =
      !readHere ||
      target ||
      !entry.complete ||
      !ENTRY_KEY.test(entry.key ?? '') ||
      (hasNul && file.slice(start, entryEnd).includes('\0'));
    for (const field of entry.fields) {
      const { name, single } = field;
      const length = field.end - field.start;
      if (!FIELD_NAME.test(name)) parserReads = true;
      if (field.undefinedMacro) {
        undefinedMacros.push(field.undefinedMacro);
        // The caller drops the field; a one-letter macro becomes a digit.
        edits.push([field.start, field.end, length < 2 ? '0' : EMPTY]);
      } else if (!readHere || length < 2) {
        parserReads = true;
        leave(field);
      } else if (!keep.has(name)) {
        edits.push(dropped(field));
      } else if (!target && single) {
        const written = file.slice(field.start, field.end);
        // A bare number or month macro is its own text; a {…} or "…" value is read here.
        const month = name === 'month' ? MONTHS.indexOf(written.toLowerCase()) : -1;
        const value = /^\d+$/.test(written)
          ? written
          : month >= 0
            ? String(month + 1)
            : /^[{"]/.test(written)
              ? plainValue(name, written.slice(1, -1), names)
              : undefined;
        // A blank value is the parser's to skip (a crossref may fill the field).
        if (value?.trim() === '') continue;
        if (value === undefined || (name === 'crossref' && defined.has(value.toLowerCase()))) {
          parserReads = true;
          leave(field);
          continue;
        }
        values[name] = value;
        edits.push(dropped(field));
      } else {
        parserReads = true;
        leave(field);
      }
    }
    if (parserReads) for (const [from, to, by] of edits) replace(from, to, by);
    else {
      // Nothing left for the parser: the entry is left out of its text altogether.
      replace(start, entryEnd, '');
      whole.push({ offset: start, key: entry.key!, type });
    }
    if (Object.keys(values).length > 0) plain.set(start, values);
    at = Math.max(entryEnd, start + 1);
  }
  out.push(file.slice(copied));
  let text = out.join('');
  // A NUL is no text: the entry holding it is left out (the parser would stop on it).
  for (let offset = text.indexOf('\0'); offset >= 0; offset = text.indexOf('\0', offset)) {
    const start = text.lastIndexOf('\n@', offset) + 1;
    const end = nextEntry(text, offset);
    const key = /^@\s*[A-Za-z]+\s*[{(]\s*([^,\s{}()]*)/.exec(text.slice(start, end))?.[1] ?? '';
    problems.push({ bound: 'nul', offset: map.original(offset), name: key });
    text =
      text.slice(0, start) + blank(text.slice(start, end)).replaceAll('\0', ' ') + text.slice(end);
    offset = end;
  }
  return { text, map, problems, undefinedMacros, plain, names, whole, ownNames };
}

/**
 * The keys and field names the parser accepts: an entry with any other is left to the parser,
 * which reports it.
 */
const ENTRY_KEY = /^[-+'\w&;:\\./[\]*"\p{L}]+$/u;
const FIELD_NAME = /^[-+'\w&;:\\./\p{L}]+$/u;

/** Every entry's key, as the scan above reads it. */
const ENTRY_KEYS = /@\s*[A-Za-z]+\s*[{(]\s*([^\s,{}()]+)/g;

/** Fields whose reading is more than text (names, lists, month numbers). */
const PARSER_FIELDS = new Set([
  ...['editor', 'month', 'keywords', 'institution', 'publisher'],
  ...['origpublisher', 'organization', 'location', 'origlocation'],
]);
/** Fields that are lists of names. */
const NAME_LISTS = new Set(['author', 'editor']);

/** A `$` read as a dollar sign: the parser's text holds this noncharacter in its place. */
export const DOLLAR = '\ufdd2';

/**
 * A value whose math the file leaves open (an odd number of `$`, as in "costs $5"): its `$` are
 * dollar signs. The parser would give up on the whole entry.
 */
function unclosedMath(value: string): string {
  if (!value.includes('$')) return value;
  const at: number[] = [];
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '\\') i++;
    else if (value[i] === '$') at.push(i);
  }
  if (at.length % 2 === 0) return value;
  const chars: string[] = [];
  let from = 0;
  for (const i of at) {
    chars.push(value.slice(from, i), DOLLAR);
    from = i + 1;
  }
  chars.push(value.slice(from));
  return chars.join('');
}

/** A name that is one command, maybe in braces or bold: the command's name and where it is. */
const COMMAND_NAME =
  /^(\s*(?:\\(?:textbf|textit|textsc|emph|underline)\s*)?(?:\{\s*)*)\\([A-Za-z]+)[\s}]*$/;
/** Commands for a letter, which are no name. */
const LETTER_COMMANDS = new Set([
  'o',
  'O',
  'ss',
  'ae',
  'AE',
  'oe',
  'OE',
  'aa',
  'AA',
  'l',
  'L',
  'i',
  'j',
]);

/** The names of a list (as written) that are a command each. */
function ownNameMacros(value: string): { macro: string; index: number }[] {
  const found: { macro: string; index: number }[] = [];
  let from = 0;
  for (const separator of [...value.matchAll(/\s+and\s+/gi), undefined]) {
    const end = separator?.index ?? value.length;
    const name = COMMAND_NAME.exec(value.slice(from, end));
    if (name && !LETTER_COMMANDS.has(name[2]!))
      found.push({ macro: name[2]!, index: from + name[1]!.length });
    if (separator) from = separator.index + separator[0].length;
  }
  return found;
}

/** Fields the parser keeps verbatim: braces there are characters, not grouping. */
const VERBATIM = new Set(['url', 'doi', 'eprint', 'pdf', 'code', 'html', 'arxiv', 'file']);

/**
 * A value that needs no LaTeX parser: at most simple accents and escaped signs (decoded here),
 * no other commands, math, special characters, ligatures (`--`, quotes) or angle brackets;
 * braces only for case, which plain text drops (a name list keeps them: they group names).
 */
function plainValue(
  field: string,
  content: string,
  names: Map<string, Creator[]>,
): string | undefined {
  if (PARSER_FIELDS.has(field)) return undefined;
  // Verbatim: escapes such as \_ stay for the caller, as the parser leaves them.
  if (VERBATIM.has(field)) return /[{}<>\0]/.test(content) ? undefined : content;
  // An AAS journal macro alone: `journal = {\apj}`.
  const macro = /^\s*\\([a-z]+)\s*$/.exec(content)?.[1];
  if (macro !== undefined && Object.hasOwn(JOURNAL_MACROS, macro)) return JOURNAL_MACROS[macro];
  if (PRIVATE.test(content)) return undefined;
  // Signs written as text stand in for themselves until the check for LaTeX below is done.
  const signs = field === 'author' ? content : content.replace(TEXT_SIGN, privateSign);
  const math = field === 'author' ? signs : plainMath(signs);
  const decoded =
    math === undefined
      ? undefined
      : decodeSimpleLatex(math)?.replace(DASHES, (dash) => DASH[dash]!);
  if (decoded === undefined || /[\\$~^_%#<>`"\0]|--|''|!`|\?`/.test(decoded)) return undefined;
  if (field === 'author') {
    const found = plainNames(decoded);
    if (found === undefined) return undefined;
    names.set(decoded, found);
    return decoded;
  }
  return decoded
    .replace(/[{}]/g, '')
    .replace(PRIVATE_ALL, (sign) => String.fromCharCode(sign.charCodeAt(0) - PRIVATE_BASE));
}

/** Escaped signs (`\%`) and the caret and tilde as text (`\^{}`): the characters themselves. */
const TEXT_SIGN = /\\([%_#$])|\\([\^~])\{\}/g;
/** Where in the private use area a sign stands in for itself (its code added). */
const PRIVATE_BASE = 0xe000;
const PRIVATE = /[\ue000-\ue07f]/;
const PRIVATE_ALL = /[\ue000-\ue07f]/g;
const privateSign = (_: string, escaped?: string, text?: string) =>
  String.fromCharCode(PRIVATE_BASE + (escaped ?? text)!.charCodeAt(0));
/** TeX's dash ligatures, as the parser reads them (not in name lists, which keep them). */
const DASHES = /---?/g;
const DASH: Record<string, string> = { '---': '—', '--': '–' };

/** The next line that starts an entry, after `offset` (or the end of the file). */
function nextEntry(file: string, offset: number): number {
  const next = file.indexOf('\n@', offset);
  return next < 0 ? file.length : next + 1;
}

interface ScannedEntry {
  key?: string;
  end: number;
  fields: {
    name: string;
    /** The comma before the name: from here to `end` the field can be left out whole. */
    comma: number;
    start: number;
    end: number;
    /** One value: {…}, "…", a number or a macro, not joined with #. */
    single: boolean;
    undefinedMacro?: UndefinedMacro;
  }[];
  problem?: PrescanProblem;
  /** The scan reached the closing delimiter: the entry is well formed as far as it can tell. */
  complete?: boolean;
}

/**
 * The fields of one entry (or the assignment of a `@string`) from just after its opening
 * delimiter. Anything unexpected ends the scan of the entry: the parser reports it.
 */
function scanEntry(
  file: string,
  from: number,
  close: string,
  isString: boolean,
  group: (from: number) => number | PrescanProblem,
  sizes: Map<string, number>,
  budget: { left: number },
): ScannedEntry {
  const fields: ScannedEntry['fields'] = [];
  let i = from;
  const skipSpace = () => {
    while (i < file.length && isSpace(file.charCodeAt(i))) i++;
  };
  const word = () => {
    const start = i;
    while (i < file.length && inWord(file.charCodeAt(i))) i++;
    return file.slice(start, i);
  };
  let key: string | undefined;
  if (!isString) {
    skipSpace();
    key = word();
    skipSpace();
    if (file[i] !== ',') return { key, end: i, fields };
    i++;
  }
  let comma = i - 1;
  for (;;) {
    skipSpace();
    if (file[i] === close || i >= file.length)
      return { key, end: i + 1, fields, complete: file[i] === close };
    const name = word().toLowerCase();
    skipSpace();
    if (name === '' || file[i] !== '=') return { key, end: i, fields };
    i++;
    skipSpace();
    const start = i;
    let size = 0;
    let fromMacros = 0;
    let undefinedMacro: UndefinedMacro | undefined;
    let parts = 0;
    /** Where the value ends, before any space that follows it. */
    let end: number;
    for (;;) {
      parts++;
      const c = file[i];
      if (c === '{') {
        const end = group(i);
        if (typeof end !== 'number') return { key, end: i, fields, problem: end };
        size += end - i - 2;
        i = end;
      } else if (c === '"') {
        let j = i + 1;
        let depth = 0;
        for (; j < file.length; j++) {
          const d = file[j];
          if (d === '\\') j++;
          else if (d === '{') {
            if (++depth > MAX_DEPTH)
              return { key, end: j, fields, problem: { bound: 'depth', offset: j, name: '' } };
          } else if (d === '}') depth--;
          else if (d === '"' && depth <= 0) break;
        }
        size += j - i - 1;
        i = j + 1;
      } else {
        const at = i;
        const reference = word();
        if (reference === '') return { key, end: i, fields };
        const number = /^\d+$/.test(reference);
        const known = number || sizes.has(reference.toLowerCase());
        if (!known && !PREDEFINED.has(reference.toLowerCase()))
          undefinedMacro ??= { macro: reference, offset: at, key: key ?? '', field: name };
        const expanded = number ? reference.length : (sizes.get(reference.toLowerCase()) ?? 3);
        size += expanded;
        fromMacros += expanded;
      }
      if (size > MAX_EXPANDED || fromMacros > budget.left) {
        // Whatever uses this @string is past the bound too, and named in turn.
        if (isString) sizes.set(name, MAX_EXPANDED + 1);
        const problem: PrescanProblem = {
          bound: 'expansion',
          offset: start,
          name: isString ? name : (key ?? ''),
        };
        return { key, end: i, fields, problem };
      }
      end = i;
      skipSpace();
      if (file[i] !== '#') break;
      i++;
      skipSpace();
    }
    budget.left -= fromMacros;
    if (isString) sizes.set(name, size);
    else {
      const single = parts === 1;
      fields.push({ name, comma, start, end, single, ...(undefinedMacro && { undefinedMacro }) });
    }
    skipSpace();
    if (file[i] === ',') comma = i++;
    else if (file[i] !== close) return { key, end: i, fields };
  }
}

/**
 * Where an offset in a shortened copy of a text was in the original. The .bib passes shorten
 * the text the parser reads (unread values dropped, `\textless` made one character) because the
 * parser's time grows with its length; positions in messages still point into the file.
 */
export class OffsetMap {
  /** Offsets in the shortened text from which `removed[i]` characters are missing before. */
  private readonly starts: number[] = [];
  private readonly removed: number[] = [];
  private total = 0;

  /** `count` characters of the original are missing before offset `at` of the copy (increasing). */
  shorten(at: number, count: number): void {
    if (count <= 0) return;
    this.total += count;
    this.starts.push(at);
    this.removed.push(this.total);
  }

  /** The offset in the original of `offset` in the copy. */
  original(offset: number): number {
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.starts[mid]! <= offset) low = mid + 1;
      else high = mid;
    }
    return offset + (low === 0 ? 0 : this.removed[low - 1]!);
  }
}
