/**
 * How `npm run export` fails: exit codes, messages, and what it leaves on disk. Each case runs the
 * real command as a child process, except the browser crash, which runs in process with a browser
 * that is killed before it prints.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exitCodeFor } from '../../src/cli/run-command.js';
import { createProgress } from '../../src/runtime.js';
import { ExportStepError } from '../../src/errors.js';
import { exportResume } from '../../src/export/export.js';
import { browserThatDiesBeforePrint } from '../support/browser.js';
import { filesIn, sha256 } from '../support/files.js';
import { runScript, stackLines, type CliResult } from '../support/cli.js';
import { seedResume } from '../support/export-fixture.js';
import { seedResumePath } from '../support/paths.js';
import { hostileTheme } from '../support/probe.js';

const work = mkdtempSync(join(tmpdir(), 'export-failures-'));
const fromSeed = ['--resume', seedResumePath];
afterAll(() => rmSync(work, { recursive: true, force: true }));

function writeJson(name: string, value: unknown): string {
  const path = join(work, name);
  writeFileSync(path, JSON.stringify(value, null, 2));
  return path;
}

/** Exit 3 for want of a browser: `said`, the install hint, and the HTML alone kept in `out`. */
function expectNoBrowser(result: CliResult, out: string, said: string): void {
  expect(result.code).toBe(3);
  expect(result.stderr).toContain(said);
  expect(result.stderr).toContain('sudo apt-get install chromium');
  expect(filesIn(out)).toEqual(['resume.html']);
}

describe('npm run export fails cleanly', () => {
  it('exits 1 on an invalid résumé, prints the validator’s messages and writes nothing', async () => {
    const resume = { ...seedResume(), basics: { ...seedResume().basics, email: 'not-an-email' } };
    const out = join(work, 'invalid-out');
    const result = await runScript('export', [
      '--resume',
      writeJson('invalid.json', resume),
      '--out',
      out,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/invalid\.json:\d+:\d+\s+error\s+basics\.email/);
    expect(filesIn(out)).toEqual([]);
    expect(stackLines(result.stderr)).toEqual([]);
  });

  it('exports an invalid résumé with --force, warning that it was not validated', async () => {
    const resume = { ...seedResume(), basics: { ...seedResume().basics, email: 'not-an-email' } };
    const out = join(work, 'forced-out');
    const path = writeJson('forced.json', resume);
    const result = await runScript('export', [
      '--resume',
      path,
      '--out',
      out,
      '--force',
      '--format',
      'html',
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^⚠ --force: .*forced\.json was not validated$/m);
    expect(filesIn(out)).toEqual(['resume.html']);
  });

  it('exits 3 and names the theme when the theme throws', async () => {
    const theme = join(work, 'throwing-theme');
    mkdirSync(theme);
    writeFileSync(
      join(theme, 'package.json'),
      JSON.stringify({ name: 'jsonresume-theme-throws', main: 'index.js' }),
    );
    writeFileSync(
      join(theme, 'index.js'),
      "exports.render = () => { throw new Error('template exploded'); };\n",
    );
    const out = join(work, 'throwing-out');
    const result = await runScript('export', [...fromSeed, '--theme', theme, '--out', out]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('jsonresume-theme-throws');
    expect(result.stderr).toContain('template exploded');
    expect(filesIn(out)).toEqual([]);
    expect(stackLines(result.stderr)).toEqual([]);
  });

  it('exits 3 when the theme has no render function', async () => {
    const theme = join(work, 'no-render-theme');
    mkdirSync(theme);
    writeFileSync(join(theme, 'index.js'), 'exports.style = "nothing";\n');
    const result = await runScript('export', [
      ...fromSeed,
      '--theme',
      theme,
      '--out',
      join(work, 'x'),
    ]);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/no-render-theme.*exports no render function/);
  });

  it('exits 3 with the install hint and keeps the HTML when there is no browser', async () => {
    const out = join(work, 'no-browser-out');
    const result = await runScript('export', [...fromSeed, '--out', out], {
      env: { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chromium' },
    });
    expectNoBrowser(result, out, 'PUPPETEER_EXECUTABLE_PATH is set to /nonexistent/chromium');
    expect(stackLines(result.stderr)).toEqual([]);
  });

  it("with no browser anywhere and apt-get not allowed, tries puppeteer's download", async () => {
    // A PATH with node alone hides the system's Chromium; the empty cache has no download.
    const path = join(work, 'path-with-node-only');
    mkdirSync(path);
    symlinkSync(process.execPath, join(path, 'node'));
    const cache = join(work, 'empty-puppeteer-cache');
    mkdirSync(cache);
    const out = join(work, 'download-out');
    const result = await runScript('export', [...fromSeed, '--out', out], {
      env: { PATH: path, PUPPETEER_CACHE_DIR: cache, CAMERA_READY_NO_BROWSER_INSTALL: '1' },
      timeoutMs: 300_000,
    });
    expect(result.stderr).toContain("downloading puppeteer's Chrome");
    if (result.code === 0) {
      // A machine that reaches Google's servers: the download served the export.
      expect(filesIn(out)).toEqual(['resume.html', 'resume.pdf']);
    } else {
      expectNoBrowser(result, out, 'Tried: puppeteer browsers install chrome failed');
    }
    expect(stackLines(result.stderr)).toEqual([]);
  });

  it('exits 3 when the browser is killed mid-export, leaving the previous files intact', async () => {
    // In process, with a browser that is killed as the PDF is about to be printed.
    const out = join(work, 'killed-out');
    const quiet = createProgress({ quiet: true, write: () => undefined });
    await exportResume({ resume: seedResumePath, out, formats: ['html', 'pdf'], progress: quiet });
    const before = filesIn(out).map((name) => [name, sha256(join(out, name))]);
    expect(before.map(([name]) => name)).toEqual(['resume.html', 'resume.pdf']);

    // Different content, so any file written by the failed run would show.
    const changed = { ...seedResume(), basics: { ...seedResume().basics, name: 'Someone Else' } };
    const failure: unknown = await exportResume({
      resume: writeJson('changed.json', changed),
      out,
      formats: ['html', 'pdf'],
      progress: quiet,
      launchBrowser: browserThatDiesBeforePrint,
    }).catch((error: unknown) => error);
    expect(exitCodeFor(failure)).toBe(3);
    expect(failure).toBeInstanceOf(ExportStepError);
    expect((failure as Error).message).toMatch(
      /^Export to PDF failed: the browser stopped responding/,
    );
    expect(filesIn(out).map((name) => [name, sha256(join(out, name))])).toEqual(before);
  });
});

describe('npm run export rejects bad options with exit 2', () => {
  const file = join(work, 'a-file.txt');
  writeFileSync(file, 'not a folder');
  const cases: [string, string[], RegExp][] = [
    // As root, permissions do not stop writes: a path under a regular file can never be a folder.
    [
      'an --out under a regular file',
      ['--out', join(file, 'sub')],
      /a-file\.txt is a file, not a folder/,
    ],
    ['an --out that is a file', ['--out', file], /is a file, not a folder/],
    ['an --out that is the résumé', ['--out', seedResumePath], /that is the résumé file itself/],
    ['an unknown option', ['--colour', 'red'], /unknown option --colour/],
    ['an unknown format', ['--format', 'pdf,docx'], /unknown format "docx"/],
    [
      'a format named like a property every object has',
      ['--format', 'constructor'],
      /unknown format "constructor"/,
    ],
    ['an unknown paper', ['--paper', 'a5'], /--paper a5: choose a4 or letter/],
    ['a missing résumé', ['--resume', join(work, 'missing.json')], /missing\.json/],
    [
      'a theme that is not installed',
      ['--theme', 'no-such-theme-xyz'],
      /jsonresume-theme-no-such-theme-xyz is not installed/,
    ],
  ];
  it.concurrent.each(cases)('%s', async (_, args, message) => {
    const out = args.includes('--out') ? [] : ['--out', join(work, 'never')];
    const resume = args.includes('--resume') ? [] : fromSeed;
    const result = await runScript('export', [...resume, ...args, ...out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(stackLines(result.stderr)).toEqual([]);
    expect(filesIn(join(work, 'never'))).toEqual([]);
  });

  it('prints its usage with --help', async () => {
    const result = await runScript('export', ['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: npm run export/);
    expect(result.stdout).toContain('--paper');
  });
});

describe('npm run export names the step that failed, never blaming the browser for ours', () => {
  const forced = (name: string, change: (resume: Record<string, unknown>) => unknown) =>
    writeJson(name, change(seedResume()));

  it('exports with --force a résumé whose skills is an object (seen in pre-1.0 files)', async () => {
    const path = forced('skills-object.json', (resume) => ({
      ...resume,
      skills: { languages: ['TypeScript', 'Python'] },
    }));
    const out = join(work, 'skills-object-out');
    const result = await runScript('export', ['--resume', path, '--out', out, '--force']);
    expect(result.stderr).not.toMatch(/browser stopped responding/);
    expect(result.code).toBe(0);
    expect(filesIn(out)).toEqual(['resume.html', 'resume.pdf']);
  });

  it.each([
    ['meta.theme is a number', (r: Record<string, unknown>) => ({ ...r, meta: { theme: 7 } })],
    [
      'meta.themeOptions.paper is unknown',
      (r: Record<string, unknown>) => ({ ...r, meta: { themeOptions: { paper: 'a5' } } }),
    ],
  ])('exports with --force a résumé whose %s, PNG included', async (name, change) => {
    const path = forced(`${name.replace(/\W+/g, '-')}.json`, change);
    const out = join(work, `${name.replace(/\W+/g, '-')}-out`);
    const result = await runScript('export', [
      '--resume',
      path,
      '--out',
      out,
      '--force',
      '--format',
      'pdf,png',
    ]);
    expect(result.stderr).not.toMatch(/browser stopped responding|Unexpected failure/);
    expect(result.code).toBe(0);
    expect(filesIn(out)).toEqual(['resume.pdf', 'resume.png']);
  });

  it('names the print step and the theme’s options when its scale is out of range', async () => {
    const theme = join(work, 'scale-theme');
    mkdirSync(theme);
    writeFileSync(
      join(theme, 'index.js'),
      'exports.pdfRenderOptions = { scale: 5 };\nexports.render = () => "<h1>Scaled</h1>";\n',
    );
    const out = join(work, 'scale-out');
    const result = await runScript('export', [...fromSeed, '--theme', theme, '--out', out]);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/✖ Export to PDF failed while printing the PDF: .*scale/);
    expect(result.stderr).toContain('check them: scale between 0.1 and 2');
    expect(result.stderr).not.toMatch(/browser stopped responding/);
    expect(filesIn(out)).toEqual([]);
  });

  it('prints a page that calls window.print(), reporting the call as ignored', async () => {
    const resume = {
      ...seedResume(),
      meta: { ...seedResume().meta, probe: { behave: ['print'] } },
    };
    const out = join(work, 'window-print-out');
    const result = await runScript('export', [
      '--resume',
      writeJson('window-print.json', resume),
      '--theme',
      hostileTheme,
      '--out',
      out,
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('⚠ ignored window.print()');
    expect(filesIn(out)).toEqual(['resume.html', 'resume.pdf']);
  });
});
