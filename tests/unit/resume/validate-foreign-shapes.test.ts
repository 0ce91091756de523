/**
 * Never stricter than the official validator: fields of the camera-ready extensions accept the
 * shapes other tools give them (cvkit's `publications[].authors` as `{ name, … }` objects), and a
 * shape the theme cannot use is a warning, not an error. The theme prints object authors by name.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { validateText } from '../../../src/resume/validate.js';
import { expectedFacts, missingFacts, visibleFacts } from '../../support/facts.js';
import { repoRoot } from '../../support/paths.js';
import { theme } from '../../support/theme.js';

const official = createRequire(import.meta.url)('@jsonresume/schema') as {
  validate(resume: unknown, callback: (errors: unknown[] | null) => void): void;
};

function officiallyValid(resume: unknown): boolean {
  let valid = false;
  official.validate(resume, (errors) => {
    valid = (errors ?? []).length === 0;
  });
  return valid;
}

const cvkitFile = join(repoRoot, 'tests', 'fixtures', 'languages', 'shape-cvkit-authors-sv.json');
const cvkitText = readFileSync(cvkitFile, 'utf8');
const cvkit = JSON.parse(cvkitText) as Resume;

const severities = (text: string) =>
  validateText(text, 'cv.json').diagnostics.map((d) => [d.severity, d.path]);

describe('the validator and other tools’ shapes', () => {
  it('accepts a cvkit file with author objects, as the official validator does', () => {
    expect(officiallyValid(cvkit)).toBe(true);
    const outcome = validateText(cvkitText, cvkitFile);
    expect(outcome.status).toBe('ok');
    expect(outcome.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // "Preprint" is not one of the statuses the theme knows: a warning with the fix.
    expect(outcome.diagnostics.map((d) => [d.severity, d.path, d.hint])).toEqual([
      ['warning', 'publications[1].status', 'use "preprint".'],
    ]);
  });

  it('warns, never fails, on an extension field in a shape the theme cannot use', () => {
    const resume = {
      basics: { name: 'Ada' },
      publications: [{ name: 'P', authors: [42, { affiliation: 'Lab' }], scores: 'high' }],
      work: [{ name: 'W', expected: 'yes', projects: 'several' }],
    };
    expect(officiallyValid(resume)).toBe(true);
    const outcome = validateText(JSON.stringify(resume, null, 2), 'cv.json');
    expect(outcome.status).toBe('ok');
    expect(outcome.diagnostics.map((d) => [d.severity, d.path])).toEqual([
      ['warning', 'publications[0].authors[0]'],
      ['warning', 'publications[0].authors[1]'],
      ['warning', 'publications[0].scores'],
      ['warning', 'work[0].expected'],
      ['warning', 'work[0].projects'],
    ]);
  });

  it('still fails where the official validator fails', () => {
    expect(severities(JSON.stringify({ work: [{ startDate: 'March' }] }))).toEqual([
      ['error', 'work[0].startDate'],
    ]);
    expect(officiallyValid({ work: [{ startDate: 'March' }] })).toBe(false);
  });
});

describe('the theme and author objects', () => {
  it('lists object authors by name, the owner marked, and shows the rest of each', () => {
    const view = theme.buildViewModel(cvkit);
    const publications = view.sections.find((s) => s.key === 'publications');
    const first = publications?.key === 'publications' ? publications.entries[0] : undefined;
    expect(first?.authors).toEqual([
      { name: 'Maja Sandell', isOwner: true },
      { name: 'Erik Holm', isOwner: false },
      { name: 'Ana Ruiz', isOwner: false },
    ]);
    const html = theme.render(cvkit);
    expect(html).not.toContain('[object Object]');
    const { text } = visibleFacts(html);
    expect(text).toContain('MajaSandell,ErikHolm,AnaRuiz');
    expect(missingFacts(html, expectedFacts(cvkit))).toEqual([]);
  });
});
