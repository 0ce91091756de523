/**
 * Raw HTML in a text field (`<strong>`, `<a href=…>`), common in résumés written for themes that
 * insert text unescaped. Camera-ready shows tags as written, so each such field gets a warning
 * that points to the Markdown that says the same. A `<br>` is printed as the line break it means;
 * an entity (`&amp;`) gets a warning that says where it is read as its character.
 */
import type { Diagnostic } from './diagnostics.js';
import { formatPath, offsetOf, type Located } from './json-locations.js';
import { content } from './messages.js';
import { walkWithSchemas } from './schema-walker.js';

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
