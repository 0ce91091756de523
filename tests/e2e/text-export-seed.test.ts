/**
 * `npm run export -- --format txt,md`: the seed CV as plain text and Markdown, made from the
 * theme's view model, so every fact the page shows is there.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/export/text/markdown.js';
import { columns, renderText, wrap } from '../../src/export/text/plain-text.js';
import { runScript, type CliResult } from '../support/cli.js';
import { seedResumePath } from '../support/paths.js';
import { normaliseSpace } from '../../src/maintainer/read-output.js';
import { theme } from '../support/theme.js';

const seed = JSON.parse(readFileSync(seedResumePath, 'utf8')) as Resume;
const out = mkdtempSync(join(tmpdir(), 'text-export-'));
let result: CliResult;
let text: string;
let markdown: string;

beforeAll(async () => {
  result = await runScript('export', [
    '--resume',
    seedResumePath,
    '--format',
    'txt,md',
    '--out',
    out,
  ]);
  text = readFileSync(join(out, 'resume.txt'), 'utf8');
  markdown = readFileSync(join(out, 'resume.md'), 'utf8');
});

/** Every publication title, employer and award of the seed, as written in resume.json. */
const facts = [
  ...(seed.publications ?? []).map((p) => p.name ?? ''),
  ...(seed.work ?? []).map((w) => w.name ?? ''),
  ...(seed.awards ?? []).map((a) => a.title ?? ''),
];

describe('dist/resume.txt', () => {
  it('is written by the export command, without a browser', () => {
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('resume.txt');
    expect(result.stderr).not.toContain('chromium');
  });

  it.each(facts)('contains "%s"', (fact) => {
    expect(fact).not.toBe('');
    expect(normaliseSpace(text)).toContain(normaliseSpace(fact));
  });

  it('has no line wider than 80 columns, no markup and no empty placeholders', () => {
    const lines = text.split('\n');
    expect(lines.filter((line) => columns(line) > 80)).toEqual([]);
    expect(lines.filter((line) => [...line].length > 80)).toEqual([]);
    expect(text).not.toMatch(/\*\*|<\/?[a-z]+>|undefined|\[object Object\]|NaN/);
  });

  it('follows the reading order of the PDF: sections in the order the theme shows them', () => {
    const titles = theme.buildViewModel(seed).sections.map((s) => s.title.toUpperCase());
    const positions = titles.map((title) => text.indexOf(`\n${title}\n`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('is the same text the module renders from the view model', () => {
    expect(text).toBe(renderText(theme.buildViewModel(seed)));
  });
});

describe('dist/resume.md', () => {
  it('has a title, one heading per section and the emphasis of the source', () => {
    expect(markdown.startsWith('# Binjie Zhang\n')).toBe(true);
    for (const section of theme.buildViewModel(seed).sections) {
      expect(markdown).toContain(`\n## ${section.title}\n`);
    }
    expect(markdown).toContain('**97.8%**');
    expect(markdown).toContain('[binjie97@u.nus.edu](mailto:binjie97@u.nus.edu)');
  });

  it.each(facts)('contains "%s"', (fact) => {
    const unescaped = markdown.replace(/\\([\\`*_[\]<>~|])/g, '$1');
    expect(normaliseSpace(unescaped)).toContain(normaliseSpace(fact));
  });

  it('numbers publications as an ordered list', () => {
    const count = seed.publications?.length ?? 0;
    for (let n = 1; n <= count; n++) expect(markdown).toMatch(new RegExp(`^${n}\\. \\*\\*`, 'm'));
  });
});

describe('rendering rules', () => {
  it('wraps with a hanging indent and breaks words longer than a line', () => {
    expect(wrap('aaa bbb ccc', 7, '- ', '  ')).toEqual(['- aaa', '  bbb', '  ccc']);
    const url = `https://example.com/${'x'.repeat(100)}`;
    const lines = wrap(url, 40);
    expect(lines.every((line) => columns(line) <= 40)).toBe(true);
    expect(lines.join('')).toBe(url);
  });

  it('counts wide characters as two columns', () => {
    expect(columns('张彬杰')).toBe(6);
    const lines = wrap('张'.repeat(50), 80);
    expect(lines.every((line) => columns(line) <= 80)).toBe(true);
  });

  it('escapes Markdown in plain fields and keeps links from the rendered HTML', () => {
    const vm = theme.buildViewModel({
      basics: { name: 'A *star* [not a link]', summary: 'See [docs](https://example.com) `x*y`' },
    });
    const md = renderMarkdown(vm);
    expect(md).toContain('# A \\*star\\* \\[not a link\\]');
    expect(md).toContain('See [docs](https://example.com) `x*y`');
    const txt = renderText(vm);
    expect(txt).toContain('See docs <https://example.com> x*y');
  });
});
