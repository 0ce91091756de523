/**
 * Visible text of an HTML document, the way a reader would compare it: tags stripped, entities
 * decoded, whitespace collapsed. Parsed with parse5 (the HTML standard's algorithm) rather than
 * regular expressions, so attributes containing `>` or unclosed tags cannot fool it.
 */
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

/** Elements whose content is not text a reader sees. */
const SILENT = new Set(['script', 'style', 'template', 'noscript', 'head', 'title']);

/** Elements that start a new line when rendered: their edges separate words. */
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);

function hasChildren(node: Node): node is ParentNode {
  return 'childNodes' in node;
}

function collect(node: Node, out: string[]): void {
  if (node.nodeName === '#text' && 'value' in node) {
    out.push(node.value);
    return;
  }
  if ('tagName' in node && SILENT.has(node.tagName)) return;
  const block = 'tagName' in node && BLOCK.has(node.tagName);
  if (block) out.push(' ');
  // <template> content lives apart from childNodes; it is skipped above.
  if (hasChildren(node)) for (const child of node.childNodes) collect(child, out);
  if (block) out.push(' ');
}

/** Collapses every run of whitespace (including non-breaking spaces) to one space. */
export function normaliseSpace(text: string): string {
  return text.replace(/[\s\u00a0]+/gu, ' ').trim();
}

/** The body's text content, whitespace-normalised. */
export function htmlToText(html: string): string {
  const out: string[] = [];
  collect(parse(html), out);
  return normaliseSpace(out.join(''));
}
