/**
 * The printed PDF, read and rewritten with pdf-lib: the résumé's metadata, one bookmark per
 * section, a role map for its tags and exact paper sizes (finalizePdf), and, for a variant's page
 * budget, how many pages it has and what lies beyond the budget (countPages). Loaded on demand:
 * pdf-lib takes a while to load, so it loads while Chromium prints.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type * as PdfLib from 'pdf-lib';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { PAPER_DIMENSIONS, PAPER_SIZES } from 'jsonresume-theme-camera-ready/data';
import type { HeadingOutline } from '../browser/page.js';
import { runProcess } from '../run-process.js';
import { paperPoints } from './pdf.js';

/**
 * pdf-lib as its own one-file build (the one it publishes for `unpkg`), through `require`: its
 * CommonJS build is some 170 files, and imported as an ES module each is first scanned for its
 * export names. One file loads in about a third of the time.
 */
export const pdfLib = createRequire(import.meta.url)(
  'pdf-lib/dist/pdf-lib.min.js',
) as typeof import('pdf-lib');

const {
  ParseSpeeds,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRef,
  PDFString,
} = pdfLib;
type PDFDict = PdfLib.PDFDict;
type PDFDocument = PdfLib.PDFDocument;
type PDFObject = PdfLib.PDFObject;
type PDFRef = PdfLib.PDFRef;
type PDFString = PdfLib.PDFString;
type PDFHexString = PdfLib.PDFHexString;

/* Reading a PDF's outline (its bookmarks), for post-processing, page budgets and tests. */

export interface OutlineItem {
  ref: PDFRef;
  dict: PDFDict;
  /** 0 for a top-level bookmark. */
  depth: number;
}

/** The outline's root dictionary, when the PDF has one. */
export function outlineRoot(doc: PDFDocument): PDFDict | undefined {
  return doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
}

/** Every outline item, depth first, in reading order. */
export function outlineItems(doc: PDFDocument): OutlineItem[] {
  const root = outlineRoot(doc);
  return root ? childrenOf(doc, root, 0) : [];
}

function childrenOf(doc: PDFDocument, parent: PDFDict, depth: number): OutlineItem[] {
  const items: OutlineItem[] = [];
  for (
    let ref = parent.get(PDFName.of('First'));
    ref instanceof PDFRef;
    ref = doc.context.lookup(ref, PDFDict).get(PDFName.of('Next'))
  ) {
    const dict = doc.context.lookup(ref, PDFDict);
    items.push({ ref, dict, depth }, ...childrenOf(doc, dict, depth + 1));
  }
  return items;
}

export function outlineTitle(dict: PDFDict): string {
  const title = dict.lookup(PDFName.of('Title'));
  return title instanceof PDFString || title instanceof PDFHexString ? title.decodeText() : '';
}

/** The standard structure types of PDF 1.7 (ISO 32000-1, 14.8.4), the version the file declares. */
const STANDARD_TYPES = new Set([
  ...['Document', 'Part', 'Art', 'Sect', 'Div', 'BlockQuote', 'Caption', 'TOC', 'TOCI', 'Index'],
  ...['NonStruct', 'Private', 'P', 'H', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'L', 'LI', 'Lbl'],
  ...['LBody', 'Table', 'TR', 'TH', 'TD', 'THead', 'TBody', 'TFoot', 'Span', 'Quote', 'Note'],
  ...['Reference', 'BibEntry', 'Code', 'Link', 'Annot', 'Ruby', 'RB', 'RT', 'RP', 'Warichu'],
  ...['WT', 'WP', 'Figure', 'Formula', 'Form'],
]);

/** PDF 2.0's new types (Chromium writes `Strong` for <strong>), as the nearest PDF 1.7 type. */
const NEAREST_STANDARD: Readonly<Record<string, string>> = {
  Strong: 'Span',
  Em: 'Span',
  Sub: 'Span',
  Title: 'P',
  FENote: 'Note',
  Aside: 'Div',
  DocumentFragment: 'Part',
};
/** A grouping with no meaning of its own: what a reader assumes of a type it does not know. */
const FALLBACK = 'NonStruct';

/**
 * Gives the structure tree a role map from every non-standard type its elements use to a standard
 * one, so that readers and checkers that know only PDF 1.7 understand every tag. Entries already
 * in the file's role map are kept.
 */
export function mapNonStandardRoles(doc: PDFDocument): void {
  const root = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (!root) return;
  const roleMap = root.lookupMaybe(PDFName.of('RoleMap'), PDFDict) ?? doc.context.obj({});
  let added = false;
  for (const type of structureTypes(doc, root)) {
    const name = PDFName.of(type);
    if (STANDARD_TYPES.has(type) || roleMap.has(name)) continue;
    roleMap.set(name, PDFName.of(NEAREST_STANDARD[type] ?? FALLBACK));
    added = true;
  }
  if (added) root.set(PDFName.of('RoleMap'), roleMap);
}

/** The `/S` of every structure element under the root, each element visited once. */
function structureTypes(doc: PDFDocument, root: PdfLib.PDFDict): Set<string> {
  const types = new Set<string>();
  const seen = new Set<PDFObject>();
  const pending: PDFObject[] = [root.get(PDFName.of('K')) ?? doc.context.obj([])];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const object = next instanceof PDFRef ? doc.context.lookup(next) : next;
    if (object === undefined || seen.has(object)) continue;
    seen.add(object);
    if (object instanceof PDFArray) {
      pending.push(...object.asArray());
    } else if (object instanceof PDFDict) {
      const type = object.get(PDFName.of('S'));
      if (type instanceof PDFName) types.add(type.decodeText());
      const kids = object.get(PDFName.of('K'));
      if (kids) pending.push(kids);
    }
  }
  return types;
}

export interface PdfMetadata {
  title: string;
  author?: string;
  subject?: string;
  keywords: string[];
  /** Creation and modification date: `meta.lastModified`, so the same input gives the same bytes. */
  date: Date;
}

export interface FinalPdf {
  bytes: Uint8Array;
  pages: number;
  /** "A4", "Letter", or the size in points. */
  paper: string;
}

const PRODUCER = 'camera-ready-cv export (Chromium + pdf-lib)';
const CREATOR = 'camera-ready-cv';
/** Chromium rounds the page to whole CSS pixels; anything this close to a paper size is that size. */
const PAPER_TOLERANCE = 2;
const ID_PLACEHOLDER = '0'.repeat(32);

/**
 * Title "Name — CV", author, subject and keywords from the résumé. Reads only strings where the
 * schema has them: with --force any field may hold any JSON value, which is then left out.
 */
export function pdfMetadataFor(resume: Resume, now: Date = new Date()): PdfMetadata {
  const basics: unknown = resume.basics;
  const name = textOf(field(basics, 'name'));
  const keywords = new Set<string>();
  for (const skill of listOf(resume.skills)) {
    for (const word of [field(skill, 'name'), ...listOf(field(skill, 'keywords'))]) {
      const text = textOf(word);
      if (text) keywords.add(text);
    }
  }
  return {
    title: name ? `${name} — CV` : 'CV',
    author: name || undefined,
    subject: textOf(field(basics, 'label')) || undefined,
    keywords: [...keywords],
    date: documentDate(field(resume.meta, 'lastModified')) ?? now,
  };
}

const field = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined;
const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const textOf = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** `meta.lastModified` as a date; a date-time without a zone is read as UTC, so every machine agrees. */
export function documentDate(lastModified: unknown): Date | undefined {
  if (typeof lastModified !== 'string' || !lastModified) return undefined;
  const hasZone = /(?:Z|[+-]\d\d:?\d\d)$/i.test(lastModified);
  const isDateOnly = /^\d{4}(?:-\d\d){0,2}$/.test(lastModified);
  const date = new Date(hasZone || isDateOnly ? lastModified : `${lastModified}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * Rewrites Chromium's PDF so it carries the résumé's metadata, one bookmark per section, exact
 * paper sizes and no trace of when it was printed: the same input gives byte-identical files.
 * Chromium's tags (StructTreeRoot, MarkInfo) and link annotations pass through, the tags with a
 * role map for the types PDF 1.7 does not define.
 */
export async function finalizePdf(
  chromiumPdf: Uint8Array,
  metadata: PdfMetadata,
  headings: HeadingOutline,
): Promise<FinalPdf> {
  // pdf-lib yields to the event loop every 50–100 objects by default; a résumé's few hundred
  // objects are done in one go, in well under half the time.
  const doc = await PDFDocument.load(chromiumPdf, {
    updateMetadata: false,
    parseSpeed: ParseSpeeds.Fastest,
  });
  doc.setTitle(metadata.title, { showInWindowTitleBar: true });
  if (metadata.author) doc.setAuthor(metadata.author);
  if (metadata.subject) doc.setSubject(metadata.subject);
  if (metadata.keywords.length > 0) doc.setKeywords([metadata.keywords.join(', ')]);
  doc.setCreator(CREATOR);
  doc.setProducer(PRODUCER);
  doc.setCreationDate(metadata.date);
  doc.setModificationDate(metadata.date);
  keepSectionBookmarks(doc, headings);
  mapNonStandardRoles(doc);
  const paper = normalisePaper(doc);

  const placeholder = PDFHexString.of(ID_PLACEHOLDER);
  doc.context.trailerInfo.ID = doc.context.obj([placeholder, placeholder]);
  // Chromium writes its hundreds of tag objects as plain text; object streams compress them,
  // which takes the two-page CV from about 133 KB to under 80 KB.
  const bytes = await doc.save({ useObjectStreams: true, objectsPerTick: Infinity });
  return { bytes: withContentId(bytes), pages: doc.getPageCount(), paper };
}

/** Replaces the placeholder trailer /ID with a hash of the file, as PDF readers expect a unique ID. */
function withContentId(bytes: Uint8Array): Uint8Array {
  const buffer = Buffer.from(bytes);
  const id = createHash('sha256').update(buffer).digest('hex').slice(0, 32).toUpperCase();
  const marker = Buffer.from(`<${ID_PLACEHOLDER}>`);
  for (let at = buffer.lastIndexOf(marker); at !== -1; at = buffer.lastIndexOf(marker)) {
    buffer.write(`<${id}>`, at, 'latin1');
  }
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/**
 * Chromium's outline nests every heading (name › sections › entries). Readers want the sections:
 * keep their items, in order, as a flat list titled with the headings' text. When none are
 * found, Chromium's outline stays as it is.
 */
function keepSectionBookmarks(doc: PDFDocument, headings: HeadingOutline): void {
  const root = outlineRoot(doc);
  if (!root || headings.sections.length === 0) return;
  const items = outlineItems(doc);
  const kept = sectionItems(items, headings);
  if (kept.length === 0) return;
  // Chromium's title is the text as painted (upper-cased by CSS, repeated when the heading was
  // carried over to a new page); the heading's own text reads better.
  for (const { dict, title } of kept) dict.set(PDFName.of('Title'), PDFHexString.fromText(title));

  const rootRef = doc.catalog.get(PDFName.of('Outlines'));
  for (const item of items) {
    if (!kept.some((section) => section.ref === item.ref)) doc.context.delete(item.ref);
  }
  kept.forEach(({ dict }, index) => {
    for (const key of ['First', 'Last', 'Count', 'Prev', 'Next']) dict.delete(PDFName.of(key));
    if (rootRef) dict.set(PDFName.of('Parent'), rootRef);
    const previous = kept[index - 1];
    const next = kept[index + 1];
    if (previous) dict.set(PDFName.of('Prev'), previous.ref);
    if (next) dict.set(PDFName.of('Next'), next.ref);
  });
  root.set(PDFName.of('First'), kept[0]!.ref);
  root.set(PDFName.of('Last'), kept[kept.length - 1]!.ref);
  root.set(PDFName.of('Count'), PDFNumber.of(kept.length));
}

/**
 * The outline items of the section headings. Chromium outlines every rendered heading in document
 * order, so the items line up with the page's headings by position. When the counts differ (a
 * heading the page counted was left out of the outline), titles are matched in order instead.
 */
function sectionItems(
  items: OutlineItem[],
  { count, sections }: HeadingOutline,
): (OutlineItem & { title: string })[] {
  if (items.length === count) {
    return sections.flatMap(({ index, title }) => {
      const item = items[index];
      return item ? [{ ...item, title }] : [];
    });
  }
  const kept: (OutlineItem & { title: string })[] = [];
  for (const item of items) {
    const title = sections[kept.length]?.title;
    if (title !== undefined && normaliseTitle(outlineTitle(item.dict)) === normaliseTitle(title)) {
      kept.push({ ...item, title });
    }
  }
  return kept;
}

function normaliseTitle(title: string | undefined): string {
  return (title ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Sets each page near A4 or Letter to the exact size, keeping its top edge where it is. */
function normalisePaper(doc: PDFDocument): string {
  let firstPaper: string | undefined;
  for (const page of doc.getPages()) {
    const box = page.node.lookupMaybe(PDFName.of('MediaBox'), PDFArray);
    const [x0, y0, x1, y1] = (box?.asArray() ?? []).map((value) =>
      value instanceof PDFNumber ? value.asNumber() : Number.NaN,
    );
    if ([x0, y0, x1, y1].some((value) => value === undefined || Number.isNaN(value))) continue;
    const width = x1! - x0!;
    const height = y1! - y0!;
    const match = PAPER_SIZES.find((paper) => {
      const exact = paperPoints(paper);
      return (
        Math.abs(width - exact.width) < PAPER_TOLERANCE &&
        Math.abs(height - exact.height) < PAPER_TOLERANCE
      );
    });
    if (match) {
      const { width: w, height: h } = paperPoints(match);
      page.node.set(PDFName.of('MediaBox'), doc.context.obj([x0!, y1! - h, x0! + w, y1!]));
    }
    firstPaper ??= match
      ? PAPER_DIMENSIONS[match].label
      : `${Math.round(width)} × ${Math.round(height)} pt`;
  }
  return firstPaper ?? 'unknown size';
}

/*
 * The page budget of a variant: how many pages its PDF has, and when it has too many, what sits
 * on the pages beyond the budget. Read from the printed PDF itself (its section bookmarks, and
 * its text through poppler's pdftotext when installed), so it is exact for any theme.
 */

export interface OverflowSection {
  title: string;
  /** 1-based page its heading is on. */
  page: number;
}

export interface PageCount {
  pages: number;
  /** Sections whose heading lies beyond the budget, in reading order. */
  beyond: OverflowSection[];
  /** The section running on from the last page within the budget, if any. */
  continued?: OverflowSection;
  /** The first words beyond the budget (needs pdftotext). */
  firstWords?: string;
}

/** Section bookmarks (title and page) in reading order. */
function bookmarks(doc: PDFDocument): OverflowSection[] {
  const pageOf = new Map(doc.getPages().map((page, index) => [page.ref.toString(), index + 1]));
  return outlineItems(doc).flatMap(({ dict }) => {
    const target = dict.lookupMaybe(PDFName.of('Dest'), PDFArray)?.get(0);
    const page = target instanceof PDFRef ? pageOf.get(target.toString()) : undefined;
    return page === undefined ? [] : [{ title: outlineTitle(dict), page }];
  });
}

/** The text of each page (pdftotext), or undefined when poppler is not installed. */
async function pageTexts(pdf: Uint8Array): Promise<string[] | undefined> {
  const result = await runProcess('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).catch(
    () => undefined,
  );
  return result?.code === 0 ? result.stdout.split('\f').map(words) : undefined;
}

const words = (text: string) => text.normalize('NFKC').replace(/\s+/g, ' ').trim();

/** Where a section title appears in a page's text, as written or upper-cased by the theme's CSS. */
function headingAt(text: string, title: string): number {
  const positions = [title, title.toUpperCase()]
    .map((form) => text.search(new RegExp(`(^|\\s)${escapeRegExp(form)}(\\s|$)`)))
    .filter((at) => at !== -1);
  return positions.length > 0 ? Math.min(...positions) : -1;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Counts the pages; when there are more than `budget`, says which sections lie beyond it.
 * Sections are the PDF's bookmarks plus `sectionTitles` (bookmarks can be incomplete), found
 * in each page's text; without pdftotext only the bookmarks' pages are known.
 */
export async function countPages(
  pdf: Uint8Array,
  budget: number,
  sectionTitles: string[] = [],
): Promise<PageCount> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const pages = doc.getPageCount();
  if (pages <= budget) return { pages, beyond: [] };
  const marks = bookmarks(doc);
  const texts = await pageTexts(pdf);
  if (!texts) return { pages, beyond: marks.filter((s) => s.page > budget) };

  const titles = [...new Set([...marks.map((s) => words(s.title)), ...sectionTitles.map(words)])];
  const found = titles
    .map((title) => {
      const page = texts.findIndex((text) => headingAt(text, title) !== -1);
      return { title, page: page + 1, at: page === -1 ? -1 : headingAt(texts[page] ?? '', title) };
    })
    .filter((s) => s.page > 0)
    .sort((a, b) => a.page - b.page || a.at - b.at);
  const beyond = found.filter((s) => s.page > budget);
  const before = found.filter((s) => s.page <= budget).at(-1);
  const firstPage = texts[budget] ?? '';
  // The first page beyond the budget starts inside a section unless it starts with a heading.
  const continued = before && !found.some((s) => s.page === budget + 1 && s.at === 0);
  const strip = ({ title, page }: OverflowSection) => ({ title, page });
  return {
    pages,
    beyond: beyond.map(strip),
    ...(continued && before ? { continued: strip(before) } : {}),
    firstWords: firstPage.split(' ').slice(0, 12).join(' '),
  };
}

/** The failure message for a variant over its budget: what overflows and what to do about it. */
export function overBudgetMessage(
  file: string,
  variant: string,
  budget: number,
  count: PageCount,
): string {
  const parts = [
    ...(count.continued
      ? [
          `the end of "${count.continued.title}"${count.firstWords ? ` (from "${count.firstWords} …")` : ''}`,
        ]
      : []),
    ...count.beyond.map((s) => `"${s.title}" (page ${s.page})`),
  ];
  const where =
    parts.length > 0
      ? `Beyond page ${budget}: ${parts.join(', ')}.`
      : count.firstWords
        ? `Page ${budget + 1} starts with "${count.firstWords} …".`
        : '';
  return [
    `${file} has ${count.pages} pages; the ${variant} variant allows ${budget} (meta.variants.${variant}.pageBudget).`,
    where,
    `Shorten or drop those entries (tags with includeTags/excludeTags, or the variant's sections), or raise pageBudget. The PDF was written so you can look at it.`,
  ]
    .filter(Boolean)
    .join('\n');
}
