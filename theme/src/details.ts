/**
 * Facts the theme has no designed place for: fields it does not know (`salary`, `nationality`),
 * and known fields in a shape it cannot read (an object where text goes). They are shown as
 * "key: value" on their entry's details line, so nothing a person wrote disappears.
 */
import { displayUrl, safeHref } from './urls';

/** One fact shown as "key: value"; `href` is set when the value is a link. */
export interface Detail {
  key: string;
  text: string;
  href: string;
}

/**
 * How the theme reads a known field: `text` (a string or number), `list` (strings or numbers,
 * or one of them), or `custom` (read by its own code, which reports what it left over).
 */
export type FieldKind = 'text' | 'list' | 'custom';
export type Fields = Readonly<Record<string, FieldKind>>;

/** Fields that are not content, anywhere: identifiers and labels for tools. */
export const NOT_CONTENT: ReadonlySet<string> = new Set(['id', 'tags', '$schema', 'meta']);

const isScalar = (value: unknown): value is string | number =>
  typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));

function detail(key: string, value: string | number): Detail | null {
  const text = String(value).trim();
  if (text === '') return null;
  const href = /^(https?:|mailto:)/i.test(text) ? safeHref(text) : '';
  return { key, text: href === '' ? text : displayUrl(text), href };
}

function allLeaves(value: unknown, key: string): Detail[] {
  if (isScalar(value)) {
    const one = detail(key, value);
    return one ? [one] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item) => allLeaves(item, key));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([inner, v]) =>
      NOT_CONTENT.has(inner) ? [] : allLeaves(v, inner),
    );
  }
  return [];
}

/** Plain values under one key read "key: a, b" rather than "key: a · key: b". */
function grouped(details: Detail[]): Detail[] {
  const result: Detail[] = [];
  for (const item of details) {
    const last = result[result.length - 1];
    if (last && last.key === item.key && last.href === '' && item.href === '') {
      result[result.length - 1] = { ...last, text: `${last.text}, ${item.text}` };
    } else {
      result.push(item);
    }
  }
  return result;
}

/** Every string and number inside a value, labelled, plain values under one key together. */
export function leaves(value: unknown, key: string): Detail[] {
  return grouped(allLeaves(value, key));
}

/** What of `item` the `fields` reading does not show. */
export function leftovers(item: Record<string, unknown>, fields: Fields): Detail[] {
  return Object.entries(item).flatMap(([key, value]) => {
    if (NOT_CONTENT.has(key)) return [];
    const kind = fields[key];
    if (kind === 'custom') return [];
    if (kind === 'text' && isScalar(value)) return [];
    if (kind === 'list' && isScalar(value)) return [];
    if (kind === 'list' && Array.isArray(value)) {
      return value.filter((element) => !isScalar(element)).flatMap((v) => leaves(v, key));
    }
    return leaves(value, key);
  });
}

/**
 * An address that cannot be a link (no scheme, a relative path) next to text that is shown in
 * its place: the address is still shown, as a detail.
 */
export function unlinked(key: string, url: string, shownInstead: string): Detail[] {
  const written = url.trim();
  return written !== '' && shownInstead !== '' && safeHref(written) === ''
    ? [{ key, text: written, href: '' }]
    : [];
}
