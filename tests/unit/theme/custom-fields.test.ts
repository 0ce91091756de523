/**
 * Fields the theme has no designed place for read as words: keys become labels ("Years of
 * experience", localised where the key is a known one), custom sections get such headings, empty
 * values print nothing, `meta` never prints, and every fact is still on the page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { expectedFacts, missingFacts, visibleFacts } from '../../support/facts.js';
import { repoRoot } from '../../support/paths.js';
import { theme } from '../../support/theme.js';

const fixture = (language: string): Resume =>
  JSON.parse(
    readFileSync(join(repoRoot, 'tests', 'fixtures', 'languages', `${language}.json`), 'utf8'),
  ) as Resume;

/** The page's text with the spaces between words kept, one space each. */
function words(html: string): string {
  const body = html.slice(html.indexOf('<body'));
  return body
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/ :/g, ':');
}

describe('custom fields', () => {
  it('reads camelCase and snake_case keys as words', () => {
    const html = theme.render({
      basics: { name: 'Ada Ng', yearsOfExperience: 25 },
      work: [{ name: 'Acme', years_of_experience: '3', teamSize: 4 }],
    });
    const text = words(html);
    expect(text).toContain('Years of experience: 25');
    expect(text).toContain('Years of experience: 3');
    expect(text).toContain('Team size: 4');
    expect(text).not.toMatch(/yearsOfExperience|years_of_experience|teamSize/);
  });

  it('names the keys it knows in the page’s language, and the others as words', () => {
    const text = words(theme.render(fixture('de')));
    expect(text).toContain('Berufsjahre: 8');
    expect(text).toContain('Staatsangehörigkeit: deutsch');
    const view = theme.buildViewModel(fixture('de'));
    expect(view.sections.map((s) => s.title)).toContain('Research courses');
    expect(text).not.toMatch(/researchCourses|yearsOfExperience/);
  });

  it('heads custom sections with their key as words', () => {
    const view = theme.buildViewModel(fixture('fr'));
    const titles = view.sections.map((s) => s.title);
    expect(titles).toEqual(expect.arrayContaining(['Availability', 'Mobility']));
    expect(words(theme.render(fixture('fr')))).toContain('Années d’expérience: 6');
  });

  it('prints nothing for empty values, and never meta', () => {
    const resume = fixture('fr');
    const text = words(theme.render(resume));
    expect(text).not.toMatch(/Remote|remote/);
    expect(text).not.toMatch(/lastModified|Last modified|2025-01-12|x-lang|language/i);
    const german = words(theme.render(fixture('de')));
    expect(german).not.toMatch(/signal/i);
    const nested = theme.render({
      basics: { name: 'N' },
      work: [{ name: 'Acme', meta: { source: 'import-tool' } }],
    });
    expect(words(nested)).not.toContain('import-tool');
  });

  it('still drops no fact', () => {
    for (const language of ['de', 'fr']) {
      const resume = fixture(language);
      expect(missingFacts(theme.render(resume), expectedFacts(resume)), language).toEqual([]);
    }
  });

  it('leaves keys written as words as they are', () => {
    const view = theme.buildViewModel({
      basics: { name: 'N' },
      'Research Courses': ['Optics'],
      DevOps: ['Ansible'],
    });
    expect(view.sections.map((s) => s.title)).toEqual(['Research Courses', 'DevOps']);
    expect(visibleFacts(theme.render({ basics: { name: 'N' }, GitHub: 'n' })).text).toContain(
      'GitHub',
    );
  });
});

describe('known keys', () => {
  it('have their words in every language the theme speaks', async () => {
    const { LABELS } = await import('../../../theme/src/labels.js');
    const { fieldLabel } = await import('../../../theme/src/field-labels.js');
    expect(fieldLabel('date_of_birth', 'en', LABELS['en']!)).toBe('Date of birth');
    for (const [language, labels] of Object.entries(LABELS)) {
      if (language === 'en') continue;
      expect(fieldLabel('nationality', language, labels), language).not.toBe('Nationality');
      expect(fieldLabel('date_of_birth', language, labels), language).not.toBe('Date of birth');
    }
  });
});
