/** What the schema check says about a value the résumé schema does not allow, and how to fix it. */
import { fixedText, quote, typeWords, type MessageText } from './message-text.js';

const list = (items: readonly string[]): string => items.join(', ');

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

export const schema = {
  /** A problem only the camera-ready extensions see: the official schema accepts the value. */
  foreignShape: (message: string): string =>
    `${message} The official JSON Resume schema allows it, so this is a warning: camera-ready cannot use the value in this shape.`,
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
  relativeSchema: (value: unknown): MessageText => ({
    message: `$schema ${quote(value)} is a relative path: editors read the file it names, but the JSON Resume validators of resume-cli and resumed want a full URL and reject it.`,
    hint: 'keep it while you edit here; for those validators, name the published address (see the theme’s README, Schemas).',
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

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}
