/** Reading a PDF's outline (its bookmarks), for post-processing, page budgets and tests. */
import type * as PdfLib from 'pdf-lib';
import { pdfLib } from './pdf-lib.js';

const { PDFDict, PDFHexString, PDFName, PDFRef, PDFString } = pdfLib;
type PDFDict = PdfLib.PDFDict;
type PDFDocument = PdfLib.PDFDocument;
type PDFRef = PdfLib.PDFRef;
type PDFString = PdfLib.PDFString;
type PDFHexString = PdfLib.PDFHexString;

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
