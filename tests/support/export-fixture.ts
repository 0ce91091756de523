/**
 * A copy of the CV with a URL in every place a résumé can hold one, and what a PDF says about
 * its links and bookmarks (read with pdf-lib).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PDFDocument } from 'pdf-lib';
// The exporter's own pdf-lib: its outline readers check objects against these classes.
import { pdfLib, outlineItems, outlineTitle } from '../../src/export/printed-pdf.js';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { seedResumePath } from './paths.js';

const { PDFArray, PDFDict, PDFName, PDFString, PDFHexString } = pdfLib;

export function seedResume(): Resume {
  return JSON.parse(readFileSync(seedResumePath, 'utf8')) as Resume;
}

/** Writes the CV, with URLs added, to `folder/linked.json`; returns the path and every URL in it. */
export function writeLinkedResume(folder: string): { path: string; urls: string[] } {
  const resume = seedResume();
  const at = (name: string) => `https://example.org/${name}`;
  resume.basics = {
    ...resume.basics,
    url: at('home'),
    profiles: [{ network: 'GitHub', username: 'someone', url: at('github') }],
  };
  resume.publications = resume.publications?.map((publication, index) => ({
    ...publication,
    url: at(`paper-${index}`),
  }));
  resume.work = resume.work?.map((work, index) => ({
    ...work,
    url: at(`employer-${index}`),
    projects: work.projects?.map((project, inner) => ({
      ...project,
      url: at(`work-${index}-project-${inner}`),
    })),
  }));
  resume.projects = resume.projects?.map((project, index) => ({
    ...project,
    url: at(`project-${index}`),
  }));
  const path = join(folder, 'linked.json');
  writeFileSync(path, JSON.stringify(resume, null, 2));
  return { path, urls: urlsIn(resume) };
}

/** Every http(s) URL anywhere in a value (the `$schema` reference excepted). */
export function urlsIn(value: unknown, key = ''): string[] {
  if (typeof value === 'string') {
    return key !== '$schema' && /^https?:\/\//.test(value) ? [value] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item) => urlsIn(item));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => urlsIn(v, k));
  }
  return [];
}

export async function loadPdf(path: string): Promise<PDFDocument> {
  return pdfLib.PDFDocument.load(readFileSync(path), { updateMetadata: false });
}

/** The URIs of every link annotation, page by page. */
export function linkUris(doc: PDFDocument): string[] {
  return linkAnnotations(doc)
    .flat()
    .filter((target) => !target.startsWith('#'));
}

/**
 * Where each page's link annotations lead: a URI, or `#` and the name of a destination in the
 * document (a cross-reference).
 */
export function linkAnnotations(doc: PDFDocument): string[][] {
  return doc.getPages().map((page) => {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    if (!annots) return [];
    return annots.asArray().flatMap((ref) => {
      const annot = doc.context.lookup(ref, PDFDict);
      if (annot.get(PDFName.of('Subtype')) !== PDFName.of('Link')) return [];
      const action = annot.lookupMaybe(PDFName.of('A'), PDFDict);
      const uri = action?.lookup(PDFName.of('URI'));
      if (uri instanceof PDFString || uri instanceof PDFHexString) return [uri.decodeText()];
      const dest = annot.lookup(PDFName.of('Dest'));
      if (dest instanceof PDFString || dest instanceof PDFHexString)
        return [`#${dest.decodeText()}`];
      return [`#${dest instanceof PDFName ? dest.decodeText() : String(dest)}`];
    });
  });
}

/** The top-level bookmark titles, in order. */
export function bookmarkTitles(doc: PDFDocument): string[] {
  return outlineItems(doc)
    .filter((item) => item.depth === 0)
    .map((item) => outlineTitle(item.dict));
}
