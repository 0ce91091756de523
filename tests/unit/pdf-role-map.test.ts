/**
 * The role map added to Chromium's tags, on structure trees built by hand: the shapes a browser
 * or a theme's custom markup can produce.
 */
import { describe, expect, it } from 'vitest';
import type { PDFDict, PDFDocument, PDFRef } from 'pdf-lib';
import { pdfLib, mapNonStandardRoles } from '../../src/export/printed-pdf.js';

const { PDFDocument: Doc, PDFName } = pdfLib;

/** A document whose structure tree holds the given types, nested in the order given. */
async function taggedDocument(types: string[], roleMap?: Record<string, string>) {
  const doc = await Doc.create();
  let kids: PDFRef[] = [];
  for (const type of [...types].reverse()) {
    kids = [doc.context.register(doc.context.obj({ Type: 'StructElem', S: type, K: kids }))];
  }
  const root = doc.context.obj({
    Type: 'StructTreeRoot',
    K: kids,
    ...(roleMap ? { RoleMap: doc.context.obj(roleMap) } : {}),
  });
  doc.catalog.set(PDFName.of('StructTreeRoot'), doc.context.register(root));
  return doc;
}

function roleMapOf(doc: PDFDocument): Record<string, string> | undefined {
  const root = doc.catalog.lookup(PDFName.of('StructTreeRoot')) as PDFDict;
  const map = root.lookupMaybe(PDFName.of('RoleMap'), pdfLib.PDFDict);
  if (!map) return undefined;
  return Object.fromEntries(
    map.entries().map(([key, value]) => [key.decodeText(), (value as typeof key).decodeText()]),
  );
}

describe('mapNonStandardRoles', () => {
  it('maps the PDF 2.0 types found at any depth to their PDF 1.7 neighbours', async () => {
    const doc = await taggedDocument(['Document', 'P', 'Strong', 'Em']);
    mapNonStandardRoles(doc);
    expect(roleMapOf(doc)).toEqual({ Strong: 'Span', Em: 'Span' });
  });

  it('maps a type it does not know to NonStruct and keeps the entries already there', async () => {
    const doc = await taggedDocument(['Document', 'Sidebar', 'Badge'], { Badge: 'Span' });
    mapNonStandardRoles(doc);
    expect(roleMapOf(doc)).toEqual({ Badge: 'Span', Sidebar: 'NonStruct' });
  });

  it('adds no role map to a tree of standard types, nor to an untagged document', async () => {
    const standard = await taggedDocument(['Document', 'H1', 'P', 'Span']);
    mapNonStandardRoles(standard);
    expect(roleMapOf(standard)).toBeUndefined();
    const untagged = await Doc.create();
    mapNonStandardRoles(untagged);
    expect(untagged.catalog.get(PDFName.of('StructTreeRoot'))).toBeUndefined();
  });
});
