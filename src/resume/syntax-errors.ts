/**
 * Strict JSON parsing with errors people can act on: jsonc-parser finds the problems (with
 * comments and trailing commas disallowed), this module says what they mean and where to fix them.
 */
import type { JSONPath, Node, ParseError } from 'jsonc-parser';
import type { Diagnostic } from './diagnostics.js';
import { MAX_NESTING, nestingTooDeep } from './input-limits.js';
import { formatPath, type Positions } from './json-locations.js';
import { jsoncParser } from './jsonc-parser.js';
import { syntax, type MessageText } from './messages.js';

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
