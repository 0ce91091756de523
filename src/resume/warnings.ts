/**
 * Warnings for what the schema lets pass but themes lose or show otherwise: pre-1.0 field names,
 * dates the calendar lacks, raw HTML in text, and values only the camera-ready extensions refuse.
 */
import { isDeepStrictEqual } from 'node:util';
import type { ErrorObject } from 'ajv';
import { LEGACY_FIELDS } from 'jsonresume-theme-camera-ready/data';
import { quote, type Diagnostic, type MessageText } from './diagnostics.js';
import {
  formatPath,
  isObject,
  keyOffset,
  offsetOf,
  type Located,
  type PathSegment,
} from './json-syntax.js';
import { tryRename, walkWithSchemas, type SchemaNode } from './schema.js';
import { expectedWords, schema as text } from './schema-diagnostics.js';

const legacy = {
  renamed: (name: string, current: string, version: string): MessageText => ({
    message: `${quote(name)} is the pre-1.0 name of ${quote(current)} (renamed in JSON Resume ${version}); themes made for 1.0 look only for ${quote(current)}.`,
  }),
  rename: (current: string): string => `rename it to ${quote(current)}.`,
  renameAndFix: (current: string, expected: string): string =>
    `rename it to ${quote(current)}, whose value must be ${expected}.`,
  both: (current: string): string =>
    `this entry also has ${quote(current)}: keep one of the two, under ${quote(current)}.`,
};

const content = {
  rawHtml: (tag: string): MessageText => ({
    message: `raw HTML ${quote(tag)} in the text: camera-ready shows it as written, tags and all; other themes may run it as markup.`,
    hint: 'use Markdown instead: **bold**, *italic*, [text](https://…); write a line break as \\n.',
  }),
  /** Camera-ready reads entities as Markdown does, in the fields it reads as Markdown only. */
  htmlEntity: (entity: string): MessageText => ({
    message: `HTML entity ${quote(entity)} in the text: camera-ready prints the character it stands for in summaries, descriptions and highlights, but the entity as written in every other field; other themes differ.`,
    hint: 'write the character itself (&, ©, a no-break space), which every theme prints the same.',
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

// Pre-1.0 field names (`company`, `website`, `picture`, `gpa` …) are legal extra fields, so the
// schema passes them, yet themes made for 1.0 drop what they hold. One warning per such field,
// naming its 1.0 name, with a fix that keeps the file valid. A legacy field that repeats its 1.0
// field (kept for old themes, as resume.json does) is left alone.

export function legacyFieldWarnings(doc: Located): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const field of LEGACY_FIELDS) {
    for (const path of holders(doc.value, field.parent)) {
      const holder = valueAt(doc.value, path);
      if (!isObject(holder) || !Object.hasOwn(holder, field.legacy)) continue;
      // A copy of the 1.0 field kept for themes that still read the old name loses nothing.
      if (isDeepStrictEqual(holder[field.legacy], holder[field.current])) continue;
      const renamed = tryRename(doc.value, path, field.legacy, field.current);
      const hint = renamed.ok
        ? legacy.rename(field.current)
        : renamed.reason === 'taken'
          ? legacy.both(field.current)
          : legacy.renameAndFix(field.current, expectedWords(renamed.error));
      const offset = keyOffset(doc.tree, path, field.legacy) ?? doc.tree.offset;
      found.push({
        severity: 'warning',
        path: formatPath([...path, field.legacy]),
        ...doc.positions(offset),
        ...legacy.renamed(field.legacy, field.current, field.renamedIn),
        hint,
      });
    }
  }
  return found.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Paths of the objects `parent` (`(root)`, `basics.location`, `work[]`) names in `resume`. */
function holders(resume: unknown, parent: string): PathSegment[][] {
  if (parent === '(root)') return [[]];
  const list = parent.endsWith('[]');
  const path: PathSegment[] = parent.replace(/\[\]$/, '').split('.');
  if (!list) return [path];
  const items = valueAt(resume, path);
  return Array.isArray(items) ? items.map((_, index) => [...path, index]) : [];
}

function valueAt(value: unknown, path: readonly PathSegment[]): unknown {
  let current = value;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

// The official date pattern accepts days and months the calendar lacks (`2024-09-31`,
// `2020-13`): they pass validation and then print as another date, or not at all. A warning for
// each, on every field the schema declares as a date.

/** The `iso8601` definition of the official schema, which every date field refers to. */
const DATE_DEFINITION = /#\/definitions\/iso8601$/;
/** Made on first use: Intl takes 10–20 ms to set up, which valid dates need not wait for. */
let monthNames: Intl.DateTimeFormat | undefined;

export function calendarDateWarnings(doc: Located): Diagnostic[] {
  const found: Diagnostic[] = [];
  walkWithSchemas(doc.value, (current, placed, path) => {
    if (typeof current !== 'string') return;
    if (!placed.some(({ node }) => node.$ref !== undefined && DATE_DEFINITION.test(node.$ref))) {
      return;
    }
    const problem = calendarProblem(current);
    if (!problem) return;
    found.push({
      severity: 'warning',
      path: formatPath(path),
      ...doc.positions(offsetOf(doc.tree, path)),
      value: current,
      ...problem,
    });
  });
  return found;
}

/** What is wrong with a `YYYY-MM` or `YYYY-MM-DD` date the calendar does not have. */
export function calendarProblem(value: string): ReturnType<typeof content.noSuchDay> | undefined {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value);
  if (!match) return undefined;
  const [, year = '', month = '', day] = match;
  const m = Number(month);
  if (m < 1 || m > 12) return content.noSuchMonth(value, month);
  if (day === undefined) return undefined;
  // Day 0 of the next month is the last day of this one.
  const days = new Date(Date.UTC(Number(year), m, 0)).getUTCDate();
  const d = Number(day);
  if (d >= 1 && d <= days) return undefined;
  monthNames ??= new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' });
  const monthName = `${monthNames.format(new Date(Date.UTC(2000, m - 1, 1)))} ${year}`;
  return content.noSuchDay(value, monthName, days, `${year}-${month}`);
}

// Raw HTML in a text field (`<strong>`, `<a href=…>`), common in résumés written for themes that
// insert text unescaped. Camera-ready shows tags as written, so each such field gets a warning
// that points to the Markdown that says the same. A `<br>` is printed as the line break it means;
// an entity (`&amp;`) gets a warning that says where it is read as its character.

/**
 * Tags seen in résumé text; other `<word>` (e.g. `List<String>`) is not taken for HTML. `<br>`
 * is left out: the theme prints it as the line break it means.
 */
const TAG =
  /<\/?(?:a|b|i|u|s|em|strong|br|hr|p|div|span|ul|ol|li|h[1-6]|sup|sub|small|code|pre|img|font|blockquote|table|tr|td|th|center|mark|del|ins|kbd)\b[^<>]*>|&(?:nbsp|amp|lt|gt|quot|mdash|ndash|bull|#\d+|#x[0-9a-f]+);/gi;
const BREAK = /^<br\s*\/?>$/i;

export function rawHtmlWarnings(doc: Located): Diagnostic[] {
  const found: Diagnostic[] = [];
  walkWithSchemas(doc.value, (current, placed, path) => {
    if (typeof current !== 'string') return;
    // Addresses (format uri or email) are not text a theme prints as such.
    if (placed.some(({ node }) => node.format !== undefined)) return;
    const tag = [...current.matchAll(TAG)].find(([written]) => !BREAK.test(written));
    if (!tag) return;
    found.push({
      severity: 'warning',
      path: formatPath(path),
      ...doc.positions(offsetOf(doc.tree, path)),
      ...(tag[0].startsWith('&') ? content.htmlEntity(tag[0]) : content.rawHtml(tag[0])),
    });
  });
  return found;
}

// The validator is never stricter than the official JSON Resume one: where only the camera-ready
// extensions refuse a value (a field other tools fill in a shape of their own, such as
// `publications[].status` as free text), the problem is a warning, not an error. The theme shows
// such values as written. Errors inside `meta.variants` stay errors: variants are this
// project's own instructions, which `variant` and `export` follow.

/** The node at a local JSON pointer ("#/properties/work/type") in `doc`, if any. */
function nodeAt(doc: unknown, pointer: string): unknown {
  const segments = pointer
    .replace(/^#\/?/, '')
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: unknown = doc;
  for (const segment of segments) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

/**
 * Whether the official schema makes the same check: the failing keyword stands at the same place
 * in the official document, with the same value. Both documents are addressed from their own
 * root, so a check only the extensions make has no such twin.
 */
function officialCheck(error: ErrorObject, official: SchemaNode): boolean {
  const node = nodeAt(official, error.schemaPath);
  return node !== undefined && JSON.stringify(node) === JSON.stringify(error.schema);
}

const VARIANTS = /^\/meta\/variants(\/|$)/;

/** The schema errors in two: those the official validator makes too, and the others. */
export function splitByOrigin(
  errors: readonly ErrorObject[],
  official: SchemaNode,
): { official: ErrorObject[]; extensions: ErrorObject[] } {
  const split = { official: [] as ErrorObject[], extensions: [] as ErrorObject[] };
  for (const error of errors) {
    const ours = !officialCheck(error, official) && !VARIANTS.test(error.instancePath);
    (ours ? split.extensions : split.official).push(error);
  }
  return split;
}

/** A problem only the extensions see, as a warning: other themes may still show the value. */
export function asShapeWarning(diagnostic: Diagnostic): Diagnostic {
  return { ...diagnostic, severity: 'warning', message: text.foreignShape(diagnostic.message) };
}
