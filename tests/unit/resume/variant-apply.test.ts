/**
 * applyVariant: a named selection of the résumé becomes a standard JSON Resume that the official
 * validator accepts and another theme renders.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { describe, expect, it } from 'vitest';
import { UnknownVariantError, applyVariant, variantNames } from '../../../src/resume/variant.js';
import { loadTheme } from '../../../src/export/theme-loader.js';
import { otherThemesDir, seedResumePath } from '../../support/paths.js';

const require = createRequire(import.meta.url);
const seed = JSON.parse(readFileSync(seedResumePath, 'utf8')) as Resume;

function officialErrors(resume: Resume): unknown {
  const { validate } = require('@jsonresume/schema') as {
    validate: (resume: unknown, callback: (errors: unknown, valid: boolean) => void) => void;
  };
  let result: unknown = 'not called';
  validate(resume, (errors, valid) => (result = valid ? null : errors));
  return result;
}

function withVariants(resume: Resume, variants: NonNullable<Resume['meta']>['variants']): Resume {
  return { ...resume, meta: { ...resume.meta, variants } };
}

const tagged: Resume = {
  basics: { name: 'Ada' },
  publications: [
    { id: 'a', name: 'Agents paper', tags: ['agents'] },
    { id: 'r', name: 'Robotics paper', tags: ['robotics'] },
    { id: 'u', name: 'Untagged paper' },
  ],
  projects: [
    { name: 'Robot arm', publications: ['r', 'a'] },
    { name: 'Walker', publications: ['r'] },
  ],
  awards: [{ title: 'Teaching prize', tags: ['teaching', 'agents'] }],
};

describe('applyVariant on the seed résumé', () => {
  it('lists the variants resume.json ships', () => {
    expect(variantNames(seed)).toEqual(['academic', 'industry']);
  });

  it('academic keeps every section and entry, without meta.variants', () => {
    const academic = applyVariant(seed, 'academic');
    const { variants: _variants, ...meta } = seed.meta ?? {};
    expect(academic).toEqual({ ...seed, meta });
  });

  it('industry removes the sections it leaves out and orders the rest', () => {
    const industry = applyVariant(seed, 'industry');
    expect(industry.meta?.themeOptions?.sections).toEqual(['work', 'publications', 'education']);
    for (const key of ['projects', 'awards', 'skills', 'interests'] as const) {
      expect(industry[key]).toBeUndefined();
    }
    expect(industry.meta).not.toHaveProperty('variants');
    expect(industry.meta?.themeOptions?.hideReviewScores).toBe(true);
    // Merged over the base options, key by key.
    expect(industry.meta?.themeOptions?.accentColor).toBe(seed.meta?.themeOptions?.accentColor);
    expect(industry.meta?.themeOptions?.sectionTitles?.work).toBe('Experience');
  });

  it('industry condenses publications to title and "Venue Year (status)"', () => {
    const publications = applyVariant(seed, 'industry').publications ?? [];
    expect(publications).toHaveLength(seed.publications?.length ?? -1);
    for (const p of publications) {
      expect(Object.keys(p).sort()).toEqual(['id', 'name', 'publisher', 'tags']);
    }
    expect(publications.map((p) => p.publisher)).toContain('ICML 2026 (under review)');
    expect(publications.map((p) => p.publisher)).toContain('IJCAI 2022');
    expect(JSON.stringify(publications)).not.toMatch(/scores|long oral|top 15%/);
  });

  it('industry drops the bullets it excludes, in sub-projects and flat highlights alike', () => {
    const [tiktok] = applyVariant(seed, 'industry').work ?? [];
    const bullets = [
      ...(tiktok?.highlights ?? []),
      ...(tiktok?.projects ?? []).flatMap((p) => p.highlights ?? []),
    ];
    expect(bullets.length).toBeGreaterThan(0);
    expect(bullets.filter((b) => b.includes('My role'))).toEqual([]);
    expect(bullets.some((b) => b.includes('Production impact'))).toBe(true);
  });

  it('leaves its input untouched', () => {
    const before = JSON.stringify(seed);
    applyVariant(seed, 'industry');
    expect(JSON.stringify(seed)).toBe(before);
  });

  it.each(['academic', 'industry'])('%s passes the official validator', (name) => {
    expect(officialErrors(applyVariant(seed, name))).toBeNull();
  });

  it('industry renders with jsonresume-theme-even', async () => {
    const even = await loadTheme('even', otherThemesDir);
    const html = await even.render(applyVariant(seed, 'industry'));
    expect(html).toContain('Binjie Zhang');
    expect(html).toContain('Darwinian Model Upgrades');
    // The awards section is not part of the industry variant.
    expect(html).not.toContain('Annual College Personage Award');
  });
});

describe('applyVariant rules', () => {
  it('keeps untagged entries and tagged ones that carry an included tag', () => {
    const out = applyVariant(
      withVariants(tagged, { agents: { includeTags: ['agents'] } }),
      'agents',
    );
    expect(out.publications?.map((p) => p.id)).toEqual(['a', 'u']);
  });

  it('drops entries carrying an excluded tag, even when also included', () => {
    const variants = { v: { includeTags: ['agents'], excludeTags: ['teaching'] } };
    expect(applyVariant(withVariants(tagged, variants), 'v').awards).toBeUndefined();
  });

  it('drops citations of removed publications, and the list when none remain', () => {
    const out = applyVariant(withVariants(tagged, { v: { excludeTags: ['robotics'] } }), 'v');
    expect(out.projects).toEqual([{ name: 'Robot arm', publications: ['a'] }, { name: 'Walker' }]);
  });

  it('without sections of its own, removes the sections the base options hide', () => {
    const base = { ...tagged, meta: { themeOptions: { sections: ['publications' as const] } } };
    const out = applyVariant(withVariants(base, { v: {} }), 'v');
    expect(out.projects).toBeUndefined();
    expect(out.publications).toHaveLength(3);
  });

  it('names the defined variants for an unknown one', () => {
    const resume = withVariants(tagged, { one: {}, two: {} });
    expect(() => applyVariant(resume, 'three')).toThrow(UnknownVariantError);
    expect(() => applyVariant(resume, 'three')).toThrow(/Defined variants: one, two\./);
    expect(() => applyVariant(tagged, 'x')).toThrow(/defines no variants/);
  });
});
