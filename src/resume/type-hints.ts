/**
 * Hints for a value of the wrong type: the shape the schema wants here, offered only when the
 * value so reshaped is valid at its place.
 */
import { isObject, lastKey, type PathSegment } from './json-locations.js';
import { schema as text } from './messages.js';
import { fitsAt } from './rename-check.js';
import { knownProperties, schemasAt, textProperty } from './schema-walker.js';

export function typeHint(
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
    const asText = objectAsText(value);
    return asText !== undefined && fitsAt(segments, asText) ? text.objectAsText(asText) : undefined;
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

/** Keys whose text is what an object written for a text field means: `{"name": "Ada", "id": 3}`. */
const NAME_KEYS = ['name', 'title', 'label', 'text', 'value'];
/** Keys that identify or link rather than say: never part of the text. */
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
