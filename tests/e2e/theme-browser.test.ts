/**
 * The rendered résumé in real Chromium: it fetches nothing, passes axe and html-validate, prints
 * on at most two A4 pages with readable text, never leaves a section title alone at the foot of a
 * page, and fits a phone screen.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { HtmlValidate } from 'html-validate';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { launchTestBrowser, type TestBrowser } from '../support/browser.js';
import { seedResumePath } from '../support/paths.js';
import { htmlToText, pdfInfo, pdfText } from '../../src/maintainer/read-output.js';
import { theme } from '../support/theme.js';

const exec = promisify(execFile);
const require = createRequire(import.meta.url);

let chromium: TestBrowser;
let dir: string;
let resume: Resume;
let html: string;

beforeAll(async () => {
  chromium = await launchTestBrowser();
  dir = await mkdtemp(join(tmpdir(), 'theme-browser-'));
  resume = JSON.parse(await readFile(seedResumePath, 'utf8')) as Resume;
  html = theme.render(resume);
});
afterAll(async () => {
  await chromium?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function withPage<T>(use: (page: Page) => Promise<T>): Promise<T> {
  const page = await chromium.browser.newPage();
  try {
    return await use(page);
  } finally {
    await page.close();
  }
}

/** Prints the page the way resume-cli and resumed do with the theme's options. */
async function printPdf(source: string, name: string): Promise<string> {
  return withPage(async (page) => {
    await page.setContent(source, { waitUntil: 'load' });
    const { mediaType, ...pdfOptions } = theme.pdfRenderOptions;
    await page.emulateMediaType(mediaType);
    const path = join(dir, `${name}.pdf`);
    await page.pdf({ ...pdfOptions, path });
    return path;
  });
}

/** The last non-empty line of each page's text. */
async function pageEnds(path: string): Promise<string[]> {
  const { pages } = await pdfInfo(path);
  const ends: string[] = [];
  for (let n = 1; n <= pages; n++) {
    const { stdout } = await exec('pdftotext', ['-f', `${n}`, '-l', `${n}`, path, '-']);
    const lines = stdout.split('\n').map((line) => line.trim());
    ends.push(lines.filter((line) => line !== '').at(-1) ?? '');
  }
  return ends;
}

describe('resume.json in Chromium', () => {
  it('makes no request besides the document itself', async () => {
    const file = join(dir, 'resume.html');
    await writeFile(file, html);
    const url = pathToFileURL(file).href;
    const requests = await withPage(async (page) => {
      const seen: string[] = [];
      page.on('request', (request) => {
        // Inlined data: fonts are part of the document, not requests that leave it.
        if (!request.url().startsWith('data:')) seen.push(request.url());
      });
      await page.goto(url, { waitUntil: 'networkidle0' });
      await page.emulateMediaType('print');
      await page.pdf();
      return seen;
    });
    expect(requests).toEqual([url]);
  });

  it('has no serious or critical axe violations, on screen and in print', async () => {
    const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
    for (const media of ['screen', 'print'] as const) {
      const violations = await withPage(async (page) => {
        await page.emulateMediaType(media);
        await page.setContent(html, { waitUntil: 'load' });
        await page.addScriptTag({ content: axeSource });
        return page.evaluate(async () => {
          const axe = (
            window as unknown as { axe: { run(): Promise<{ violations: Violation[] }> } }
          ).axe;
          interface Violation {
            id: string;
            impact: string;
            nodes: { target: string[] }[];
          }
          const result = await axe.run();
          return result.violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        });
      });
      expect(violations, media).toEqual([]);
    }
  });

  it('is valid HTML by html-validate (recommended)', async () => {
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended'],
      // Contact items are unbreakable blocks in the style sheet: phone numbers keep plain spaces.
      rules: { 'tel-non-breaking': ['error', { ignoreClasses: ['contact'] }] },
    });
    for (const source of [html, theme.render({}), theme.render({ basics: { name: 'A' } })]) {
      const report = await validator.validateString(source);
      const errors = report.results.flatMap((r) =>
        r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`),
      );
      expect(errors).toEqual([]);
    }
  });

  it('prints on at most two A4 pages, in reading order, without hyphenation', async () => {
    const path = await printPdf(html, 'resume');
    const info = await pdfInfo(path);
    expect(info.pages).toBeLessThanOrEqual(2);
    expect([info.width, info.height]).toEqual([595, 842]);
    // Links stay clickable: the contact links and the [n] citations of the projects.
    const raw = (await readFile(path)).toString('latin1');
    expect(raw).toContain('/URI (mailto:binjie97@u.nus.edu)');
    expect(raw).toContain('/URI (tel:+6580273505)');
    expect(raw.match(/\/Subtype\s*\/Link/g)?.length).toBeGreaterThanOrEqual(3 + 4);
    const text = await pdfText(path);
    const order = ['Binjie Zhang', 'EDUCATION', 'SELECTED PUBLICATIONS', 'RESEARCH & WORK'];
    const positions = order.map((word) => text.indexOf(word));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // A line broken after a hyphen makes text extractors join the halves ("hotrefresh"):
    // every hyphenated word of the page must come out of the PDF whole.
    const compounds = new Set(htmlToText(html).match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu));
    expect(compounds.size).toBeGreaterThan(10);
    expect([...compounds].filter((word) => !text.includes(word))).toEqual([]);
  });

  it('prints Letter when themeOptions.paper is letter', async () => {
    const letter = theme.render({
      ...resume,
      meta: { themeOptions: { ...resume.meta?.themeOptions, paper: 'letter' } },
    });
    const info = await pdfInfo(await printPdf(letter, 'letter'));
    expect([info.width, info.height]).toEqual([612, 792]);
  });

  it('sets body text at 9.5 pt or more in print', async () => {
    const small = await withPage(async (page) => {
      await page.emulateMediaType('print');
      await page.setContent(html, { waitUntil: 'load' });
      return page.evaluate(() => {
        const found: string[] = [];
        for (const element of document.body.querySelectorAll('*')) {
          // Status badges are labels, not body text.
          if (element.closest('.badge')) continue;
          const ownText = [...element.childNodes].some(
            (node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '',
          );
          const px = parseFloat(getComputedStyle(element).fontSize);
          if (ownText && px < (9.5 * 96) / 72 - 0.01) found.push(`${element.tagName} ${px}px`);
        }
        return found;
      });
    });
    expect(small).toEqual([]);
  });

  it('sets distinctions apart from the muted text around them, in greyscale too', async () => {
    const [distinction, muted] = await withPage(async (page) => {
      await page.emulateMediaType('print');
      await page.setContent(html, { waitUntil: 'load' });
      return page.evaluate(() =>
        ['.distinction', '.mark'].map((selector) => {
          const element = document.querySelector(selector);
          return element ? getComputedStyle(element).color : '';
        }),
      );
    });
    // CIE lightness L* (0 black … 100 white) of an sRGB colour: what a greyscale print keeps.
    const lightness = (css = '') => {
      const [r, g, b] = (css.match(/\d+(\.\d+)?/g) ?? []).map((c) => {
        const v = Number(c) / 255;
        return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      });
      const y = 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
      return y > 216 / 24389 ? 116 * Math.cbrt(y) - 16 : (24389 / 27) * y;
    };
    expect(distinction).not.toBe('');
    expect(muted).not.toBe('');
    expect(Math.abs(lightness(distinction) - lightness(muted))).toBeGreaterThanOrEqual(15);
  });

  it('fits a 375 px wide screen without horizontal scrolling', async () => {
    const overflow = await withPage(async (page) => {
      await page.setViewport({ width: 375, height: 800 });
      await page.setContent(
        theme.render({
          ...resume,
          basics: { ...resume.basics, url: `https://example.org/${'a'.repeat(200)}` },
        }),
        {
          waitUntil: 'load',
        },
      );
      return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    });
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

describe('page breaks', () => {
  const titles = new Set(
    ['Education', 'Experience', 'Awards', 'Skills', 'Projects', 'Volunteering'].map((t) =>
      t.toUpperCase(),
    ),
  );

  it.each([3, 6, 9, 12])('no section title ends a page (%i awards before it)', async (awards) => {
    const filler: Resume = {
      basics: { name: 'Page Break', summary: 'Line. '.repeat(40) },
      work: Array.from({ length: 6 }, (_, i) => ({
        position: `Role ${i + 1}`,
        name: 'Company',
        startDate: '2020',
        highlights: ['Did things that matter. '.repeat(6), 'More of them. '.repeat(5)],
      })),
      awards: Array.from({ length: awards }, (_, i) => ({ title: `Award ${i + 1}`, date: '2020' })),
      skills: Array.from({ length: 4 }, (_, i) => ({ name: `Skill ${i}`, keywords: ['a', 'b'] })),
      volunteer: [{ position: 'Helper', organization: 'Club', summary: 'Helped. '.repeat(30) }],
      meta: { themeOptions: { sections: ['work', 'awards', 'skills', 'volunteer'] } },
    };
    const ends = await pageEnds(await printPdf(theme.render(filler), `breaks-${awards}`));
    expect(ends.length).toBeGreaterThan(1);
    for (const end of ends) expect(titles.has(end), `page ends with "${end}"`).toBe(false);
  });
});
