/**
 * Generated résumés, checked thoroughly: a sample through html-validate's recommended preset
 * (slow per document, so 100 of them), and résumés with 200+ publications.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resumeArbitrary } from '../support/arbitraries.js';
import { expectSoundRender, expectValid } from '../support/generated.js';
import { htmlValidateErrors } from '../support/html.js';

describe('generated résumés, thorough checks', () => {
  it('100 résumés pass html-validate (recommended preset) with zero errors', async () => {
    let count = 0;
    await fc.assert(
      fc.asyncProperty(resumeArbitrary(), async (resume) => {
        count += 1;
        expectValid(resume);
        expect(await htmlValidateErrors(expectSoundRender(resume))).toEqual([]);
      }),
      // Shapes found by earlier runs, always tried first: a long name full of characters the
      // HTML escapes (html-validate measures the title as written, entities and all).
      { numRuns: 100, examples: [[{ basics: { name: 'A & "B" = <C> '.repeat(8) } }]] },
    );
    expect(count).toBeGreaterThanOrEqual(100);
  });

  it('résumés with 200 to 260 publications', () => {
    let fewest = Infinity;
    fc.assert(
      fc.property(
        resumeArbitrary({ publications: { minLength: 200, maxLength: 260 } }),
        (resume) => {
          fewest = Math.min(fewest, resume.publications?.length ?? 0);
          expectValid(resume);
          expectSoundRender(resume);
        },
      ),
      { numRuns: 10 },
    );
    expect(fewest).toBeGreaterThanOrEqual(200);
  });
});
