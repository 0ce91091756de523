/**
 * The plain-text and Markdown exports of a frozen copy of the seed CV, compared with reference
 * files a reviewer reads by eye: wrapping, alignment, facts and Markdown are checked there once,
 * and every change to them shows up here as a diff.
 */
import { readFileSync } from 'node:fs';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../../src/export/text/markdown.js';
import { renderText } from '../../../../src/export/text/plain-text.js';
import { theme } from '../../../support/theme.js';

const seed = (name: string) =>
  readFileSync(new URL(`../../../fixtures/seed/${name}`, import.meta.url), 'utf8');
const viewModel = theme.buildViewModel(JSON.parse(seed('resume.json')) as Resume);

const UPDATE =
  'The export differs from the reference file (diff below). If the change is intended, read the new ' +
  'output line by line, then write it with `npm run export -- --resume tests/fixtures/seed/resume.json ' +
  '--format txt,md --out tests/fixtures/seed` and commit it with the change.';

describe('the exports of the seed CV', () => {
  it('match tests/fixtures/seed/resume.txt', () => {
    expect(renderText(viewModel), UPDATE).toBe(seed('resume.txt'));
  });

  it('match tests/fixtures/seed/resume.md', () => {
    expect(renderMarkdown(viewModel), UPDATE).toBe(seed('resume.md'));
  });
});
