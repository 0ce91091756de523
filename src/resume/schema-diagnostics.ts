/**
 * What the schema check reports, in plain words: one located diagnostic per schema error, with a
 * fix for the mistakes people make most (dates, links, statuses, types, misspelt names).
 */
import type { ErrorObject } from 'ajv';
import type { Node } from 'jsonc-parser';
import { fixedText, quote, typeWords, type Diagnostic, type MessageText } from './diagnostics.js';
import {
  formatPath,
  isObject,
  keyOffset,
  lastKey,
  offsetOf,
  pointerToSegments,
  type Located,
  type PathSegment,
  type Positions,
} from './json-syntax.js';
import {
  fitsAt,
  isClosed,
  knownProperties,
  schemasAt,
  textProperty,
  tryRename,
  walkWithSchemas,
} from './schema.js';

// What the schema check says about a value the résumé schema does not allow, and how to fix it.

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

const spelling = {
  unknownField: (name: string, suggestion: string): MessageText => ({
    message: `unknown field ${quote(name)}: did you mean ${quote(suggestion)}?`,
    hint: `rename it to ${quote(suggestion)}; camera-ready prints a field it does not know only as an extra line under its own name, and other themes leave it out.`,
  }),
};

// Turns Ajv's schema errors into one plain-language diagnostic per problem, located in the file,
// with a fix for the mistakes people make most (dates, links, statuses, types).

/** Keywords that only summarise the errors of their branches. */
const BRANCHING = new Set(['anyOf', 'oneOf']);

export function schemaDiagnostics(errors: readonly ErrorObject[], doc: Located): Diagnostic[] {
  // Ajv reports a bad property name twice: the inner check (carrying `propertyName`) and the
  // `propertyNames` summary. Keep the inner one's details for the summary's message.
  const nameChecks = new Map<string, ErrorObject>();
  for (const error of errors) {
    if (error.propertyName !== undefined) {
      nameChecks.set(`${error.instancePath}\0${error.propertyName}`, error);
    }
  }
  const branchPaths = new Set(
    errors
      .filter((error) => BRANCHING.has(error.keyword))
      .map((error) => error.schemaPath.replace(/\/(anyOf|oneOf)$/, '')),
  );

  const diagnostics: Diagnostic[] = [];
  for (const error of errors) {
    if (error.propertyName !== undefined || error.keyword === 'if') continue;
    if (!BRANCHING.has(error.keyword) && insideBranch(error.schemaPath, branchPaths)) continue;
    diagnostics.push(translate(error, doc, nameChecks));
  }
  return collapse(diagnostics);
}

const isRelativePath = (value: unknown) => typeof value === 'string' && /^\.\.?\//.test(value);

/** Whether a proper prefix of `schemaPath` (at a `/`) is one of `branches`: one set lookup each. */
function insideBranch(schemaPath: string, branches: ReadonlySet<string>): boolean {
  for (let end = schemaPath.indexOf('/'); end >= 0; end = schemaPath.indexOf('/', end + 1)) {
    if (branches.has(schemaPath.slice(0, end))) return true;
  }
  return false;
}

function translate(
  error: ErrorObject,
  doc: Located,
  nameChecks: Map<string, ErrorObject>,
): Diagnostic {
  const segments = pointerToSegments(error.instancePath, doc.value);
  const key = lastKey(segments);
  const value: unknown = error.data;
  const at = (path: PathSegment[], offset: number, message: MessageText, shown?: unknown) => {
    const { line, column } = doc.positions(offset);
    const diagnostic: Diagnostic = {
      severity: 'error',
      path: formatPath(path),
      line,
      column,
      ...message,
    };
    if (shown !== undefined) diagnostic.value = shown;
    if (diagnostic.hint === undefined) delete diagnostic.hint;
    return diagnostic;
  };
  const atValue = (message: MessageText) =>
    at(segments, offsetOf(doc.tree, segments), message, value);
  const params = error.params as Record<string, unknown>;

  switch (error.keyword) {
    case 'type': {
      const expected = String(params.type).split(',');
      const hint = typeHint(expected, value, segments);
      return atValue({ ...schema.wrongType(expected, value), hint });
    }
    case 'pattern':
      if (error.schemaPath.endsWith('/iso8601/pattern')) {
        return atValue({ ...schema.notADate(value), hint: dateHint(value, key) });
      }
      return atValue(schema.badForm(value, key, description(error)));
    case 'format':
      if (params.format === 'email') {
        return atValue({ ...schema.notAnEmail(value), hint: emailHint(value, key) });
      }
      // A path relative to the file is what editors resolve offline: legal JSON, but the official
      // schema wants a full URL, so it is a warning rather than an error.
      if (params.format === 'uri' && error.instancePath === '/$schema' && isRelativePath(value))
        return { ...atValue(schema.relativeSchema(value)), severity: 'warning' };
      if (params.format === 'uri')
        return atValue({ ...schema.notAUrl(value), hint: urlHint(value, key) });
      return atValue(schema.other(String(error.message)));
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]) ?? [];
      const suggestion = suggestValue(value, allowed.map(String));
      return atValue({
        ...schema.notAllowed(value, key, allowed),
        hint: suggestion ? schema.useInstead(suggestion) : undefined,
      });
    }
    case 'required': {
      const name = String(params.missingProperty);
      return at([...segments, name], offsetOf(doc.tree, segments), schema.missing(name));
    }
    case 'minLength':
      return atValue(schema.emptyText());
    case 'uniqueItems': {
      const [first, second] = [Number(params.j), Number(params.i)];
      const item: unknown = Array.isArray(value) ? value[second] : undefined;
      const path = [...segments, second];
      return at(path, offsetOf(doc.tree, path), schema.duplicateItem(item, first, second), item);
    }
    case 'minimum':
      return atValue(schema.tooSmall(value, Number(params.limit)));
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const allowed = Object.keys((error.parentSchema?.properties as object | undefined) ?? {});
      const suggestion = closestMatch(name, allowed);
      // Only a rename that gives a valid file is worth suggesting.
      const safe = suggestion && tryRename(doc.value, segments, name, suggestion).ok;
      const offset = keyOffset(doc.tree, segments, name) ?? offsetOf(doc.tree, segments);
      return at([...segments, name], offset, {
        ...schema.unknownField(name, allowed),
        hint: safe ? schema.didYouMean(suggestion) : undefined,
      });
    }
    case 'propertyNames': {
      const name = String(params.propertyName);
      const inner = nameChecks.get(`${error.instancePath}\0${name}`);
      const innerParams = inner?.params as Record<string, unknown> | undefined;
      const allowed = innerParams?.allowedValues as unknown[] | undefined;
      const suggestion = allowed ? suggestValue(name, allowed.map(String)) : undefined;
      const offset = keyOffset(doc.tree, segments, name) ?? offsetOf(doc.tree, segments);
      return at([...segments, name], offset, {
        ...schema.badName(name, allowed, schema.variantName()),
        hint: suggestion ? schema.useInstead(suggestion) : undefined,
      });
    }
    default:
      return atValue(schema.other(String(error.message)));
  }
}

/** The same problem reported by both schemas (e.g. a type error) or by several keywords, once. */
function collapse(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const typeErrorPaths = new Set(
    diagnostics.filter((d) => d.message.startsWith('Expected ')).map((d) => d.path),
  );
  return diagnostics
    .filter((d) => {
      const id = `${d.path}\0${d.message}`;
      if (seen.has(id)) return false;
      seen.add(id);
      // Beside a wrong type, any other complaint about the same value is noise.
      return !typeErrorPaths.has(d.path) || d.message.startsWith('Expected ');
    })
    .sort((a, b) => a.line - b.line || a.column - b.column);
}

function description(error: ErrorObject): string | undefined {
  const parent = error.parentSchema as { description?: unknown } | undefined;
  return typeof parent?.description === 'string' ? parent.description : undefined;
}

/** What the value that failed `error` must be, for a hint. */
export function expectedWords(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'type') return expectation.types(String(params.type).split(','));
  if (error.keyword === 'format' && params.format === 'uri') return expectation.url;
  if (error.keyword === 'format' && params.format === 'email') return expectation.email;
  if (error.schemaPath.endsWith('/iso8601/pattern')) return expectation.date;
  return expectation.other;
}

// Hints for a value of the wrong type: the shape the schema wants here, offered only when the
// value so reshaped is valid at its place.

function typeHint(
  expected: readonly string[],
  value: unknown,
  segments: readonly PathSegment[],
): string | undefined {
  if (value === null) {
    const last = segments.at(-1);
    return typeof last === 'number' ? schema.nullItem() : schema.nullValue(lastKey(segments));
  }
  if (expected.includes('object') && typeof value === 'string') {
    const property = textProperty(schemasAt(segments));
    const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(value.trim());
    const known = schemasAt(segments).some(({ node }) => node.properties?.url);
    const target = url && known ? 'url' : property;
    return target && fitsAt(segments, { [target]: value })
      ? schema.wrapInObject(target, value)
      : undefined;
  }
  if (expected.includes('string') && isObject(value)) {
    const asText = objectAsText(value);
    return asText !== undefined && fitsAt(segments, asText)
      ? schema.objectAsText(asText)
      : undefined;
  }
  if (expected.includes('array') && isObject(value)) {
    // `{"Languages": ["Go", "C"]}` for skills: one entry per key, its list as keywords.
    const [first] = Object.entries(value);
    const known = knownProperties(schemasAt([...segments, 0]));
    const entry = first && { name: first[0], keywords: first[1] };
    if (
      entry &&
      known.includes('name') &&
      known.includes('keywords') &&
      fitsAt(segments, [entry])
    ) {
      return schema.entryPerKey(entry);
    }
    return fitsAt(segments, [value]) ? schema.wrapObjectInList() : undefined;
  }
  if (expected.includes('array') && typeof value === 'string') return schema.wrapInList(value);
  if (expected.includes('string') && (typeof value === 'number' || typeof value === 'boolean')) {
    return schema.quoteIt(value);
  }
  if (typeof value === 'string') {
    if (expected.includes('boolean') && /^(true|false)$/i.test(value.trim())) {
      return schema.unquoteBoolean(value.trim());
    }
    const numeric = value.trim() !== '' && Number.isFinite(Number(value));
    if ((expected.includes('number') || expected.includes('integer')) && numeric) {
      return schema.unquoteNumber(value);
    }
  }
  return undefined;
}

/** Keys whose text is what an object written for a text field means: `{"name": "Ada", "id": 3}`. */
const NAME_KEYS = ['name', 'title', 'label', 'text', 'value'];
/** Keys that identify or link rather than say: never part of the schema. */
const NOT_TEXT = /^(?:_?id|uuid|key|ref|url|href|link|uri|orcid|email|image)$/i;

/**
 * The text an object most likely stands for: its name when it has one (an author as
 * `{"name", "url", "id"}`), else its words joined (`{"city": "Lyon", "countryCode": "FR"}` →
 * "Lyon, FR"), never its identifiers or links.
 */
function objectAsText(value: Record<string, unknown>): string | undefined {
  const named = NAME_KEYS.map((key) => value[key]).find(
    (part): part is string => typeof part === 'string' && part.trim() !== '',
  );
  if (named !== undefined) return named;
  const parts = Object.entries(value)
    .filter(([key, part]) => typeof part === 'string' && part.trim() !== '' && !NOT_TEXT.test(key))
    .map(([, part]) => part as string);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

// Hints for text that fails a format: dates not in ISO 8601, links and email addresses written
// the way people paste them.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ISO_DATE = /^([1-2][0-9]{3}-[0-1][0-9]-[0-3][0-9]|[1-2][0-9]{3}-[0-1][0-9]|[1-2][0-9]{3})$/;

function dateHint(value: unknown, key: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  if (v === '') return schema.emptyDate(key);
  if (/^(present|current|currently|now|today|ongoing|to date|till now|until now)$/i.test(v)) {
    return schema.presentAsDate(key);
  }
  const datetime = /^(\d{4}-\d{2}-\d{2})[T ]\d/.exec(v);
  if (datetime?.[1]) return schema.datePartOnly(datetime[1]);
  const pad = (n: string | undefined) => (n ?? '').padStart(2, '0');
  let fixed: string | undefined;
  const yearFirst = /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?$/.exec(v);
  const monthFirst = /^(\d{1,2})[-/.](\d{4})$/.exec(v);
  const named = /^([A-Za-z]{3,})\.?,?\s+(\d{4})$/.exec(v);
  if (yearFirst) {
    fixed = `${yearFirst[1]}-${pad(yearFirst[2])}${yearFirst[3] ? `-${pad(yearFirst[3])}` : ''}`;
  } else if (monthFirst) {
    fixed = `${monthFirst[2]}-${pad(monthFirst[1])}`;
  } else if (named) {
    const month = MONTHS.indexOf((named[1] ?? '').slice(0, 3).toLowerCase());
    if (month >= 0) fixed = `${named[2]}-${pad(String(month + 1))}`;
  }
  if (!fixed || !ISO_DATE.test(fixed) || Number(fixed.slice(5, 7)) > 12) return undefined;
  return yearFirst && /^\d{4}-\d{1,2}(-\d{1,2})?$/.test(v)
    ? schema.padDate(fixed)
    : schema.rewriteDate(fixed);
}

function urlHint(value: unknown, key: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  if (v === '' || v === '#') return schema.removeEmptyField(key);
  if (/\s/.test(value) || /[^\x21-\x7e]/.test(v)) return schema.encodeUrl();
  const bare = v.replace(/^\/\//, '');
  if (!/^[a-z][a-z0-9+.-]*:/i.test(v) && /^[\w-]+(\.[\w-]+)+([/?#:]|$)/.test(bare)) {
    return schema.addScheme(`https://${bare}`);
  }
  return undefined;
}

function emailHint(value: unknown, key: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  if (v === '' || v === '#') return schema.removeEmptyField(key);
  if (/^mailto:/i.test(v)) return schema.dropMailto(v.replace(/^mailto:/i, ''));
  return undefined;
}

// The allowed value someone most likely meant: a word people use for it, the same words written
// as the schema spells them, or the closest spelling.

/** Words people use for a publication's state, mapped to the status that means the same. */
const SYNONYMS: Record<string, string> = {
  submitted: 'under-review',
  'in review': 'under-review',
  'under review': 'under-review',
  review: 'under-review',
  reviewing: 'under-review',
  'in press': 'accepted',
  'to appear': 'accepted',
  forthcoming: 'accepted',
  draft: 'in-preparation',
  'in progress': 'in-preparation',
  'work in progress': 'in-preparation',
  wip: 'in-preparation',
  arxiv: 'preprint',
};

function suggestValue(value: unknown, allowed: readonly string[]): string | undefined {
  if (typeof value !== 'string') return undefined;
  const lower = value.trim().toLowerCase();
  const synonym = SYNONYMS[lower];
  if (synonym && allowed.includes(synonym)) return synonym;
  const normalised = lower.replace(/[\s_]+/g, '-');
  if (allowed.includes(normalised)) return normalised;
  return closestMatch(normalised, allowed);
}

/**
 * Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
 * neighbouring characters each cost 1, so "stauts" is one edit from "status".
 */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => rows[i]?.[j] ?? Infinity;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      (rows[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

/**
 * The candidate closest to `word` within 2 edits (1 for words of four letters or fewer, where two
 * edits turn most short words into each other), or undefined. Ties go to the earlier candidate.
 */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  const limit = word.length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

// Unknown fields are legal in JSON Resume, so a misspelt one (`stauts`, `endDat`) passes the schema
// and then misses its place in the CV (camera-ready shows it as a stray detail, others drop it). This check compares every unknown field with the names the
// schemas declare at that place and warns when one is a likely typo, if renaming it gives a valid
// file (the name is free and the value fits it).

export function misspeltFields(value: unknown, tree: Node, positions: Positions): Diagnostic[] {
  const found: Diagnostic[] = [];
  walkWithSchemas(value, (current, placed, path) => {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return;
    const known = knownProperties(placed);
    // Where the schema forbids unknown fields, the schema error already names them.
    if (known.length === 0 || isClosed(placed)) return;
    for (const key of Object.keys(current)) {
      if (known.includes(key)) continue;
      const suggestion = closestMatch(key, known);
      if (!suggestion || !tryRename(value, path, key, suggestion).ok) continue;
      const offset = keyOffset(tree, path, key) ?? tree.offset;
      found.push({
        severity: 'warning',
        path: formatPath([...path, key]),
        ...positions(offset),
        ...spelling.unknownField(key, suggestion),
      });
    }
  });
  return found.sort((a, b) => a.line - b.line || a.column - b.column);
}
