/**
 * Turns Ajv's schema errors into one plain-language diagnostic per problem, located in the file,
 * with a fix for the mistakes people make most (dates, links, statuses, types).
 */
import type { ErrorObject } from 'ajv';
import type { Diagnostic } from './diagnostics.js';
import { closestMatch } from './edit-distance.js';
import { emailHint, dateHint, urlHint } from './format-hints.js';
import {
  formatPath,
  keyOffset,
  lastKey,
  offsetOf,
  pointerToSegments,
  type Located,
  type PathSegment,
} from './json-locations.js';
import { expectation, schema as text, type MessageText } from './messages.js';
import { tryRename } from './rename-check.js';
import { typeHint } from './type-hints.js';
import { suggestValue } from './value-suggestions.js';

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
      // A path relative to the file is what editors resolve offline: legal JSON, but the official
      // schema wants a full URL, so it is a warning rather than an error.
      if (params.format === 'uri' && error.instancePath === '/$schema' && isRelativePath(value))
        return { ...atValue(text.relativeSchema(value)), severity: 'warning' };
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
