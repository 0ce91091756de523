/**
 * Loading a theme from any kind of package; whatever a theme throws becomes one line that says
 * what it was, and reading it never throws (the export's own failures through a theme are
 * tests/e2e/export-limits.test.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exitCodeFor } from '../../../src/cli/run-command.js';
import { InputError, ThemeRenderError } from '../../../src/errors.js';
import { describeThrown, loadTheme, themePackageName } from '../../../src/export/theme-loader.js';
import { writeFiles } from '../../support/files.js';
import { otherThemesDir } from '../../support/paths.js';

const cyclic: Record<string, unknown> = {};
cyclic.self = cyclic;
const unreadable = new Error('hidden');
Object.defineProperty(unreadable, 'message', {
  get() {
    throw new Error('getter-throws');
  },
});
const trap = new Proxy(
  {},
  {
    getPrototypeOf() {
      throw new Error('trap');
    },
  },
);

describe('describeThrown', () => {
  it.each<[string, unknown, string]>([
    ['an Error', new TypeError('x is not a function'), 'x is not a function'],
    ['an Error without a message', new RangeError(), 'RangeError without a message'],
    [
      'an Error whose message getter throws',
      unreadable,
      'an Error whose message cannot be read (reading it threw)',
    ],
    ['a string', 'templates missing', 'templates missing'],
    ['an empty string', '', 'an empty string (not an Error)'],
    ['null', null, 'null (not an Error)'],
    ['undefined', undefined, 'undefined (not an Error)'],
    ['a Symbol', Symbol('nope'), 'Symbol(nope) (a Symbol, not an Error)'],
    ['a number', 42, '42 (a number, not an Error)'],
    ['a plain object', { code: 7 }, 'an object, not an Error: {"code":7}'],
    [
      'an object with its own toString',
      { toString: () => 'custom' },
      'an object, not an Error: custom',
    ],
    [
      'an object whose toString throws',
      {
        toString: () => {
          throw new Error('no');
        },
      },
      'a value that cannot be shown as text (reading it threw)',
    ],
    ['a cyclic object', cyclic, 'a value that cannot be shown as text (reading it threw)'],
    ['a Proxy whose traps throw', trap, 'a value that cannot be shown as text (reading it threw)'],
  ])('%s', (_, value, text) => {
    expect(describeThrown(value)).toBe(text);
  });

  it('cuts a long object short', () => {
    expect(describeThrown({ text: 'a'.repeat(1000) })).toHaveLength(
      'an object, not an Error: '.length + 201,
    );
  });
});

const work = mkdtempSync(join(tmpdir(), 'theme-loader-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('loadTheme', () => {
  const project = writeFiles(join(work, 'project'), {
    'package.json': '{"name":"project"}',
    // ESM only, async render, options for page.pdf.
    'node_modules/jsonresume-theme-esm-only/package.json': JSON.stringify({
      name: 'jsonresume-theme-esm-only',
      type: 'module',
      exports: { '.': { import: { types: './x.d.ts', default: './lib/main.js' } } },
    }),
    'node_modules/jsonresume-theme-esm-only/lib/main.js':
      'export const pdfRenderOptions = { format: "Letter" };\n' +
      'export async function render(r) { return `<p>${r.basics.name}</p>`; }\n',
    // CommonJS, module.exports assigned as a whole.
    'node_modules/jsonresume-theme-cjs/package.json': '{"name":"jsonresume-theme-cjs"}',
    'node_modules/jsonresume-theme-cjs/index.js':
      'const render = (r) => "<p>" + r.basics.name + "</p>";\nmodule.exports = { render };\n',
    'not-a-string/index.js': 'exports.render = () => 42;\n',
  });
  const resume = { basics: { name: 'Ada' } };

  it('loads an ESM-only package by its short name, with its pdfRenderOptions', async () => {
    expect(themePackageName('esm-only')).toBe('jsonresume-theme-esm-only');
    const theme = await loadTheme('esm-only', project);
    expect(theme.name).toBe('jsonresume-theme-esm-only');
    expect(await theme.render(resume)).toBe('<p>Ada</p>');
    expect(theme.pdfRenderOptions).toEqual({ format: 'Letter' });
  });

  it('loads a CommonJS package by its full name, from a subfolder of the project', async () => {
    const theme = await loadTheme('jsonresume-theme-cjs', join(project, 'node_modules'));
    expect(await theme.render(resume)).toBe('<p>Ada</p>');
    expect(theme.pdfRenderOptions).toEqual({});
  });

  it('loads the installed jsonresume-theme-even (ESM only) by its short name', async () => {
    const theme = await loadTheme('even', otherThemesDir);
    expect(theme.name).toBe('jsonresume-theme-even');
    expect(await theme.render(resume)).toContain('Ada');
  });

  it('rejects a render that returns no string (exit 3) and a theme not installed (exit 2)', async () => {
    const theme = await loadTheme('./not-a-string', project);
    const wrong = await theme.render(resume).catch((error: unknown) => error);
    expect(wrong).toBeInstanceOf(ThemeRenderError);
    expect(exitCodeFor(wrong)).toBe(3);
    expect(wrong).toMatchObject({ message: expect.stringMatching(/returned number/) });
    const missing = await loadTheme('absent', project).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(InputError);
    expect(exitCodeFor(missing)).toBe(2);
  });
});
