/** What the strict JSON reader says about text that is not JSON, and how to fix it. */
import { fixedText, quote, type MessageText } from './message-text.js';

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
