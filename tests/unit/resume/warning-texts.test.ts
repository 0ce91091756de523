/**
 * What the validator's warnings say camera-ready prints, checked against what the theme prints
 * for the same résumé: an HTML entity, and a misspelt field.
 */
import { describe, expect, it } from 'vitest';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { htmlToText } from '../../../src/maintainer/read-output.js';
import { validateText } from '../../../src/resume/validate.js';
import { theme } from '../../support/theme.js';

function warningsAndPage(resume: Resume) {
  const outcome = validateText(JSON.stringify(resume, null, 2), 'cv.json');
  return { diagnostics: outcome.diagnostics, page: htmlToText(theme.render(resume)) };
}

describe('warnings describe the page camera-ready prints', () => {
  it('an entity: read as its character in a summary, printed as written in a label', () => {
    const { diagnostics, page } = warningsAndPage({
      basics: { name: 'Ada Quill', label: 'R&amp;D lead', summary: 'Research &amp; teaching' },
    });
    expect(page).toContain('Research & teaching');
    expect(page).toContain('R&amp;D lead');
    expect(diagnostics.map((d) => [d.path, d.message])).toEqual([
      [
        'basics.label',
        'HTML entity "&amp;" in the text: camera-ready prints the character it stands for in summaries, descriptions and highlights, but the entity as written in every other field; other themes differ.',
      ],
      [
        'basics.summary',
        'HTML entity "&amp;" in the text: camera-ready prints the character it stands for in summaries, descriptions and highlights, but the entity as written in every other field; other themes differ.',
      ],
    ]);
    expect(diagnostics[0]?.message).not.toContain('shows it as written, tags and all');
  });

  it('a misspelt field is printed, out of its place, under its own name: not ignored', () => {
    const { diagnostics, page } = warningsAndPage({
      basics: { name: 'Ada Quill', emial: 'ada@example.org' },
    });
    expect(page).toMatch(/emial\W+ada@example\.org/i);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.hint).toBe(
      'rename it to "email"; camera-ready prints a field it does not know only as an extra line under its own name, and other themes leave it out.',
    );
  });
});
