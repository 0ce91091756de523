/**
 * The theme as resume-cli loads it: `require()` gives a synchronous `render` (`import()` in plain
 * Node is tests/e2e/theme-import.test.ts), and every résumé shape, from `{}` to the official
 * samples, renders without leaking JavaScript values into the page or showing empty sections.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Resume, SectionKey } from 'jsonresume-theme-camera-ready';
import { seedResumePath } from '../../support/paths.js';
import { htmlToText } from '../../../src/maintainer/read-output.js';
import { theme } from '../../support/theme.js';

const require = createRequire(import.meta.url);
const schemaDir = join(require.resolve('@jsonresume/schema/package.json'), '..');

function readJson(path: string): Resume {
  return JSON.parse(readFileSync(path, 'utf8')) as Resume;
}

const fixtures: [string, Resume][] = [
  ['seed resume.json', readJson(seedResumePath)],
  ['sample.resume.json', readJson(join(schemaDir, 'sample.resume.json'))],
  ...readdirSync(join(schemaDir, 'examples'))
    .filter((file) => file.endsWith('.json'))
    .map((file): [string, Resume] => [file, readJson(join(schemaDir, 'examples', file))]),
  ['{}', {}],
];

/** The page without its style sheets, whose base64 fonts may hold any letters. */
function withoutStyles(html: string): string {
  return html.replace(/<style>[\s\S]*?<\/style>/g, '');
}

const FORBIDDEN = ['undefined', 'null', '[object Object]', 'NaN', 'Invalid Date'];

function expectClean(html: string): void {
  const page = withoutStyles(html);
  for (const word of FORBIDDEN) expect(page).not.toContain(word);
}

/** The section keys that have a heading in the page. */
function renderedSections(html: string): string[] {
  return [...html.matchAll(/<h2 id="section-([a-z]+)"/g)].map((m) => m[1] ?? '');
}

describe('entry points', () => {
  it('require() gives a synchronous render and the PDF options', () => {
    const cjs = require('jsonresume-theme-camera-ready') as typeof theme;
    expect(typeof cjs.render).toBe('function');
    const html: unknown = cjs.render({ basics: { name: 'Ada Lovelace' } });
    expect(typeof html).toBe('string');
    expect(cjs.pdfRenderOptions).toEqual({
      mediaType: 'print',
      printBackground: true,
      preferCSSPageSize: true,
      format: 'A4',
    });
  });

  it('resume-cli finds index.js at the package root', () => {
    const root = join(require.resolve('jsonresume-theme-camera-ready/package.json'), '..');
    expect(require(join(root, 'index.js'))).toBe(theme);
  });
});

describe('every résumé shape renders cleanly', () => {
  it.each(fixtures)('%s', (_, resume) => {
    const html = theme.render(resume);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expectClean(html);
    expect(html.match(/<h1[ >]/g)?.length ?? 0).toBe(resume.basics?.name ? 1 : 0);
    const name = resume.basics?.name;
    expect(html).toContain(`<title>${name ? `${name} — CV` : 'CV'}</title>`);
  });

  it('shows each section when present and none when empty', () => {
    const sample = readJson(join(schemaDir, 'sample.resume.json'));
    const present = (Object.keys(sample) as SectionKey[]).filter(
      (key) => Array.isArray(sample[key]) && (sample[key] as unknown[]).length > 0,
    );
    expect(present.length).toBeGreaterThanOrEqual(10);
    expect(renderedSections(theme.render(sample)).sort()).toEqual([...present].sort());
    for (const key of present) {
      const without = { ...sample, [key]: [] };
      expect(renderedSections(theme.render(without))).not.toContain(key);
    }
  });

  it('a section of empty entries has no heading', () => {
    const keys: SectionKey[] = [...theme.SECTION_KEYS];
    const empty = Object.fromEntries(keys.map((key) => [key, [{}, {}]])) as Resume;
    const html = theme.render({ ...empty, basics: {} });
    expect(renderedSections(html)).toEqual([]);
    expect(withoutStyles(html)).not.toMatch(/<(h1|h2|h3|li|article)\b/);
    expectClean(html);
  });

  it('odd but valid shapes do not break it', () => {
    const long = 'x'.repeat(600);
    const resume: Resume = {
      basics: {
        name: 'Ada',
        profiles: [{ network: 'GitHub' }, { username: 'ada' }, { url: 'https://ada.dev' }, {}],
        location: {},
      },
      work: [{ highlights: ['', '  ', 'Kept'], name: long }],
      publications: Array.from({ length: 220 }, (_, i) => ({ name: `Paper ${i + 1}` })),
      projects: [{ name: 'P', publications: ['nope', 'also-missing'] }],
      skills: [{ keywords: [] }, { name: 'Tools', keywords: ['', 'Vim'] }],
      meta: { themeOptions: { locale: 'not a locale!', accentColor: 'red; x' } },
    };
    const html = theme.render(resume);
    expectClean(html);
    expect(html).toContain('[220]');
    expect(html).toContain(long);
    const text = htmlToText(html);
    expect(text).toContain('GitHub ada ada.dev');
    expect(html).not.toContain('<li></li>');
    expect(html).toContain('--accent: #1f4e79');
  });

  it('keeps the document title within 70 characters', () => {
    const name = 'Maximiliane '.repeat(10).trim();
    const title = /<title>(.*)<\/title>/.exec(theme.render({ basics: { name } }))?.[1] ?? '';
    expect(title.startsWith('Maximiliane Maximiliane')).toBe(true);
    expect(title.endsWith('… — CV')).toBe(true);
    expect(title.length).toBeLessThanOrEqual(70);
    const flags = /<title>(.*)<\/title>/.exec(theme.render({ basics: { name: '🇸🇬'.repeat(40) } }));
    expect(flags?.[1]?.length).toBeLessThanOrEqual(70);
    expect(flags?.[1]).toMatch(/^(🇸🇬)+…/u);
  });

  it('renders without basics and with only basics', () => {
    expect(renderedSections(theme.render({ basics: { name: 'Only Me' } }))).toEqual([]);
    const html = theme.render({ education: [{ institution: 'MIT' }] });
    expect(html).not.toContain('<header');
    expect(renderedSections(html)).toEqual(['education']);
  });
});
