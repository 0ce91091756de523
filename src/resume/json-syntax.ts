/**
 * JSON text: where things sit in it (line:column, JSON paths, the syntax-tree node behind a path),
 * and strict parsing with errors people can act on, in words that say how to fix them.
 */
import { createRequire } from 'node:module';
import type { JSONPath, Node, ParseError } from 'jsonc-parser';
import { fixedText, quote, type Diagnostic, type MessageText } from './diagnostics.js';

// Where things sit in a JSON text: offsets to 1-based line:column, JSON paths in JavaScript
// notation, and the syntax-tree node behind a path, so every diagnostic can point at the exact
// spot an editor shows.

export type PathSegment = string | number;

export interface Position {
  line: number;
  column: number;
}

/** Turns offsets into positions; built once per text so each lookup costs a binary search. */
export type Positions = (offset: number) => Position;

/** A parsed document with what it takes to point into its text. */
export interface Located {
  positions: Positions;
  tree: Node;
  value: unknown;
}

/**
 * 1-based line and column (UTF-16 units, as editors count them) of offsets in `text`, from one
 * pass that records where each line starts (\n, \r\n and a lone \r end a line).
 */
export function lineIndex(text: string): Positions {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 /* \n */ || (ch === 13 /* \r */ && text.charCodeAt(i + 1) !== 10)) {
      starts.push(i + 1);
    }
  }
  return (offset) => {
    const end = Math.max(0, Math.min(offset, text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= end) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: end - starts[low]! + 1 };
  };
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `work[0].endDate`, `meta.themeOptions.sectionTitles["my section"]`; `(root)` for the top. */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out === '' ? '(root)' : out;
}

/** The name of the nearest property on the path (`''` if there is none). */
export function lastKey(segments: readonly PathSegment[]): string {
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i];
    if (typeof segment === 'string') return segment;
  }
  return '';
}

/**
 * Turns a JSON Pointer (as Ajv reports `instancePath`) into path segments, using the data to tell
 * array indices from object keys that merely look numeric.
 */
export function pointerToSegments(pointer: string, data: unknown): PathSegment[] {
  if (pointer === '') return [];
  const segments: PathSegment[] = [];
  let current: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) {
      const index = Number(key);
      segments.push(index);
      current = current[index];
    } else {
      segments.push(key);
      current = isObject(current) ? current[key] : undefined;
    }
  }
  return segments;
}

/** A JSON object (not a list, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Each object's members by name (the first of duplicate names, as editors jump to). */
const membersOf = new WeakMap<Node, Map<string, Node>>();

function members(object: Node): Map<string, Node> {
  let found = membersOf.get(object);
  if (!found) {
    found = new Map<string, Node>();
    for (const property of object.children ?? []) {
      const name: unknown = property.children?.[0]?.value;
      if (typeof name === 'string' && !found.has(name)) found.set(name, property);
    }
    membersOf.set(object, found);
  }
  return found;
}

/**
 * The node at `segments` as far as it exists: one map lookup per segment, so locating thousands
 * of diagnostics in one large object stays linear.
 */
function deepestNode(root: Node, segments: readonly PathSegment[]): { node: Node; depth: number } {
  let node = root;
  let depth = 0;
  for (const segment of segments) {
    const next =
      typeof segment === 'number'
        ? node.type === 'array'
          ? node.children?.[segment]
          : undefined
        : node.type === 'object'
          ? members(node).get(segment)?.children?.[1]
          : undefined;
    if (!next) break;
    node = next;
    depth++;
  }
  return { node, depth };
}

/**
 * Start of the value at `segments` (or of the nearest ancestor that exists). With `key: true`
 * and an object member, the start of its property name instead, which is where a misspelt or
 * unwanted name should be pointed out.
 */
export function offsetOf(root: Node, segments: readonly PathSegment[], key = false): number {
  const { node, depth } = deepestNode(root, segments);
  if (key && depth === segments.length && node.parent?.type === 'property') {
    return node.parent.offset;
  }
  return node.offset;
}

/** Start of the property name `name` inside the object at `segments`, if it is there. */
export function keyOffset(
  root: Node,
  segments: readonly PathSegment[],
  name: string,
): number | undefined {
  const { node, depth } = deepestNode(root, segments);
  if (depth !== segments.length || node.type !== 'object') return undefined;
  return members(node).get(name)?.offset;
}

/**
 * jsonc-parser through `require`: its ES module entry is its CommonJS build, which Node would
 * first scan for export names, a cost every validation would pay at start-up.
 */
const jsoncParser = createRequire(import.meta.url)('jsonc-parser') as typeof import('jsonc-parser');

/**
 * Objects and lists inside each other: JSON Resume needs about six levels. Deeper text would
 * overflow the stack of the recursive steps after parsing (the parser, the schema walk, themes).
 */
export const MAX_NESTING = 256;

/**
 * Where `text` first nests objects and lists deeper than `limit` (the offset of that bracket), or
 * undefined. One pass that skips strings as the parser reads them, so brackets inside text do
 * not count.
 */
export function nestingTooDeep(text: string, limit: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92 /* \ */) i++;
      // A line break ends an unterminated string for the parser too.
      else if (ch === 34 /* " */ || ch === 10 || ch === 13) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 123 /* { */ || ch === 91 /* [ */) {
      if (++depth > limit) return i;
    } else if (ch === 125 /* } */ || ch === 93 /* ] */) depth--;
  }
  return undefined;
}

// What the strict JSON reader says about text that is not JSON, and how to fix it.

/** Names of the control characters people meet in text. */
const CONTROL_NAMES: Record<number, string> = {
  9: 'tab',
  10: 'line break',
  13: 'carriage return',
};

export const syntax = {
  empty: fixedText(
    'the file is empty.',
    'a résumé is a JSON object: start with {"basics": {"name": "…"}} and add work, education …',
  ),
  byteOrderMark: fixedText(
    'the file starts with a byte-order mark (BOM).',
    'save it as UTF-8 without BOM; some JSON tools refuse the mark.',
  ),
  trailingComma: (closer: string): MessageText => ({
    message: `a trailing comma before '${closer}'.`,
    hint: 'remove it; JSON allows no comma after the last item.',
  }),
  commaExpected: (closer: string, after: 'property' | 'item'): MessageText => ({
    message: `expected a ',' or '${closer}' after the ${after}.`,
    hint: `add a ',' here if another ${after} follows.`,
  }),
  colonExpected: fixedText("expected a ':' after the property name.", 'write "name": value.'),
  propertyNameExpected: fixedText('expected a property name in double quotes.'),
  singleQuotes: fixedText(
    'JSON needs double quotes around text and property names.',
    'replace the single quotes with double quotes.',
  ),
  unquotedName: (name: string): MessageText => ({
    message: `property name ${name} is not in double quotes.`,
    hint: `write "${name}".`,
  }),
  valueExpected: fixedText(
    'expected a value: text in double quotes, a number, true, false, null, a list [ … ] or an object { … }.',
  ),
  doubleComma: fixedText('two commas in a row: a value is missing.', 'remove one of the commas.'),
  endedEarly: (closer: string): MessageText => ({
    message: `the file ends before the ${closer === '}' ? 'object' : 'list'} is closed.`,
    hint: `add the missing '${closer}' (or the value that should come before it).`,
  }),
  closerExpected: (closer: string): MessageText => ({
    message: `expected '${closer}' to close the ${closer === '}' ? 'object' : 'list'}.`,
    hint: "check for a missing ',' or a bracket of the wrong kind.",
  }),
  textAfterEnd: fixedText(
    'unexpected text after the end of the résumé.',
    "remove it; is there one '}' too many?",
  ),
  comment: fixedText(
    'JSON does not allow comments.',
    'remove the comment (an unknown field such as "_note" can hold a remark).',
  ),
  unterminatedString: fixedText(
    'unterminated string.',
    "add the closing '\"'; text cannot span lines, write \\n for a line break.",
  ),
  invalidNumber: (token: string): MessageText => ({
    message: `${token} is not a valid JSON number.`,
    hint: "numbers have no leading zeros, no '+' and no trailing '.'; put text in double quotes.",
  }),
  invalidEscape: (token: string): MessageText => ({
    message: `invalid escape ${token} in a string.`,
    hint: 'write \\\\ for a backslash; valid escapes are \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX.',
  }),
  invalidUnicode: fixedText(
    'invalid \\u escape in a string.',
    'use exactly four hex digits, e.g. \\u00e9.',
  ),
  controlCharacter: (code: number): MessageText => ({
    message: `a raw ${CONTROL_NAMES[code] ?? 'control character'} (U+${code.toString(16).toUpperCase().padStart(4, '0')}) inside a string.`,
    hint:
      code === 9
        ? 'write \\t instead.'
        : code === 10 || code === 13
          ? 'write \\n for a line break.'
          : 'remove it, or write it as \\u followed by its four hex digits.',
  }),
  notJsonValue: (token: string): MessageText => ({
    message: `${token} is not a JSON value.`,
    hint: /^(NaN|-?Infinity|undefined)$/.test(token)
      ? 'JSON has no such value: use null or remove the field.'
      : 'put text in double quotes; the only bare words are true, false and null.',
  }),
  unexpectedCharacter: (character: string): MessageText => ({
    message: `unexpected character ${JSON.stringify(character)}.`,
  }),
  notAnObject: (kind: string): MessageText => ({
    message: `the file holds ${kind}, not a résumé. Expected an object { … } with fields such as basics, work and education.`,
    hint: kind.startsWith('a list')
      ? 'if the list holds one résumé, keep only that object.'
      : undefined,
  }),
  tooDeep: (limit: number): MessageText => ({
    message: `objects and lists are nested more than ${limit} levels deep here; a résumé needs about six.`,
    hint: 'check for brackets that are opened but never closed, or flatten the data.',
  }),
  duplicateKey: (name: string, firstLine: number): MessageText => ({
    message: `${quote(name)} is given twice (first on line ${firstLine}); only the last one counts.`,
    hint: 'remove or merge one of them.',
  }),
};

// Strict JSON parsing with errors people can act on: jsonc-parser finds the problems (with
// comments and trailing commas disallowed), this module says what they mean and where to fix them.

const { getLocation, parseTree, ParseErrorCode, visit } = jsoncParser;

export interface ParsedJson {
  tree: Node | undefined;
  errors: Diagnostic[];
}

const STRICT = { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false };

/**
 * Parses `text` as strict JSON. Trailing commas and comments do not confuse the parser, so all of
 * them are reported; after any other error the rest of the file cannot be trusted and only that
 * first structural error is reported. Text nested deeper than MAX_NESTING is refused before
 * parsing, since the parser recurses once per level.
 */
export function parseStrictJson(text: string, positions: Positions): ParsedJson {
  const tooDeep = nestingTooDeep(text, MAX_NESTING);
  if (tooDeep !== undefined) {
    const error = { severity: 'error', path: '(file)', ...positions(tooDeep) } as const;
    return { tree: undefined, errors: [{ ...error, ...syntax.tooDeep(MAX_NESTING) }] };
  }
  const raw: ParseError[] = [];
  const tree = parseTree(text, raw, STRICT);
  const found: Explained[] = [];
  let consumedUpTo = -1;
  for (const error of raw) {
    if (error.offset <= consumedUpTo) continue; // follow-up errors of one already explained
    const explained = explain(text, error);
    found.push(explained);
    consumedUpTo = error.offset;
    if (!explained.local) break;
  }
  const paths = pathsAt(
    text,
    found.map((explained) => explained.offset),
  );
  const errors = found.map((explained, index): Diagnostic => ({
    severity: 'error',
    path: formatPath(paths[index]!.filter((segment) => segment !== '')),
    ...positions(explained.offset),
    ...explained.text,
  }));
  return { tree, errors };
}

interface Explained {
  text: MessageText;
  /** Where to point: the spot to fix, which is not always where the parser stopped. */
  offset: number;
  /** The parser recovers cleanly from this error, so later errors are real ones. */
  local: boolean;
}

function explain(text: string, error: ParseError): Explained {
  const at = error.offset;
  const token = text.slice(at, at + error.length);
  const here = (message: MessageText, local = false): Explained => ({
    text: message,
    offset: at,
    local,
  });
  switch (error.error) {
    case ParseErrorCode.InvalidCommentToken:
    case ParseErrorCode.UnexpectedEndOfComment:
      return here(syntax.comment(), true);
    case ParseErrorCode.PropertyNameExpected:
    case ParseErrorCode.ValueExpected: {
      const next = text[at];
      const previous = previousToken(text, at);
      if ((next === '}' || next === ']') && text[previous] === ',') {
        return { text: syntax.trailingComma(next), offset: previous, local: true };
      }
      if (at >= text.length) return here(syntax.endedEarly(closerAt(text, at)));
      if (next === ',' && text[previous] === ',') return here(syntax.doubleComma());
      if (next === "'") return here(syntax.singleQuotes());
      const word = /^[A-Za-z_$][\w$-]*/.exec(text.slice(at));
      if (error.error === ParseErrorCode.PropertyNameExpected && word) {
        return here(syntax.unquotedName(word[0]));
      }
      return here(
        error.error === ParseErrorCode.PropertyNameExpected
          ? syntax.propertyNameExpected()
          : syntax.valueExpected(),
      );
    }
    case ParseErrorCode.CommaExpected: {
      if (at >= text.length) return here(syntax.endedEarly(closerAt(text, at)));
      // `01`: the scanner stops after the leading zero and sees a second value.
      const number = /-?\d[\w.+-]*$/.exec(text.slice(0, at))?.[0];
      if (number && /^[\w.]/.test(text.slice(at))) {
        const token = number + (/^[\w.+-]*/.exec(text.slice(at))?.[0] ?? '');
        return { text: syntax.invalidNumber(token), offset: at - number.length, local: false };
      }
      // Point just after the previous value, where the comma belongs.
      const insertAt = previousToken(text, at) + 1;
      const inList = typeof getLocation(text, at).path.at(-1) === 'number';
      return {
        text: syntax.commaExpected(inList ? ']' : '}', inList ? 'item' : 'property'),
        offset: insertAt,
        local: false,
      };
    }
    case ParseErrorCode.ColonExpected:
      return here(syntax.colonExpected());
    case ParseErrorCode.CloseBraceExpected:
    case ParseErrorCode.CloseBracketExpected: {
      const closer = error.error === ParseErrorCode.CloseBraceExpected ? '}' : ']';
      return here(at >= text.length ? syntax.endedEarly(closer) : syntax.closerExpected(closer));
    }
    case ParseErrorCode.EndOfFileExpected:
      return here(syntax.textAfterEnd());
    case ParseErrorCode.UnexpectedEndOfString:
      return here(syntax.unterminatedString());
    case ParseErrorCode.InvalidNumberFormat:
    case ParseErrorCode.UnexpectedEndOfNumber:
      return here(syntax.invalidNumber(token || text.slice(at, at + 1)));
    case ParseErrorCode.InvalidEscapeCharacter:
      return here(syntax.invalidEscape(escapeAt(token)));
    case ParseErrorCode.InvalidUnicode:
      return here(syntax.invalidUnicode());
    case ParseErrorCode.InvalidCharacter: {
      // The parser reports the string that holds the character; point at the character.
      const inside = /[\u0000-\u001f]/.exec(text.slice(at, at + Math.max(error.length, 1)));
      const offset = inside ? at + inside.index : at;
      return { text: syntax.controlCharacter(text.charCodeAt(offset)), offset, local: false };
    }
    case ParseErrorCode.InvalidSymbol:
    default: {
      if (token.startsWith("'")) return here(syntax.singleQuotes());
      const name = /^[A-Za-z_$][\w$-]*/.exec(token);
      if (name && getLocation(text, at).isAtPropertyKey) return here(syntax.unquotedName(name[0]));
      const word = /^[A-Za-z_$][\w$]*|^-?Infinity/.exec(token);
      if (word) return here(syntax.notJsonValue(word[0]));
      return here(syntax.unexpectedCharacter(token.slice(0, 1) || text.slice(at, at + 1)));
    }
  }
}

/** Offset of the last non-whitespace character before `offset` (-1 if none). */
function previousToken(text: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i] ?? '')) i--;
  return i;
}

/** The bracket that would close the innermost container open at `offset`. */
function closerAt(text: string, offset: number): string {
  const path = getLocation(text, offset).path;
  return typeof path.at(-1) === 'number' ? ']' : '}';
}

/** The backslash sequence inside the string token jsonc-parser flags. */
function escapeAt(token: string): string {
  const match = /\\(u[0-9a-fA-F]{0,4}|.)/.exec(token);
  return match ? match[0] : token;
}

/**
 * What `getLocation(text, offset).path` gives for each offset (the value being parsed there),
 * from one pass over the text rather than one per offset: a file with thousands of trailing
 * commas is located in linear time.
 */
function pathsAt(text: string, offsets: readonly number[]): JSONPath[] {
  // Valid text, the usual case, needs no pass.
  if (offsets.length === 0) return [];
  const order = offsets
    .map((offset, index) => ({ offset, index }))
    .sort((a, b) => a.offset - b.offset);
  const paths: JSONPath[] = new Array<JSONPath>(offsets.length);
  const segments: (string | number)[] = [];
  let next = 0;
  /** Records the current path for every pending offset that `pending` accepts. */
  const settle = (pending: (offset: number) => boolean): void => {
    while (next < order.length && pending(order[next]!.offset)) {
      paths[order[next]!.index] = [...segments];
      next++;
    }
  };
  const upTo = (end: number) => settle((position) => position <= end);
  visit(text, {
    onObjectBegin: (offset) => {
      upTo(offset);
      segments.push('');
    },
    onObjectProperty: (name, offset, length) => {
      settle((position) => position < offset);
      segments[segments.length - 1] = name;
      upTo(offset + length);
    },
    onObjectEnd: (offset) => {
      upTo(offset);
      segments.pop();
    },
    onArrayBegin: (offset) => {
      upTo(offset);
      segments.push(0);
    },
    onArrayEnd: (offset) => {
      upTo(offset);
      segments.pop();
    },
    onLiteralValue: (_value, offset, length) => {
      settle((position) => position < offset);
      upTo(offset + length);
    },
    onSeparator: (separator, offset) => {
      upTo(offset);
      if (separator !== ',') return;
      const last = segments[segments.length - 1];
      segments[segments.length - 1] = typeof last === 'number' ? last + 1 : '';
    },
  });
  settle(() => true);
  return paths;
}
