/**
 * The page budget of a variant: how many pages its PDF has, and when it has too many, what sits
 * on the pages beyond the budget. Read from the printed PDF itself (its section bookmarks, and
 * its text through poppler's pdftotext when installed), so it is exact for any theme.
 */
import type * as PdfLib from 'pdf-lib';
import { pdfLib } from './pdf-lib.js';
import { outlineItems, outlineTitle } from './pdf-outline.js';
import { runProcess } from '../run-process.js';

const { PDFArray, PDFDocument, PDFName, PDFRef } = pdfLib;
type PDFDocument = PdfLib.PDFDocument;

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
