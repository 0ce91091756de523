/**
 * Turns Ajv's schema errors into one plain-language diagnostic per problem, located in the file,
 * with a fix for the mistakes people make most (dates, links, statuses, types).
 */
import type { ErrorObject } from 'ajv';
import type { Node } from 'jsonc-parser';
import type { Diagnostic } from './diagnostics.js';
import { closestMatch } from './edit-distance.js';
import {
  formatPath,
  isObject,
  keyOffset,
  offsetOf,
  pointerToSegments,
  type PathSegment,
  type Positions,
} from './json-locations.js';
import { expectation, schema as text, type MessageText } from './messages.js';
import { fitsAt, tryRename } from './rename-check.js';
import { knownProperties, schemasAt, textProperty } from './resume-schema.js';

export interface Located {
  positions: Positions;
  tree: Node;
  value: unknown;
}

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
      return atValue({ ...text.wrongType(expected, value), hint });
    }
    case 'pattern':
      if (error.schemaPath.endsWith('/iso8601/pattern')) {
        return atValue({ ...text.notADate(value), hint: dateHint(value, key) });
      }
      return atValue(text.badForm(value, key, description(error)));
    case 'format':
      if (params.format === 'email') {
        return atValue({ ...text.notAnEmail(value), hint: emailHint(value, key) });
      }
      if (params.format === 'uri')
        return atValue({ ...text.notAUrl(value), hint: urlHint(value, key) });
      return atValue(text.other(String(error.message)));
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]) ?? [];
      const suggestion = suggestValue(value, allowed.map(String));
      return atValue({
        ...text.notAllowed(value, key, allowed),
        hint: suggestion ? text.useInstead(suggestion) : undefined,
      });
    }
    case 'required': {
      const name = String(params.missingProperty);
      return at([...segments, name], offsetOf(doc.tree, segments), text.missing(name));
    }
    case 'minLength':
      return atValue(text.emptyText());
    case 'uniqueItems': {
      const [first, second] = [Number(params.j), Number(params.i)];
      const item: unknown = Array.isArray(value) ? value[second] : undefined;
      const path = [...segments, second];
      return at(path, offsetOf(doc.tree, path), text.duplicateItem(item, first, second), item);
    }
    case 'minimum':
      return atValue(text.tooSmall(value, Number(params.limit)));
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const allowed = Object.keys((error.parentSchema?.properties as object | undefined) ?? {});
      const suggestion = closestMatch(name, allowed);
      // Only a rename that gives a valid file is worth suggesting.
      const safe = suggestion && tryRename(doc.value, segments, name, suggestion).ok;
      const offset = keyOffset(doc.tree, segments, name) ?? offsetOf(doc.tree, segments);
      return at([...segments, name], offset, {
        ...text.unknownField(name, allowed),
        hint: safe ? text.didYouMean(suggestion) : undefined,
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
        ...text.badName(name, allowed, text.variantName()),
        hint: suggestion ? text.useInstead(suggestion) : undefined,
      });
    }
    default:
      return atValue(text.other(String(error.message)));
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

function lastKey(segments: readonly PathSegment[]): string {
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i];
    if (typeof segment === 'string') return segment;
  }
  return '';
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

function typeHint(
  expected: readonly string[],
  value: unknown,
  segments: readonly PathSegment[],
): string | undefined {
  if (value === null) {
    const last = segments.at(-1);
    return typeof last === 'number' ? text.nullItem() : text.nullValue(lastKey(segments));
  }
  if (expected.includes('object') && typeof value === 'string') {
    const property = textProperty(schemasAt(segments));
    const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(value.trim());
    const known = schemasAt(segments).some(({ node }) => node.properties?.url);
    const target = url && known ? 'url' : property;
    return target && fitsAt(segments, { [target]: value })
      ? text.wrapInObject(target, value)
      : undefined;
  }
  if (expected.includes('string') && isObject(value)) {
    const parts = Object.values(value).filter((part): part is string => typeof part === 'string');
    const joined = parts.join(', ');
    return parts.length > 0 && fitsAt(segments, joined) ? text.objectAsText(joined) : undefined;
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
      return text.entryPerKey(entry);
    }
    return fitsAt(segments, [value]) ? text.wrapObjectInList() : undefined;
  }
  if (expected.includes('array') && typeof value === 'string') return text.wrapInList(value);
  if (expected.includes('string') && (typeof value === 'number' || typeof value === 'boolean')) {
    return text.quoteIt(value);
  }
  if (typeof value === 'string') {
    if (expected.includes('boolean') && /^(true|false)$/i.test(value.trim())) {
      return text.unquoteBoolean(value.trim());
    }
    const numeric = value.trim() !== '' && Number.isFinite(Number(value));
    if ((expected.includes('number') || expected.includes('integer')) && numeric) {
      return text.unquoteNumber(value);
    }
  }
  return undefined;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ISO_DATE = /^([1-2][0-9]{3}-[0-1][0-9]-[0-3][0-9]|[1-2][0-9]{3}-[0-1][0-9]|[1-2][0-9]{3})$/;

function dateHint(value: unknown, key: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  if (v === '') return text.emptyDate(key);
  if (/^(present|current|currently|now|today|ongoing|to date|till now|until now)$/i.test(v)) {
    return text.presentAsDate(key);
  }
  const datetime = /^(\d{4}-\d{2}-\d{2})[T ]\d/.exec(v);
  if (datetime?.[1]) return text.datePartOnly(datetime[1]);
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
    ? text.padDate(fixed)
    : text.rewriteDate(fixed);
}

function urlHint(value: unknown, key: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  if (v === '' || v === '#') return text.removeEmptyField(key);
  if (/\s/.test(value) || /[^\x21-\x7e]/.test(v)) return text.encodeUrl();
  const bare = v.replace(/^\/\//, '');
  if (!/^[a-z][a-z0-9+.-]*:/i.test(v) && /^[\w-]+(\.[\w-]+)+([/?#:]|$)/.test(bare)) {
    return text.addScheme(`https://${bare}`);
  }
  return undefined;
}

function emailHint(value: unknown, key: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  if (v === '' || v === '#') return text.removeEmptyField(key);
  if (/^mailto:/i.test(v)) return text.dropMailto(v.replace(/^mailto:/i, ''));
  return undefined;
}

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
