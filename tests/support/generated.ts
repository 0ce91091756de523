/** The checks every generated résumé goes through, shared by the generated-* test files. */
import { expect } from 'vitest';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { validateText } from '../../src/resume/validate.js';
import { FORBIDDEN } from './arbitraries.js';
import { inspectHtml, leakedWords } from './html.js';
import { theme } from './theme.js';

/** The generator is honest: our own validator accepts what it makes. */
export function expectValid(resume: Resume): void {
  const outcome = validateText(JSON.stringify(resume, null, 2), 'generated.json');
  expect(outcome.status, outcome.report).toBe('ok');
}

/**
 * The theme's embedded fonts: the same ~110 KB of base64 CSS in every document, cut before the
 * HTML is parsed so that parsing a thousand documents measures what the data changes.
 */
const FONTS = /<style>([^<]{10000,})<\/style>/.exec(theme.render({}))?.[1] ?? '';

/**
 * Renders without throwing, leaks no forbidden word, parses without error; returns the HTML with
 * the fonts cut (html-validate does not read CSS, so it judges the same document).
 */
export function expectSoundRender(resume: Resume): string {
  const rendered = theme.render(resume);
  const html = FONTS ? rendered.replace(FONTS, '') : rendered;
  const { parseErrors, readable } = inspectHtml(html);
  expect(leakedWords(readable, FORBIDDEN)).toEqual([]);
  expect(parseErrors).toEqual([]);
  return html;
}
