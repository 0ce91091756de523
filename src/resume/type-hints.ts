/**
 * Hints for a value of the wrong type: the shape the schema wants here, offered only when the
 * value so reshaped is valid at its place.
 */
import { isObject, lastKey, type PathSegment } from './json-locations.js';
import { schema as text } from './messages.js';
import { fitsAt } from './rename-check.js';
import { knownProperties, schemasAt, textProperty } from './schema-walker.js';

/** `id`, `orcidId`, `s2AuthorId`, `DOI`-like keys: identifiers for tools, not text for readers. */
const IDENTIFIER_KEY = /^(id|.*Id|.*ID|uuid|key)$/;

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
    // An object with a name stands for that name: `{"name": "Ada", "orcidId": "…"}` is "Ada".
    // Otherwise its text, without identifiers, which no reader wants glued into it.
    const named = typeof value['name'] === 'string' ? [value['name']] : undefined;
    const parts =
      named ??
      Object.entries(value)
        .filter(([key]) => !IDENTIFIER_KEY.test(key))
        .map(([, part]) => part)
        .filter((part): part is string => typeof part === 'string');
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
