/**
 * `npm run export -- --format site` end to end: the real command and Chromium write the folder;
 * the page passes html-validate and axe, its JSON passes the official validator, and loaded in an
 * ordinary (unsealed) Chromium it makes no request — seen by the browser and by a listener whose
 * address is the site's published address.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript, stackLines, type CliResult } from '../support/cli.js';
import { launchTestBrowser, type TestBrowser } from '../support/browser.js';
import { htmlValidateErrors } from '../support/html.js';
import { startListener, type Listener } from '../support/network-watch.js';
import { seedResumePath } from '../support/paths.js';

const require = createRequire(import.meta.url);
const official = require('@jsonresume/schema') as {
  validate(resume: unknown, callback: (errors: { property: string }[] | null) => void): void;
};

const work = mkdtempSync(join(tmpdir(), 'site-export-'));
const out = (name: string) => join(work, name);
let listener: Listener;
let browser: TestBrowser;
let seed: CliResult;
let industry: CliResult;
let noIndex: CliResult;

beforeAll(async () => {
  listener = await startListener();
  [seed, industry, noIndex] = await Promise.all([
    runScript('export', [
      ...['--resume', seedResumePath, '--format', 'site', '--out', out('seed')],
      ...['--site-url', `${listener.http}/cv/`],
    ]),
    runScript('export', [
      ...['--resume', seedResumePath, '--variant', 'industry', '--format', 'site'],
      ...['--out', out('industry')],
    ]),
    runScript('export', [
      ...['--resume', seedResumePath, '--format', 'site', '--no-index', '--out', out('private')],
    ]),
  ]);
  browser = await launchTestBrowser();
});

afterAll(async () => {
  await browser?.close();
  await listener.close();
  rmSync(work, { recursive: true, force: true });
});

const page = (folder: string) => readFileSync(join(out(folder), 'index.html'), 'utf8');

describe('npm run export -- --format site', () => {
  it('writes the page, the PDF and the standard JSON, and says so', () => {
    expect(seed.stderr).not.toContain('✖');
    expect(seed.code).toBe(0);
    expect(readdirSync(out('seed')).sort()).toEqual([
      'card.png',
      'index.html',
      'resume.json',
      'resume.pdf',
    ]);
    expect(
      readFileSync(join(out('seed'), 'resume.pdf'))
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect(seed.stderr).toMatch(
      /✔ wrote .*index\.html — with resume\.pdf \(\d pages A4\), resume\.json/,
    );
  });

  it('draws a 1200 × 630 card and names it for Open Graph and Twitter', () => {
    const png = readFileSync(join(out('seed'), 'card.png'));
    // The signature, then the IHDR chunk: width and height as 32-bit big-endian numbers.
    expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    const html = page('seed');
    expect(html).toContain(`<meta property="og:image" content="${listener.http}/cv/card.png">`);
    expect(html).toContain(`<meta name="twitter:image" content="${listener.http}/cv/card.png">`);
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
    expect(seed.stderr).toContain('card.png (1200 × 630 px)');
  });

  it('links the PDF and the JSON from a bar with the date of the last update', () => {
    const html = page('seed');
    expect(html).toContain('<a href="resume.pdf" download>Download PDF</a>');
    expect(html).toContain('<a href="resume.json" type="application/json">JSON Resume</a>');
    // meta.lastModified of the seed.
    expect(html).toContain('<time datetime="2026-11-24">24 November 2026</time>');
    expect(html).toContain(`<link rel="canonical" href="${listener.http}/cv/">`);
    expect(html).toContain('<meta property="og:title" content="Binjie Zhang — Ph.D. Candidate');
  });

  it('is valid HTML by html-validate (recommended)', async () => {
    expect(await htmlValidateErrors(page('seed'))).toEqual([]);
  });

  it('writes JSON the official validator accepts, without our extensions', () => {
    const resume: unknown = JSON.parse(readFileSync(join(out('seed'), 'resume.json'), 'utf8'));
    let errors: string[] = ['not run'];
    official.validate(resume, (found) => (errors = (found ?? []).map((e) => e.property)));
    expect(errors).toEqual([]);
    expect(JSON.stringify(resume)).not.toMatch(/"(tags|variants|themeOptions)"/);
  });

  it('makes no request when opened, and shows the bar on screen only', async () => {
    const tab = await browser.browser.newPage();
    try {
      const url = pathToFileURL(join(out('seed'), 'index.html')).href;
      const seen: string[] = [];
      tab.on('request', (request) => {
        if (!request.url().startsWith('data:')) seen.push(request.url());
      });
      await tab.goto(url, { waitUntil: 'networkidle0' });
      const display = () => tab.$eval('.site-bar', (bar) => getComputedStyle(bar).display);
      expect(await display()).toBe('flex');
      await tab.emulateMediaType('print');
      expect(await display()).toBe('none');
      expect(seen).toEqual([url]);
      expect(listener.contacts()).toEqual({
        connections: 0,
        requests: [],
        upgrades: [],
        datagrams: 0,
      });
    } finally {
      await tab.close();
    }
  });

  it('has no serious or critical axe violations, on screen and in print', async () => {
    const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    for (const media of ['screen', 'print'] as const) {
      const tab = await browser.browser.newPage();
      try {
        await tab.emulateMediaType(media);
        await tab.goto(pathToFileURL(join(out('seed'), 'index.html')).href, { waitUntil: 'load' });
        await tab.addScriptTag({ content: axeSource });
        const violations = await tab.evaluate(async () => {
          interface Violation {
            id: string;
            impact: string;
            nodes: { target: string[] }[];
          }
          const axe = (
            window as unknown as { axe: { run(): Promise<{ violations: Violation[] }> } }
          ).axe;
          const result = await axe.run();
          return result.violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        });
        expect(violations, media).toEqual([]);
      } finally {
        await tab.close();
      }
    }
  });

  it('publishes a variant under its own file names', () => {
    expect(industry.stderr).not.toContain('✖');
    expect(industry.code).toBe(0);
    expect(readdirSync(out('industry')).sort()).toEqual([
      'card.png',
      'index.html',
      'resume-industry.json',
      'resume-industry.pdf',
    ]);
    expect(page('industry')).toContain('<a href="resume-industry.pdf" download>');
    expect(industry.stderr).toMatch(/resume-industry\.pdf: \d of \d allowed pages/);
  });

  it('with --no-index asks robots not to index the page', () => {
    expect(noIndex.code).toBe(0);
    expect(page('private')).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(page('private')).not.toContain('twitter:card');
    expect(readdirSync(out('private')).sort()).toEqual(['index.html', 'resume.json', 'resume.pdf']);
  });

  it('refuses a site together with a PDF of the same name, before any work', async () => {
    const result = await runScript('export', [
      ...['--resume', seedResumePath, '--format', 'site,pdf', '--out', out('clash')],
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--format site,pdf: both would write resume.pdf');
    expect(stackLines(result.stderr)).toEqual([]);
    expect(existsSync(out('clash'))).toBe(false);
  });

  it('refuses a site with the PNG preview: both reshape the page', async () => {
    const result = await runScript('export', [
      ...['--resume', seedResumePath, '--format', 'png,site', '--out', out('png')],
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--format png,site: each of these reshapes the page');
    expect(existsSync(out('png'))).toBe(false);
  });

  it('refuses several résumés, which would all be index.html', async () => {
    const result = await runScript('export', [
      ...['--resume', seedResumePath, '--resume', seedResumePath, '--format', 'site'],
      ...['--out', out('batch')],
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--format site publishes one résumé as index.html');
    expect(existsSync(out('batch'))).toBe(false);
  });

  it('refuses a --site-url that is no web address', async () => {
    const result = await runScript('export', [
      ...['--resume', seedResumePath, '--format', 'site', '--site-url', 'javascript:alert(1)'],
      ...['--out', out('bad-url')],
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '--site-url javascript:alert(1): give the full http or https address',
    );
  });
});
