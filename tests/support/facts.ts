/**
 * The fact check: every string and number a person wrote must be visible in the page, as text or
 * (for an address) as a link's target. `expectedFacts` lists what must show, leaving out the
 * documented exceptions (theme/README.md, "No fact dropped"); `missingFacts` says which do not.
 */
import { decodeHTML } from 'entities';
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];

export interface Fact {
  /** Where it was written, e.g. "work[0].company". */
  path: string;
  value: string;
  /** An address: enough when it is a link's target. */
  url: boolean;
}

const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const DATE_FIELDS = new Set(['startDate', 'endDate', 'date', 'releaseDate', 'awardDate']);
/** Fields that are not content anywhere. */
const NOT_CONTENT = new Set(['id', 'tags']);

type Item = Record<string, unknown>;
const isObject = (value: unknown): value is Item =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string =>
  typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
const hasLeaf = (value: unknown): boolean =>
  text(value) !== '' ||
  (Array.isArray(value) && value.some(hasLeaf)) ||
  (isObject(value) && Object.values(value).some(hasLeaf));

/** Fields of an item whose fact another field of it shows (see the theme's README). */
function replaced(section: string, item: Item): Set<string> {
  const out = new Set<string>();
  if (section === 'basics') {
    const phones = item['phones'];
    if (Array.isArray(phones) ? phones.some((p) => text(p) !== '') : text(phones) !== '')
      out.add('phone');
    const image = text(item['image'] ?? item['picture']);
    if (!/^https?:/i.test(image)) out.add('image').add('picture');
  }
  if (section === 'education' && text(item['field']) !== '') out.add('area');
  if (section === 'publications' && text(item['venue']) !== '') out.add('publisher');
  if (section === 'work' && Array.isArray(item['projects']) && item['projects'].some(hasLeaf))
    out.add('highlights');
  if (section === 'projects') out.add('publications');
  return out;
}

function walk(value: unknown, path: string, key: string, out: Fact[]): void {
  if (typeof value === 'string' || typeof value === 'number') {
    const written = text(value);
    if (written === '') return;
    if (DATE_FIELDS.has(key) && ISO_DATE.test(written)) return;
    // A two-letter country code is shown as the country's name.
    if (key === 'countryCode' && /^[a-z]{2}$/i.test(written)) return;
    out.push({ path, value: written, url: /^(https?:|mailto:)/i.test(written) });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => walk(item, `${path}[${index}]`, key, out));
    return;
  }
  if (isObject(value)) {
    for (const [inner, v] of Object.entries(value)) {
      if (!NOT_CONTENT.has(inner)) walk(v, `${path}.${inner}`, inner, out);
    }
  }
}

/** A top-level `"language": "de"` states the page's language rather than a fact about the person. */
const statesLanguage = (key: string, value: unknown): boolean =>
  ['language', 'locale', 'lang'].includes(key) &&
  typeof value === 'string' &&
  /^[a-z]{2,3}([-_][a-z0-9]{2,8})*$/i.test(value.trim());

/** What the page must show of a résumé. */
export function expectedFacts(resume: unknown): Fact[] {
  const out: Fact[] = [];
  if (!isObject(resume)) return out;
  for (const [section, value] of Object.entries(resume)) {
    if (section === 'meta' || section === '$schema' || statesLanguage(section, value)) continue;
    const items = section === 'basics' ? [value] : Array.isArray(value) ? value : [value];
    items.forEach((item, index) => {
      const at = section === 'basics' ? section : `${section}[${index}]`;
      if (!isObject(item)) {
        walk(item, at, section, out);
        return;
      }
      const skip = replaced(section, item);
      for (const [key, v] of Object.entries(item)) {
        if (!skip.has(key) && !NOT_CONTENT.has(key)) walk(v, `${at}.${key}`, key, out);
      }
    });
  }
  return out;
}

export interface Visible {
  /** The page's text, whitespace removed (line breaks and spaces are layout here). */
  text: string;
  /** Link targets and image sources. */
  targets: string[];
}

export function visibleFacts(html: string): Visible {
  const texts: string[] = [];
  const targets: string[] = [];
  const visit = (node: Node): void => {
    if (node.nodeName === '#text' && 'value' in node) texts.push(node.value);
    if ('tagName' in node) {
      if (['style', 'script', 'head'].includes(node.tagName)) return;
      for (const { name, value } of node.attrs)
        if (name === 'href' || name === 'src') targets.push(value);
    }
    if ('childNodes' in node) for (const child of node.childNodes) visit(child);
  };
  visit(parse(html));
  return { text: texts.join('').replace(/\s/g, ''), targets };
}

/** Inline Markdown as a reader sees it: `**b**` → `b`, `[t](u)` → `t`, a typed `<br>` a break. */
function asRead(value: string): string {
  // Markdown decodes character references (`&mdash;` reads as —), as CommonMark says.
  return decodeHTML(value.replace(/<br\s*\/?>/gi, ' '))
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*|`|~~)/g, '')
    .replace(/\s/g, '');
}

/** The theme sets "it's" as "it’s": either apostrophe shows the same fact. */
const oneApostrophe = (text: string) => text.replace(/’/g, "'");

/** The facts the page does not show. */
export function missingFacts(html: string, facts: readonly Fact[]): Fact[] {
  const visible = visibleFacts(html);
  const shown = oneApostrophe(visible.text);
  return facts.filter((fact) => {
    if (fact.url && visible.targets.some((t) => t === fact.value || t === `mailto:${fact.value}`))
      return false;
    // Markdown fields show `**b**` as b; other text is shown as written.
    const forms = [asRead(fact.value), fact.value.replace(/\s/g, '')].map(oneApostrophe);
    return !forms.some((form) => shown.includes(form));
  });
}
