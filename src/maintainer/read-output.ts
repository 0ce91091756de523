/**
 * What an output shows a reader. For HTML, the visible text, the way a reader would compare it:
 * tags stripped, entities decoded, whitespace collapsed; parsed with parse5 (the HTML standard's
 * algorithm) rather than regular expressions, so attributes containing `>` or unclosed tags cannot
 * fool it. For PDFs, what poppler-utils reads: page count, page size, text, fonts.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
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

const exec = promisify(execFile);

export interface PdfInfo {
  pages: number;
  /** Size of the first page in PostScript points, rounded to whole points. */
  width: number;
  height: number;
}

export async function pdfInfo(path: string): Promise<PdfInfo> {
  const { stdout } = await exec('pdfinfo', [path]);
  const pages = /^Pages:\s+(\d+)/m.exec(stdout);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(stdout);
  if (!pages?.[1] || !size?.[1] || !size[2])
    throw new Error(`pdfinfo could not read ${path}:\n${stdout}`);
  return {
    pages: Number(pages[1]),
    width: Math.round(Number(size[1])),
    height: Math.round(Number(size[2])),
  };
}

/**
 * The text in reading order, whitespace-normalised. pdftotext wraps right-to-left lines and the
 * left-to-right runs inside them in embedding controls (U+202A–U+202E): its own layout marks,
 * which the PDF does not hold, so they are left out.
 */
export async function pdfText(path: string): Promise<string> {
  const { stdout } = await exec('pdftotext', ['-enc', 'UTF-8', path, '-'], { maxBuffer: 64 << 20 });
  return normaliseSpace(stdout.replace(/[\u202a-\u202e]/g, ''));
}

/** Font names in the PDF, as pdffonts lists them ("[none]" for unnamed Type 3 fonts). */
export async function pdfFonts(path: string): Promise<string[]> {
  const { stdout } = await exec('pdffonts', [path]);
  return stdout
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => line.split(/\s+/)[0]!);
}

/** How pdffonts names a subset of our embedded fonts: "ZAAAAA+SourceSans3-Regular". */
export const OUR_PDF_FONT = /^[A-Z]{6}\+(SourceSans3|SourceSerif4|Vazirmatn|NotoSansHebrew)/;
/** How it names a subset of the TrueType Noto Sans CJK the export serves: "BAAAAA+NotoSansSCThin-Bold". */
export const NOTO_CJK_PDF_FONT = /^[A-Z]{6}\+NotoSans(SC|TC|HK|JP|KR)/;
/** How it names a subset of the Noto fonts the export serves for other scripts: "CAAAAA+NotoSansThai-Regular". */
export const NOTO_SCRIPT_PDF_FONT =
  /^[A-Z]{6}\+Noto(Sans|Serif)(Devanagari|Bengali|Tamil|Thai|Georgian|Armenian)-/;

/** The text of each page in reading order (pdftotext ends every page with a form feed). */
export async function pdfPageTexts(path: string): Promise<string[]> {
  const { stdout } = await exec('pdftotext', ['-enc', 'UTF-8', path, '-'], { maxBuffer: 64 << 20 });
  return stdout.split('\f').slice(0, -1).map(normaliseSpace);
}
