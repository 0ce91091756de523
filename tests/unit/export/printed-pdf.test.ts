/**
 * Post-processing the printed PDF: the role map added to Chromium's tags, on structure trees
 * built by hand (the shapes a browser or a theme's custom markup can produce), and the document's
 * metadata and dates, from any JSON a résumé exported with --force may hold.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PDFDict, PDFDocument, PDFRef } from 'pdf-lib';
import type { Resume } from 'jsonresume-theme-camera-ready';
import {
  documentDate,
  mapNonStandardRoles,
  pdfLib,
  pdfMetadataFor,
} from '../../../src/export/printed-pdf.js';

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

describe('PDF metadata', () => {
  it('reads meta.lastModified as UTC when it has no zone', () => {
    expect(documentDate('2026-11-24T00:00:00')?.toISOString()).toBe('2026-11-24T00:00:00.000Z');
    expect(documentDate('2026-11-24')?.toISOString()).toBe('2026-11-24T00:00:00.000Z');
    expect(documentDate('2026-11-24T08:00:00+08:00')?.toISOString()).toBe(
      '2026-11-24T00:00:00.000Z',
    );
    expect(documentDate('yesterday')).toBeUndefined();
  });

  it('takes title, author, subject and keywords from the résumé', () => {
    const now = new Date('2020-01-01T00:00:00Z');
    const metadata = pdfMetadataFor(
      {
        basics: { name: 'Ada Lovelace', label: 'Analyst' },
        skills: [{ name: 'Math', keywords: ['Analysis', 'Math'] }],
      },
      now,
    );
    expect(metadata).toEqual({
      title: 'Ada Lovelace — CV',
      author: 'Ada Lovelace',
      subject: 'Analyst',
      keywords: ['Math', 'Analysis'],
      date: now,
    });
  });
});

describe('PDF metadata from a résumé exported with --force', () => {
  // Any JSON value in any field the metadata reads, and in the objects around them.
  const json = fc.jsonValue({ maxDepth: 3 });
  const resumes = fc.record(
    {
      basics: fc.oneof(json, fc.record({ name: json, label: json }, { requiredKeys: [] })),
      skills: fc.oneof(
        json,
        fc.array(fc.oneof(json, fc.record({ name: json, keywords: json }, { requiredKeys: [] }))),
      ),
      meta: fc.oneof(json, fc.record({ lastModified: json }, { requiredKeys: [] })),
    },
    { requiredKeys: [] },
  );

  it('reads strings only, whatever JSON the fields hold', () => {
    const now = new Date('2020-01-01T00:00:00Z');
    fc.assert(
      fc.property(resumes, (resume) => {
        const metadata = pdfMetadataFor(resume as Resume, now);
        expect(typeof metadata.title).toBe('string');
        expect(metadata.keywords.every((word) => typeof word === 'string')).toBe(true);
        expect(['string', 'undefined']).toContain(typeof metadata.author);
        expect(['string', 'undefined']).toContain(typeof metadata.subject);
        expect(Number.isNaN(metadata.date.getTime())).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps what is a string next to what is not', () => {
    const metadata = pdfMetadataFor({
      basics: { name: 'Ada Example', label: 42 },
      skills: [{ name: 'Rust', keywords: ['Tokio', { nested: true }, 7] }, 'loose', null],
    } as unknown as Resume);
    expect(metadata).toMatchObject({
      title: 'Ada Example — CV',
      subject: undefined,
      keywords: ['Rust', 'Tokio'],
    });
  });
});
