/**
 * Text written to BibTeX keeps its words apart: a line break or tab inside a title, venue or name
 * (pasted from a PDF, say) is one space, never nothing.
 */
import { describe, expect, it } from 'vitest';
import { writeBib } from '../../../src/bib/write.js';

describe('writeBib: whitespace', () => {
  it('turns line breaks and tabs inside fields into one space', () => {
    const { text } = writeBib({
      publications: [
        {
          name: 'Learning to\nRank with\r\n\tPairs',
          venue: 'Journal of\nRetrieval',
          authors: ['Mira\nSolberg'],
          releaseDate: '2021',
        },
      ],
    });
    expect(text).toContain('title = {{Learning to Rank with Pairs}},');
    expect(text).toContain('journal = {Journal of Retrieval},');
    expect(text).toContain('author = {Solberg, Mira},');
  });

  it('keeps a no-break space as the tie it is', () => {
    const { text } = writeBib({ publications: [{ name: 'Figure\u00a01 explained' }] });
    expect(text).toContain('title = {{Figure~1 explained}},');
  });
});
