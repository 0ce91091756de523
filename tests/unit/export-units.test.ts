/**
 * The exporter's parts that need no browser: atomic writes, theme loading from any kind of
 * package, page.pdf options, document dates, the request filter, the browser lookup. (Taking
 * over the lock of a killed writer needs a real process: tests/e2e/atomic-write-takeover.test.ts.)
 */
import { execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  LOCK_NAME,
  OutputLockedError,
  UnsafeFileNameError,
  writeFileAtomic,
  writeFilesAtomic,
} from '../../src/export/write-files.js';
import { findBrowser } from '../../src/browser/find.js';
import { exitCodeFor } from '../../src/cli/run-command.js';
import { ExportStepError, InputError, ThemeRenderError } from '../../src/errors.js';
import { runStep } from '../../src/export/browser-session.js';
import { isAllowedRequest } from '../../src/browser/page-seal.js';
import { documentDate, pdfMetadataFor } from '../../src/export/printed-pdf.js';
import { pdfOptions } from '../../src/export/pdf.js';
import { peekMetaTheme } from '../../src/export/read-resume.js';
import { loadTheme, themePackageName } from '../../src/export/theme-loader.js';
import { otherThemesDir } from '../support/paths.js';
import type { Resume } from 'jsonresume-theme-camera-ready';

const work = mkdtempSync(join(tmpdir(), 'export-units-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function writeFiles(folder: string, files: Record<string, string>): string {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(folder, name, '..'), { recursive: true });
    writeFileSync(join(folder, name), text);
  }
  return folder;
}

describe('writeFilesAtomic', () => {
  it('replaces a file whole and leaves no temporary file', async () => {
    const folder = mkdtempSync(join(work, 'atomic-'));
    await writeFileAtomic(join(folder, 'a.txt'), 'old');
    await writeFileAtomic(join(folder, 'a.txt'), 'new');
    expect(readFileSync(join(folder, 'a.txt'), 'utf8')).toBe('new');
    expect(readdirSync(folder)).toEqual(['a.txt']);
  });

  it('changes nothing when one of the files cannot be written', async () => {
    const folder = mkdtempSync(join(work, 'atomic-'));
    writeFileSync(join(folder, 'a.txt'), 'previous');
    // The same name twice: the second write into the staging folder fails.
    const files = [
      { name: 'a.txt', data: 'next' },
      { name: 'b.txt', data: 'next' },
      { name: 'b.txt', data: 'again' },
    ];
    await expect(writeFilesAtomic(folder, files)).rejects.toThrow(/EEXIST/);
    expect(readFileSync(join(folder, 'a.txt'), 'utf8')).toBe('previous');
    expect(readdirSync(folder)).toEqual(['a.txt']);
  });

  it.each(['../x.html', 'sub/x.html', '..', '', 'a\\b'])(
    'refuses the name %j, which is no plain file name, before writing anything',
    async (name) => {
      const folder = mkdtempSync(join(work, 'atomic-'));
      const files = [
        { name: 'a.txt', data: 'next' },
        { name, data: 'outside' },
      ];
      await expect(writeFilesAtomic(join(folder, 'out'), files)).rejects.toBeInstanceOf(
        UnsafeFileNameError,
      );
      expect(readdirSync(folder)).toEqual([]);
    },
  );

  it('waits for a live writer’s lock and then gives up, leaving its lock and files alone', async () => {
    const folder = mkdtempSync(join(work, 'atomic-'));
    writeFileSync(join(folder, 'a.txt'), 'previous');
    // This very process is alive, so the lock is not stale.
    writeFileSync(join(folder, LOCK_NAME), `${process.pid}\n`);
    const write = writeFilesAtomic(folder, [{ name: 'a.txt', data: 'next' }], { lockWaitMs: 200 });
    await expect(write).rejects.toBeInstanceOf(OutputLockedError);
    expect(readFileSync(join(folder, 'a.txt'), 'utf8')).toBe('previous');
    expect(readdirSync(folder).sort()).toEqual([LOCK_NAME, 'a.txt']);
  });
});

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

describe('peekMetaTheme', () => {
  it('reads meta.theme ahead of validation, and nothing from what validation must report', () => {
    const folder = writeFiles(join(work, 'peek'), {
      'named.json': JSON.stringify({ meta: { theme: 'even' } }),
      'unnamed.json': JSON.stringify({ basics: { name: 'Ada' } }),
      'broken.json': '{ "meta": { "theme": "even" } ',
      'large.json': JSON.stringify({ meta: { theme: 'even' }, pad: 'x'.repeat(1024 * 1024) }),
    });
    expect(peekMetaTheme(join(folder, 'named.json'))).toBe('even');
    expect(peekMetaTheme(join(folder, 'unnamed.json'))).toBeUndefined();
    expect(peekMetaTheme(join(folder, 'broken.json'))).toBeUndefined();
    // Past 1 MB the peek would cost more than it saves.
    expect(peekMetaTheme(join(folder, 'large.json'))).toBeUndefined();
    expect(peekMetaTheme(folder)).toBeUndefined();
    expect(peekMetaTheme(join(folder, 'missing.json'))).toBeUndefined();
    // A named pipe with no writer is refused at once, not waited on.
    execFileSync('mkfifo', [join(folder, 'pipe.json')]);
    expect(peekMetaTheme(join(folder, 'pipe.json'))).toBeUndefined();
  });
});

describe('pdfOptions', () => {
  it('uses the theme’s options, A4 when it names no size, and always tags and outlines', () => {
    expect(pdfOptions({}, undefined)).toMatchObject({ format: 'A4', tagged: true, outline: true });
    expect(pdfOptions({ format: 'Letter', mediaType: 'print' }, undefined)).toMatchObject({
      format: 'Letter',
    });
    expect(pdfOptions({ format: 'Letter' }, undefined)).not.toHaveProperty('mediaType');
  });

  it('lets --paper override the theme’s size', () => {
    const options = pdfOptions({ width: '5in', height: '7in' }, 'a4');
    expect(options).toMatchObject({ format: 'A4', width: undefined, height: undefined });
  });
});

describe('PDF metadata', () => {
  it('reads meta.lastModified as UTC when it has no zone', () => {
    expect(documentDate('2026-11-24T00:00:00')?.toISOString()).toBe('2026-11-24T00:00:00.000Z');
    expect(documentDate('2026-11-24')?.toISOString()).toBe('2026-11-24T00:00:00.000Z');
    expect(documentDate('2026-11-24T08:00:00+08:00')?.toISOString()).toBe(
      '2026-11-24T00:00:00.000Z',
    );
    expect(documentDate('yesterday')).toBeUndefined();
  });

  it('takes title, author, subject and keywords from the résumé', () => {
    const now = new Date('2020-01-01T00:00:00Z');
    const metadata = pdfMetadataFor(
      {
        basics: { name: 'Ada Lovelace', label: 'Analyst' },
        skills: [{ name: 'Math', keywords: ['Analysis', 'Math'] }],
      },
      now,
    );
    expect(metadata).toEqual({
      title: 'Ada Lovelace — CV',
      author: 'Ada Lovelace',
      subject: 'Analyst',
      keywords: ['Math', 'Analysis'],
      date: now,
    });
  });
});

describe('PDF metadata from a résumé exported with --force', () => {
  // Any JSON value in any field the metadata reads, and in the objects around them.
  const json = fc.jsonValue({ maxDepth: 3 });
  const resumes = fc.record(
    {
      basics: fc.oneof(json, fc.record({ name: json, label: json }, { requiredKeys: [] })),
      skills: fc.oneof(
        json,
        fc.array(fc.oneof(json, fc.record({ name: json, keywords: json }, { requiredKeys: [] }))),
      ),
      meta: fc.oneof(json, fc.record({ lastModified: json }, { requiredKeys: [] })),
    },
    { requiredKeys: [] },
  );

  it('reads strings only, whatever JSON the fields hold', () => {
    const now = new Date('2020-01-01T00:00:00Z');
    fc.assert(
      fc.property(resumes, (resume) => {
        const metadata = pdfMetadataFor(resume as Resume, now);
        expect(typeof metadata.title).toBe('string');
        expect(metadata.keywords.every((word) => typeof word === 'string')).toBe(true);
        expect(['string', 'undefined']).toContain(typeof metadata.author);
        expect(['string', 'undefined']).toContain(typeof metadata.subject);
        expect(Number.isNaN(metadata.date.getTime())).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps what is a string next to what is not', () => {
    const metadata = pdfMetadataFor({
      basics: { name: 'Ada Example', label: 42 },
      skills: [{ name: 'Rust', keywords: ['Tokio', { nested: true }, 7] }, 'loose', null],
    } as unknown as Resume);
    expect(metadata).toMatchObject({
      title: 'Ada Example — CV',
      subject: undefined,
      keywords: ['Rust', 'Tokio'],
    });
  });
});

describe('runStep', () => {
  const limits = { format: 'pdf', timeoutMs: 5000, browserGone: () => false };

  it('names our own post-processing, not the browser, when it throws', async () => {
    const failure = runStep(
      'post-processing',
      () => Promise.reject(new TypeError('skills is not iterable')),
      { ...limits, browserGone: () => true },
    );
    await expect(failure).rejects.toThrow(
      /^Export to PDF failed while finishing the PDF \(metadata, bookmarks, paper size\): skills is not iterable\. This is a fault in the exporter itself/,
    );
  });

  it('blames the browser only when it is gone', async () => {
    const failure = runStep('print', () => Promise.reject(new Error('Target closed')), {
      ...limits,
      browserGone: () => true,
    });
    await expect(failure).rejects.toThrow(
      /^Export to PDF failed: the browser stopped responding or was closed while printing the PDF/,
    );
  });

  it('stops a step that outlasts its limit, naming it', async () => {
    const failure = runStep('page', () => new Promise<never>(() => undefined), {
      ...limits,
      timeoutMs: 50,
    });
    const error = await failure.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ExportStepError);
    expect(exitCodeFor(error)).toBe(3);
    expect(error).toMatchObject({
      message: expect.stringMatching(
        /^Export to PDF failed: loading the page took longer than 0\.05 s/,
      ),
    });
  });

  it('ends at once when the page breaks', async () => {
    const broken = Promise.reject(new ExportStepError('The page tried to leave the résumé'));
    const failure = runStep('print', () => new Promise<never>(() => undefined), {
      ...limits,
      broken,
    });
    await expect(failure).rejects.toThrow('The page tried to leave the résumé');
  });
});

describe('isAllowedRequest', () => {
  const folder = join(work, 'cv');
  it('allows inline data and the résumé’s own folder, nothing else', () => {
    expect(isAllowedRequest('data:font/woff2;base64,AAAA', folder)).toBe(true);
    expect(isAllowedRequest('about:blank', folder)).toBe(true);
    expect(isAllowedRequest(pathToFileURL(join(folder, 'photo.jpg')).href, folder)).toBe(true);
    expect(isAllowedRequest(pathToFileURL(`${folder}-other/photo.jpg`).href, folder)).toBe(false);
    expect(isAllowedRequest('file:///etc/passwd', folder)).toBe(false);
    expect(isAllowedRequest('https://fonts.googleapis.com/css', folder)).toBe(false);
  });

  it('refuses a file reached through a link in the folder that points outside it', () => {
    const received = mkdtempSync(join(work, 'received-'));
    const secret = join(work, 'secret.png');
    writeFileSync(secret, '\x89PNG\r\n\x1a\n private');
    writeFileSync(join(received, 'own.png'), '\x89PNG\r\n\x1a\n');
    symlinkSync(secret, join(received, 'photo.png'));
    symlinkSync(work, join(received, 'up'));
    expect(isAllowedRequest(pathToFileURL(join(received, 'own.png')).href, received)).toBe(true);
    expect(isAllowedRequest(pathToFileURL(join(received, 'photo.png')).href, received)).toBe(false);
    expect(isAllowedRequest(pathToFileURL(join(received, 'up/secret.png')).href, received)).toBe(
      false,
    );
  });
});

describe('findBrowser', () => {
  it('trusts an explicit PUPPETEER_EXECUTABLE_PATH and never falls back from it', async () => {
    const lookup = await findBrowser({
      PUPPETEER_EXECUTABLE_PATH: '/nonexistent',
      PATH: '/usr/bin',
    });
    expect(lookup).toEqual({
      found: false,
      explicit: true,
      reason: 'PUPPETEER_EXECUTABLE_PATH is set to /nonexistent, which does not exist.',
    });
  });

  it('finds a system browser on PATH', async () => {
    const folder = writeFiles(join(work, 'bin'), { chromium: '' });
    const lookup = await findBrowser({ PATH: folder, PUPPETEER_CACHE_DIR: join(work, 'none') });
    expect(lookup).toMatchObject({ found: true, path: join(folder, 'chromium'), source: 'system' });
  });

  it('prefers a headless shell to a full browser on PATH', async () => {
    const browsers = writeFiles(join(work, 'browsers'), { chromium: '' });
    const shells = writeFiles(join(work, 'shells'), { 'chromium-headless-shell': '' });
    const lookup = await findBrowser({
      PATH: `${browsers}:${shells}`,
      PUPPETEER_CACHE_DIR: join(work, 'none'),
    });
    expect(lookup).toMatchObject({
      found: true,
      path: join(shells, 'chromium-headless-shell'),
      source: 'system',
    });
  });
});
