/**
 * The real-world corpus itself: every shape listed in its README with where it was seen, no real
 * address in any fixture, the deliberate errors where the README says they are, and every fact of
 * every shape in the rendered page. The shapes through `npm run validate` are
 * tests/e2e/validate-real-world.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { expectedFacts, missingFacts } from '../support/facts.js';
import { EXPECTED_ERRORS, realWorldFolder as folder, shapes } from '../support/real-world.js';
import { theme } from '../support/theme.js';

describe('the real-world corpus', () => {
  test('at least 32 shapes, each listed once in the README with where it was seen and its script', () => {
    expect(shapes.length).toBeGreaterThanOrEqual(32);
    const readme = readFileSync(join(folder, 'README.md'), 'utf8');
    const rows = readme.split('\n').filter((line) => line.startsWith('| `shape-'));
    const listed = rows.map((row) => /`(shape-[^`]+)`/.exec(row)?.[1]);
    expect([...listed].sort()).toEqual(shapes);
    for (const row of rows) {
      // file | shape | seen in | script: every cell filled.
      const cells = row.split(/(?<!\\)\|/).slice(1, -1);
      expect(cells).toHaveLength(4);
      for (const cell of cells) expect(cell.trim()).not.toBe('');
    }
  });

  test('no fixture carries a real address: every email and link is on an example domain', () => {
    for (const file of shapes) {
      const text = readFileSync(join(folder, file), 'utf8');
      for (const email of text.match(/[\w.+-]+@[\w.-]+/g) ?? []) {
        expect(email, `${file}: ${email}`).toMatch(/@example\.[a-z.]+$/);
      }
      for (const url of text.match(/https?:\/\/[^"\s/?#]+/g) ?? []) {
        const host = url.replace(/^https?:\/\//, '');
        const allowed =
          /(^|\.)example\.[a-z.]+$/.test(host) || host === 'raw.githubusercontent.com';
        expect(allowed, `${file}: ${url}`).toBe(true);
      }
    }
  });

  test('the deliberate errors are in the fixtures the README marks as such', () => {
    const readme = readFileSync(join(folder, 'README.md'), 'utf8');
    const marked = readme
      .split('\n')
      .filter((line) => line.includes('**errors**'))
      .map((line) => /`(shape-[^`]+)`/.exec(line)?.[1])
      .filter((file): file is string => file !== undefined);
    expect(marked.sort()).toEqual(Object.keys(EXPECTED_ERRORS).sort());
  });
});

describe('every real-world shape in the page', () => {
  test.each(shapes)('%s shows every fact', (file) => {
    const resume = JSON.parse(readFileSync(join(folder, file), 'utf8')) as Resume;
    expect(missingFacts(theme.render(resume), expectedFacts(resume))).toEqual([]);
  });
});
