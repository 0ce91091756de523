/** What poppler-utils reads in a PDF: page count, page size, text. */
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

/** The text in reading order, whitespace-normalised. */
export async function pdfText(path: string): Promise<string> {
  const { stdout } = await exec('pdftotext', ['-enc', 'UTF-8', path, '-'], { maxBuffer: 64 << 20 });
  return normaliseSpace(stdout);
}
