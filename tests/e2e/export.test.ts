/**
 * `npm run export` end to end: the real command, real Chromium, real themes. The exports run once,
 * in parallel, in beforeAll; the tests read what they wrote.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SectionKey } from 'jsonresume-theme-camera-ready';
import { sha256 } from '../support/files.js';
import { runScript, stackLines, type CliResult } from '../support/cli.js';
import { otherThemesDir, seedResumePath } from '../support/paths.js';
import {
  bookmarkTitles,
  linkUris,
  loadPdf,
  seedResume,
  writeLinkedResume,
} from '../support/export-fixture.js';
import { OUR_PDF_FONT, pdfFonts, pdfInfo, pdfText } from '../../src/maintainer/read-output.js';

const exec = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), 'export-test-'));
const out = (name: string) => join(work, name);
const pdfinfo = async (path: string) => (await exec('pdfinfo', [path])).stdout;

let seed: CliResult;
let linkedFirst: CliResult;
let linkedSecond: CliResult;
let even: CliResult;
let linked: { path: string; urls: string[] };

beforeAll(async () => {
  linked = writeLinkedResume(work);
  [seed, linkedFirst, linkedSecond, even] = await Promise.all([
    // The README's command, as is, apart from the output folder and the frozen copy of the CV.
    runScript('export', ['--resume', seedResumePath, '--out', out('seed')]),
    runScript('export', [
      ...['--resume', linked.path, '--out', out('linked-1')],
      ...['--paper', 'letter', '--format', 'html,pdf,png'],
    ]),
    runScript('export', [
      ...['--resume', linked.path, '--out', out('linked-2')],
      ...['--paper', 'letter', '--format', 'pdf', '--quiet'],
    ]),
    // Run where the published themes are installed, as a user of `even` would.
    runScript('export', ['--theme', 'even', '--resume', linked.path, '--out', out('even')], {
      cwd: otherThemesDir,
    }),
  ]);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run export on resume.json', () => {
  it('writes dist/resume.html and dist/resume.pdf and reports each step', () => {
    expect(seed.stderr).not.toContain('✖');
    expect(seed.code).toBe(0);
    expect(readdirSync(out('seed')).sort()).toEqual(['resume.html', 'resume.pdf']);
    expect(seed.stderr).toMatch(/^✔ validated tests\/fixtures\/seed\/resume\.json \(\d+ ms\)$/m);
    // The seed résumé names its theme in meta.theme, and the line says so.
    expect(seed.stderr).toMatch(
      /^✔ rendered with jsonresume-theme-camera-ready \(meta\.theme\) \(\d+ ms\)$/m,
    );
    expect(seed.stderr).toMatch(/^✔ wrote .*resume\.pdf — \d+ pages? A4 \(\d+ ms\)$/m);
    expect(stackLines(seed.stderr)).toEqual([]);
  });

  it('gives the PDF its title, author, A4 pages and tags', async () => {
    const info = await pdfinfo(join(out('seed'), 'resume.pdf'));
    const name = seedResume().basics?.name ?? '';
    expect(info).toMatch(new RegExp(`^Title:\\s+${name} — CV$`, 'm'));
    expect(info).toMatch(new RegExp(`^Author:\\s+${name}$`, 'm'));
    expect(info).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)$/m);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
  });

  it('prints on two A4 pages in our own fonts only, no fallback typeface', async () => {
    const pdf = join(out('seed'), 'resume.pdf');
    expect((await pdfInfo(pdf)).pages).toBe(2);
    const fonts = await pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((font) => !OUR_PDF_FONT.test(font))).toEqual([]);
  });

  it('keeps the two-page PDF within 85 KB', () => {
    // Chromium writes some 500 tag objects uncompressed; packed into object streams they shrink
    // the seed from about 133 KB to 78 KB.
    expect(statSync(join(out('seed'), 'resume.pdf')).size).toBeLessThanOrEqual(85_000);
  });

  it('role-maps its tags to PDF 1.7 types, so poppler keeps every bold phrase in the tree', async () => {
    // Chromium tags <strong> as Strong, a PDF 2.0 type; without a role map poppler rejects each
    // one ("StructElem object is wrong type") and drops it with its text.
    const { stdout, stderr } = await exec('pdfinfo', ['-struct', join(out('seed'), 'resume.pdf')]);
    expect(stderr.split('\n').filter((line) => line.trim())).toEqual([]);
    const html = readFileSync(join(out('seed'), 'resume.html'), 'utf8');
    const strong = html.match(/<strong\b/g)?.length ?? 0;
    expect(strong).toBeGreaterThan(10);
    expect(stdout.match(/^\s*Span \(inline\)$/gm)?.length).toBe(strong);
  });

  it('bookmarks every section, in the order shown', async () => {
    const { themeOptions } = seedResume().meta ?? {};
    const titles = (themeOptions?.sections ?? []).map(
      (key) =>
        themeOptions?.sectionTitles?.[key as SectionKey] ?? key[0]!.toUpperCase() + key.slice(1),
    );
    expect(titles.length).toBeGreaterThan(3);
    expect(bookmarkTitles(await loadPdf(join(out('seed'), 'resume.pdf')))).toEqual(titles);
  });

  it('keeps publication titles, employers and metrics as whole phrases, in reading order', async () => {
    const text = await pdfText(join(out('seed'), 'resume.pdf'));
    const resume = seedResume();
    const inOrder = (phrases: string[]) => {
      let from = 0;
      for (const phrase of phrases) {
        const at = text.indexOf(phrase, from);
        expect(at, `"${phrase}" after position ${from}`).toBeGreaterThanOrEqual(0);
        from = at + phrase.length;
      }
    };
    inOrder((resume.publications ?? []).map((publication) => publication.name ?? ''));
    inOrder([...new Set((resume.work ?? []).map((job) => job.name ?? ''))]);
    const shown = (resume.work ?? []).flatMap(
      (job) => job.projects?.flatMap((project) => project.highlights ?? []) ?? job.highlights ?? [],
    );
    const metrics = shown.flatMap((line) =>
      [...line.matchAll(/\*\*([^*]*\d[^*]*)\*\*/g)].map((match) => match[1]!),
    );
    expect(metrics.length).toBeGreaterThan(3);
    inOrder(metrics);
  });

  it("keeps each publication's status and scores between its title and the next title", async () => {
    // What plain pdftotext (and ATS parsers reading the same way) gets: a status set apart from
    // its title reads as the status of another paper.
    const text = await pdfText(join(out('seed'), 'resume.pdf'));
    const publications = seedResume().publications ?? [];
    const starts = publications.map((publication) => text.indexOf(publication.name ?? ''));
    expect(starts.every((start) => start >= 0)).toBe(true);
    const badges = /UNDER REVIEW|IN PREPARATION|PREPRINT|PUBLISHED|ACCEPTED/g;
    const misplaced = publications.flatMap((publication, index) => {
      const own = text.slice(starts[index], starts[index + 1] ?? text.length);
      const expected = [(publication.status ?? '').replace(/-/g, ' ').toUpperCase()];
      if (publication.scores) expected.push(`scores ${publication.scores.join('/')}`);
      const found = [...(own.match(badges) ?? [])];
      if (publication.scores) found.push(...(own.match(/scores [\d/]+/g) ?? []));
      return JSON.stringify(found) === JSON.stringify(expected)
        ? []
        : [{ [publication.name ?? '']: found }];
    });
    expect(publications.length).toBeGreaterThan(5);
    expect(misplaced).toEqual([]);
  });
});

describe('npm run export on a résumé full of links', () => {
  it('succeeds with Letter paper, and PNG on request', async () => {
    expect(linkedFirst.stderr).not.toContain('✖');
    expect(linkedFirst.code).toBe(0);
    expect(readdirSync(out('linked-1')).sort()).toEqual([
      'resume.html',
      'resume.pdf',
      'resume.png',
    ]);
    expect(await pdfinfo(join(out('linked-1'), 'resume.pdf'))).toMatch(
      /^Page size:\s+612 x 792 pts \(letter\)$/m,
    );
    const png = readFileSync(join(out('linked-1'), 'resume.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });

  it('makes every URL of the résumé a link annotation', async () => {
    const uris = new Set(linkUris(await loadPdf(join(out('linked-1'), 'resume.pdf'))));
    expect(linked.urls.length).toBeGreaterThan(10);
    const missing = linked.urls.filter((url) => !uris.has(new URL(url).href));
    expect(missing).toEqual([]);
  });

  it('writes byte-identical PDFs for the same input', () => {
    expect(linkedSecond.code).toBe(0);
    expect(linkedSecond.stderr).toBe('');
    expect(sha256(join(out('linked-2'), 'resume.pdf'))).toBe(
      sha256(join(out('linked-1'), 'resume.pdf')),
    );
  });
});

describe('npm run export -- --theme even', () => {
  it('prints with the ESM-only jsonresume-theme-even, section bookmarks included', async () => {
    expect(even.stderr).not.toContain('✖');
    expect(even.code).toBe(0);
    expect(even.stderr).toMatch(/^✔ rendered with jsonresume-theme-even/m);
    const pdf = join(out('even'), 'resume.pdf');
    expect(existsSync(pdf)).toBe(true);
    expect(bookmarkTitles(await loadPdf(pdf))).toEqual(
      expect.arrayContaining(['Work', 'Education', 'Publications']),
    );
  });

  it('blocks and reports the web fonts even asks for: the export never fetches', () => {
    expect(even.stderr).toMatch(
      /^⚠ blocked request to https:\/\/fonts\.googleapis\.com\/\S+ — the export never reaches the network$/m,
    );
  });
});
