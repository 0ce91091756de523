/** The checks every generated résumé goes through, shared by the generated-* test files. */
import { expect } from 'vitest';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { validateText } from '../../src/validate.js';
import { FORBIDDEN } from './arbitraries.js';
import { inspectHtml, leakedWords } from './html.js';
import { theme } from './theme.js';

/** The generator is honest: our own validator accepts what it makes. */
export function expectValid(resume: Resume): void {
  const outcome = validateText(JSON.stringify(resume, null, 2), 'generated.json');
  expect(outcome.exitCode, outcome.report).toBe(0);
}

/** Renders without throwing, leaks no forbidden word, parses without error; returns the HTML. */
export function expectSoundRender(resume: Resume): string {
  const html = theme.render(resume);
  const { parseErrors, readable } = inspectHtml(html);
  expect(leakedWords(readable, FORBIDDEN)).toEqual([]);
  expect(parseErrors).toEqual([]);
  return html;
}
