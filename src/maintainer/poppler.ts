/** What poppler-utils reads in a PDF: page count, page size, text, fonts. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { normaliseSpace } from './html-text.js';

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
