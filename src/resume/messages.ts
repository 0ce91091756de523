/**
 * Every text the validator shows to people, in one place, so wording stays consistent and can be
 * improved without touching the logic. Each entry returns the message and, for common mistakes,
 * a fix hint.
 */

import { formatBytes } from './input-limits.js';

export interface MessageText {
  message: string;
  hint?: string;
}

/** A text that depends on nothing: the same message (and hint) every time. */
export function fixedText(message: string, hint?: string): () => MessageText {
  return () => (hint === undefined ? { message } : { message, hint });
}

const QUOTE_LIMIT = 60;

/**
 * A value as it appears in JSON, shortened so one bad value cannot flood the terminal. A
 * shortened text keeps its closing quote, and a shortened list or object its closing bracket.
 */
export function quote(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  if (text.length <= QUOTE_LIMIT) return text;
  if (typeof value === 'string') {
    // Cut whole characters (never half a surrogate pair), then quote, so escapes stay whole.
    const characters = Array.from(value);
    let keep = QUOTE_LIMIT - 3;
    let shortened = JSON.stringify(`${characters.slice(0, keep).join('')}…`);
    while (shortened.length > QUOTE_LIMIT && keep > 0) {
      keep -= 1;
      shortened = JSON.stringify(`${characters.slice(0, keep).join('')}…`);
    }
    return shortened;
  }
  // A list or an object: close an open string and the bracket after the cut.
  let head = text.slice(0, QUOTE_LIMIT - 4).replace(/(?<!\\)((?:\\\\)*)\\$/, '$1');
  const quotes = (head.match(/(?<!\\)(?:\\\\)*"/g) ?? []).length;
  if (quotes % 2 === 1) head += '…"';
  else head += '…';
  return `${head}${text.at(-1) ?? ''}`;
}

const list = (items: readonly string[]): string => items.join(', ');

/** Plain words for JSON Schema types. */
const TYPE_WORDS: Record<string, string> = {
  string: 'text in double quotes',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list [ … ]',
  object: 'an object { … }',
  null: 'null',
};

export function typeWords(type: string): string {
  return TYPE_WORDS[type] ?? type;
}

/** What a list of allowed values is a list of, by property name. */
const ENUM_NOUNS: Record<string, string> = {
  status: 'publication status',
  paper: 'paper size',
  sections: 'section name',
};

/** What a `pattern` means, by property name; the schema's regular expression is no help to people. */
const PATTERN_MEANINGS: Record<string, string> = {
  accentColor: 'a CSS hex colour such as "#1f4e79"',
  locale: 'a BCP 47 locale such as "en", "en-GB" or "de"',
  id: 'letters, digits and _ . : - only, starting with a letter or digit, e.g. "zhang2024agents"',
};

/** Names of the control characters people meet in text. */
const CONTROL_NAMES: Record<number, string> = {
  9: 'tab',
  10: 'line break',
  13: 'carriage return',
};

export const read = {
  notFound: (file: string): MessageText => ({
    message: `cannot read ${file}: no such file.`,
    hint: 'check the path; without an argument the validator reads resume.json in the current folder.',
  }),
  isDirectory: (file: string): MessageText => ({
    message: `cannot read ${file}: it is a folder, not a file.`,
    hint: `give the path of the JSON file inside it, e.g. ${file.replace(/\/$/, '')}/resume.json.`,
  }),
  notDirectoryOnPath: (file: string): MessageText => ({
    message: `cannot read ${file}: a part of the path before the file name is a file, not a folder.`,
    hint: 'check the path for a file name used as a folder.',
  }),
  noPermission: (file: string): MessageText => ({
    message: `cannot read ${file}: permission denied.`,
    hint: 'make the file readable for your user, e.g. chmod u+r.',
  }),
  notAFile: (file: string, kind: string): MessageText => ({
    message: `cannot read ${file}: it is ${kind}, not a file.`,
    hint: 'give the path of a résumé saved as a file, e.g. resume.json.',
  }),
  tooLarge: (file: string, size: number | undefined, limit: number): MessageText => ({
    message: `cannot read ${file}: it is larger than ${formatBytes(limit)}${size === undefined ? '' : ` (${formatBytes(size)})`}, more than any résumé needs.`,
    hint: `check that this is the résumé; if it is, raise the limit with --max-size, e.g. --max-size ${Math.ceil(((size ?? limit) * 2) / 1024 ** 2)}MB.`,
  }),
  failed: (file: string, reason: string): MessageText => ({
    message: `cannot read ${file}: ${reason}.`,
  }),
  notUtf8: (utf16: boolean): MessageText => ({
    message: utf16
      ? 'the file is UTF-16 text; JSON files must be UTF-8.'
      : 'the file is not UTF-8 text (is it a JSON file?).',
    hint: 'save it as UTF-8 in your editor.',
  }),
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

export const schema = {
  notADate: (value: unknown): MessageText => ({
    message: `${quote(value)} is not a date. Expected YYYY, YYYY-MM or YYYY-MM-DD.`,
  }),
  presentAsDate: (key: string): string =>
    key === 'endDate'
      ? 'omit endDate for a current role (or give the planned end date and "expected": true).'
      : `${key} needs a real date, e.g. "2021-09".`,
  padDate: (fixed: string): string => `write ${quote(fixed)} (two-digit month and day).`,
  datePartOnly: (fixed: string): string => `keep only the date part: ${quote(fixed)}.`,
  rewriteDate: (fixed: string): string => `write ${quote(fixed)}.`,
  notAUrl: (value: unknown): MessageText => ({
    message: `${quote(value)} is not a full URL. Expected an absolute address such as "https://example.com/page".`,
  }),
  notAnEmail: (value: unknown): MessageText => ({
    message: `${quote(value)} is not an email address. Expected the form "name@example.com".`,
  }),
  removeEmptyField: (key: string): string =>
    `remove ${key}; leave the field out when there is none.`,
  addScheme: (fixed: string): string => `add the scheme: ${quote(fixed)}.`,
  encodeUrl: (): string =>
    'percent-encode spaces and non-ASCII characters (a space is %20), or copy the address from the browser.',
  dropMailto: (fixed: string): string => `drop the "mailto:": ${quote(fixed)}.`,
  notAllowed: (value: unknown, key: string, allowed: readonly unknown[]): MessageText => ({
    message: `${quote(value)} is not a known ${ENUM_NOUNS[key] ?? `value for ${key}`}. Expected one of: ${list(allowed.map((a) => String(a)))}.`,
  }),
  useInstead: (suggestion: string): string => `use ${quote(suggestion)}.`,
  wrongType: (expected: readonly string[], value: unknown): MessageText => ({
    message: `Expected ${expected.map(typeWords).join(' or ')}, found ${typeWords(jsonType(value))}.`,
  }),
  wrapInList: (value: unknown): string => `wrap it in a list: [${quote(value)}].`,
  quoteIt: (value: unknown): string => `put it in double quotes: ${quote(String(value))}.`,
  unquoteBoolean: (value: string): string => `write ${value.toLowerCase()} without quotes.`,
  unquoteNumber: (value: string): string => `write ${value.trim()} without quotes.`,
  missing: (name: string): MessageText => ({
    message: `${name} is missing; it is required here.`,
    hint: `add "${name}" or remove the entry.`,
  }),
  emptyText: fixedText('must not be empty text.', 'fill it in or remove it.'),
  duplicateItem: (value: unknown, first: number, second: number): MessageText => ({
    message: `lists ${quote(value)} twice (items ${first} and ${second}).`,
    hint: 'remove the duplicate.',
  }),
  tooSmall: (value: unknown, limit: number): MessageText => ({
    message: `${quote(value)} is too small. Expected ${limit} or more.`,
  }),
  unknownField: (name: string, allowed: readonly string[]): MessageText => ({
    message: `unknown field ${quote(name)}. Expected only: ${list(allowed)}.`,
  }),
  badName: (
    name: string,
    allowed: readonly unknown[] | undefined,
    meaning: string,
  ): MessageText => ({
    message: allowed
      ? `${quote(name)} is not allowed as a name here. Expected one of: ${list(allowed.map(String))}.`
      : `${quote(name)} is not allowed as a name here. Expected ${meaning}.`,
  }),
  variantName: (): string => 'lowercase letters, digits and "-", e.g. "industry-1p"',
  badForm: (value: unknown, key: string, description: string | undefined): MessageText => ({
    message: `${quote(value)} does not have the expected form. Expected ${PATTERN_MEANINGS[key] ?? description ?? 'another form'}.`,
  }),
  other: (text: string): MessageText => ({ message: `${text}.` }),
  didYouMean: (name: string): string => `did you mean ${quote(name)}?`,
  emptyDate: (key: string): string =>
    key === 'endDate'
      ? 'remove endDate for a current role: themes print "Present" when it is missing (or give the planned end date and "expected": true).'
      : `remove ${key}, or give a date such as "2021-09".`,
  nullValue: (key: string): string =>
    `remove ${key}: JSON Resume has no null values, leave a field out when there is none.`,
  nullItem: (): string => 'remove the null from the list.',
  wrapInObject: (property: string, value: unknown): string =>
    `write it as an object: {${quote(property)}: ${quote(value)}}.`,
  objectAsText: (value: string): string => `write it as text: ${quote(value)}.`,
  wrapObjectInList: (): string => 'wrap it in a list: [ { … } ].',
  entryPerKey: (example: unknown): string =>
    `write a list with one entry per key: [${quote(example)}, …].`,
};

/** What a value must be, in the words of a fix hint. */
export const expectation = {
  url: 'a full URL such as "https://example.com/page"',
  email: 'an email address such as "name@example.com"',
  date: 'a date: YYYY, YYYY-MM or YYYY-MM-DD',
  types: (types: readonly string[]): string => types.map(typeWords).join(' or '),
  other: 'a value the schema allows there',
};

export const legacy = {
  renamed: (name: string, current: string, version: string): MessageText => ({
    message: `${quote(name)} is the pre-1.0 name of ${quote(current)} (renamed in JSON Resume ${version}); themes made for 1.0 look only for ${quote(current)}.`,
  }),
  rename: (current: string): string => `rename it to ${quote(current)}.`,
  renameAndFix: (current: string, expected: string): string =>
    `rename it to ${quote(current)}, whose value must be ${expected}.`,
  both: (current: string): string =>
    `this entry also has ${quote(current)}: keep one of the two, under ${quote(current)}.`,
};

export const content = {
  rawHtml: (tag: string): MessageText => ({
    message: `raw HTML ${quote(tag)} in the text: camera-ready shows it as written, tags and all; other themes may run it as markup.`,
    hint: 'use Markdown instead: **bold**, *italic*, [text](https://…); write a line break as \\n.',
  }),
  noSuchMonth: (value: string, month: string): MessageText => ({
    message: `${quote(value)} is not a calendar date: there is no month ${month}.`,
    hint: 'write the month as 01 to 12.',
  }),
  noSuchDay: (value: string, monthName: string, days: number, monthOnly: string): MessageText => ({
    message: `${quote(value)} is not a calendar date: ${monthName} has ${days} days.`,
    hint: `check the day, or give the month only: ${quote(monthOnly)}.`,
  }),
};

export const spelling = {
  unknownField: (name: string, suggestion: string): MessageText => ({
    message: `unknown field ${quote(name)}: did you mean ${quote(suggestion)}?`,
    hint: `rename it to ${quote(suggestion)}; themes ignore fields they do not know.`,
  }),
};

export const report = {
  summary: (errors: number, warnings: number, file: string): string =>
    `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${file}`,
  valid: (file: string, version: string): string =>
    `${file} is valid (JSON Resume ${version} + camera-ready extensions)`,
  fixLabel: 'fix:',
  omitted: (count: number, shown: number): string =>
    `… and ${count} more (only the first ${shown} are shown; fix these and run again)`,
};

/** `npm run validate`: its help and its own option errors. */
export const cli = {
  usage: 'Usage: npm run validate [-- [options] [file]]',
  about: [
    'Checks a JSON Resume file: JSON syntax, the official JSON Resume schema and the',
    'camera-ready extensions, all problems in one run. Reads resume.json by default.',
  ].join('\n'),
  jsonOption: 'print the diagnostics as JSON on stdout instead of text on stderr',
  exitCodes: [
    'Exit codes: 0 valid (warnings allowed), 1 invalid JSON or résumé,',
    '            2 the file cannot be read or the options are wrong, 3 a bug in the command.',
  ].join('\n'),
  tooManyFiles: (files: readonly string[]): string =>
    `expected one file, got ${files.length}: ${files.join(' ')}.`,
};

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Variants (`meta.variants`), for every command that applies one. */
export const variantText = {
  unknown: (variant: string, defined: readonly string[]): string =>
    defined.length === 0
      ? `Unknown variant "${variant}": resume.json defines no variants (add them under meta.variants).`
      : `Unknown variant "${variant}". Defined variants: ${defined.join(', ')}.`,
};

/** `npm run variant`. */
export const variantCli = {
  usage: 'Usage: npm run variant -- <name> [--resume resume.json]',
  about: [
    'Prints the résumé as the variant <name> (declared in meta.variants) presents it: standard',
    'JSON Resume without meta.variants, left-out sections and entries removed.',
  ].join('\n'),
  resumeOption: 'the résumé to read',
  exitCodes:
    'Exit codes: 0 printed, 1 the résumé is invalid, 2 unreadable résumé, unknown variant or bad options,\n            3 a bug in the command.',
  oneName: (defined: readonly string[]): string =>
    `Give exactly one variant name.${defined.length ? ` Defined variants: ${defined.join(', ')}.` : ''}`,
  inFile: (file: string, reason: string): string => `${file}: ${reason}`,
};
