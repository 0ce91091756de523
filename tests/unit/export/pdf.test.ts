/** page.pdf's options, from the theme's and the paper asked for. */
import { describe, expect, it } from 'vitest';
import { pdfOptions } from '../../../src/export/pdf.js';

describe('pdfOptions', () => {
  it('uses the theme’s options, A4 when it names no size, and always tags and outlines', () => {
    expect(pdfOptions({}, undefined)).toMatchObject({ format: 'A4', tagged: true, outline: true });
    expect(pdfOptions({ format: 'Letter', mediaType: 'print' }, undefined)).toMatchObject({
      format: 'Letter',
    });
    expect(pdfOptions({ format: 'Letter' }, undefined)).not.toHaveProperty('mediaType');
  });

  it('lets --paper override the theme’s size', () => {
    const options = pdfOptions({ width: '5in', height: '7in' }, 'a4');
    expect(options).toMatchObject({ format: 'A4', width: undefined, height: undefined });
  });
});
