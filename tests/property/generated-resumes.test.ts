/**
 * Generated résumés: 1,000 schema-valid résumés of every shape through the theme's render. It
 * never throws, never leaks `undefined`, `NaN` and the like, and always writes HTML that parses
 * without error. (html-validate runs on a sample in generated-html-validate.test.ts.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resumeArbitrary } from '../support/arbitraries.js';
import { expectSoundRender, expectValid } from '../support/generated.js';

describe('generated résumés through render()', () => {
  it('1,000 résumés: valid input, no leaked words, no HTML parse error', () => {
    let count = 0;
    fc.assert(
      fc.property(resumeArbitrary(), (resume) => {
        count += 1;
        expectValid(resume);
        expectSoundRender(resume);
      }),
      { numRuns: 1000 },
    );
    expect(count).toBeGreaterThanOrEqual(1000);
  });
});
