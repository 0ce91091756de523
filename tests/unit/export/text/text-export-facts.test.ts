/**
 * The plain-text and Markdown exports carry the facts the page shows beyond the designed fields:
 * unknown fields (the details line) and top-level fields that are not JSON Resume sections.
 */
import { describe, expect, it } from 'vitest';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { renderMarkdown } from '../../../../src/export/text/markdown.js';
import { renderText } from '../../../../src/export/text/plain-text.js';
import { expectedFacts } from '../../../support/facts.js';
import { theme } from '../../../support/theme.js';

const resume = {
  basics: { name: 'Ada Example', nationality: 'mk01q' },
  work: [{ company: 'mk02q', position: 'mk03q', salary: 'mk04q' }],
  education: [{ institution: 'mk05q', gpa: 'mk06q', honours: ['mk07q', 'mk08q'] }],
  skills: [{ name: 'mk09q', keywords: ['mk10q'], years: 7000011 }],
  languages: [{ language: 'mk12q', certificate: 'mk13q' }],
  interests: [{ name: 'mk14q', since: 'mk15q' }],
  patents: [{ title: 'mk16q', url: 'https://example.org/mk17q' }],
} as unknown as Resume;

describe.each([
  ['text', renderText],
  ['Markdown', renderMarkdown],
])('the %s export', (_, render) => {
  it('holds every fact of the résumé', () => {
    const output = render(theme.buildViewModel(resume));
    // Plain text sets the name in capitals and shows an address without its scheme, as written
    // for a reader; the Markdown keeps both as they are.
    const shown = (value: string) => [
      value,
      value.toUpperCase(),
      value.replace(/^https?:\/\//, ''),
    ];
    const missing = expectedFacts(resume).filter(
      (fact) => !shown(fact.value).some((form) => output.includes(form)),
    );
    expect(missing).toEqual([]);
  });
});
