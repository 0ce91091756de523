import type * as PdfLib from 'pdf-lib';
import { pdfLib } from './pdf-lib.js';

const { PDFArray, PDFDict, PDFName, PDFRef } = pdfLib;
type PDFDocument = PdfLib.PDFDocument;
type PDFObject = PdfLib.PDFObject;

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
