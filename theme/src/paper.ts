import type { PaperSize } from './types';

export interface PaperDimensions {
  /** How the paper is named to readers, e.g. in "2 pages A4". */
  label: string;
  /** The CSS `@page` size keyword. */
  pageSize: 'A4' | 'letter';
  /** The CSS `@page` margin. Letter is 17.6 mm shorter than A4, so it takes 2 mm less at top and
   * bottom: what a two-page CV needs to stay on two pages. */
  pageMargin: string;
  widthMm: number;
  heightMm: number;
}

/** Every paper the theme prints on; the exporter sizes its PDF and preview from this table. */
export const PAPER_DIMENSIONS = {
  a4: { label: 'A4', pageSize: 'A4', pageMargin: '12mm 15mm', widthMm: 210, heightMm: 297 },
  letter: {
    label: 'Letter',
    pageSize: 'letter',
    pageMargin: '10mm 15mm',
    widthMm: 215.9,
    heightMm: 279.4,
  },
} as const satisfies Record<PaperSize, PaperDimensions>;
