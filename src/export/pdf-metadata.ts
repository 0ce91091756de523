import { createHash } from 'node:crypto';
import type * as PdfLib from 'pdf-lib';
import { pdfLib } from './pdf-lib.js';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { PAPER_DIMENSIONS, PAPER_SIZES } from 'jsonresume-theme-camera-ready/data';
import { paperPoints } from './pdf.js';
import type { HeadingOutline } from '../browser/page.js';
import { outlineItems, outlineRoot, outlineTitle, type OutlineItem } from './pdf-outline.js';
import { mapNonStandardRoles } from './pdf-role-map.js';

const { ParseSpeeds, PDFArray, PDFDocument, PDFHexString, PDFName, PDFNumber } = pdfLib;
type PDFDocument = PdfLib.PDFDocument;

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
