/**
 * Résumés in eight scripts, shaped like ones people publish (invented people): every fact shows
 * in the page, the PDF's text holds the name exactly, and each script prints in a designed font —
 * ours (Source Sans 3, Source Serif 4, Vazirmatn) or Noto Sans CJK, never a fallback such
 * as DejaVu, and in the PDF always a named font.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { launchTestBrowser, type TestBrowser } from '../support/browser.js';
import { runScript } from '../support/cli.js';
import { expectedFacts, missingFacts } from '../support/facts.js';
import { repoRoot } from '../support/paths.js';
import {
  NOTO_CJK_PDF_FONT,
  OUR_PDF_FONT,
  pdfFonts,
  pdfText,
} from '../../src/maintainer/poppler.js';
import { theme } from '../support/theme.js';

// Chromium reports the names inside the font files, e.g. "Source Sans 3 ExtraLight SemiBold".
const OURS = /^(Source Sans 3|Source Serif 4|Vazirmatn|Noto Sans Hebrew)( |$)/;
const NOTO_CJK = /^Noto (Sans|Serif) CJK (SC|TC|HK|JP|KR)$/;

const FIXTURES = ['zh', 'ko', 'ja', 'pl', 'ru', 'ar', 'vi', 'el'] as const;
const CJK = new Set(['zh', 'ko', 'ja']);

function fixture(lang: string): { path: string; resume: Resume } {
  const path = join(repoRoot, 'tests', 'fixtures', 'real-world', `script-${lang}.json`);
  return { path, resume: JSON.parse(readFileSync(path, 'utf8')) as Resume };
}

let browser: TestBrowser;
let out: string;
beforeAll(async () => {
  browser = await launchTestBrowser();
  out = mkdtempSync(join(tmpdir(), 'scripts-'));
});
afterAll(async () => {
  await browser?.close();
  rmSync(out, { recursive: true, force: true });
});

/** The families Chromium drew the page's text with (its own report, per element). */
async function platformFamilies(html: string): Promise<Set<string>> {
  const page = await browser.browser.newPage();
  try {
    await page.emulateMediaType('print');
    await page.setContent(html, { waitUntil: 'load' });
    const cdp = await page.createCDPSession();
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', {
      nodeId: root.nodeId,
      selector: 'body *',
    });
    const families = new Set<string>();
    for (const nodeId of nodeIds) {
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      for (const font of fonts) families.add(font.familyName);
    }
    return families;
  } finally {
    await page.close();
  }
}

describe.each(FIXTURES)('script-%s.json', (lang) => {
  const { path, resume } = fixture(lang);
  const html = theme.render(resume);
  const name = resume.basics?.name ?? '';

  it('shows every fact in the page', () => {
    const facts = expectedFacts(resume);
    expect(facts.length).toBeGreaterThan(20);
    expect(missingFacts(html, facts)).toEqual([]);
  });

  it('is laid out in the direction of its script', () => {
    expect(html).toMatch(
      lang === 'ar'
        ? /<html lang="ar" dir="rtl">/
        : new RegExp(`<html lang="${lang}[^"]*" dir="ltr">`),
    );
  });

  it('is drawn in designed fonts only', async () => {
    const families = [...(await platformFamilies(html))];
    const others = families.filter((f) => !OURS.test(f) && !(CJK.has(lang) && NOTO_CJK.test(f)));
    expect(others).toEqual([]);
    if (CJK.has(lang)) expect(families.some((f) => NOTO_CJK.test(f))).toBe(true);
  });

  it('exports a PDF whose text holds the name and whose fonts are ours', async () => {
    const folder = join(out, lang);
    const result = await runScript('export', ['--resume', path, '--out', folder, '--quiet']);
    expect(result.stderr).not.toContain('✖');
    expect(result.code).toBe(0);
    const pdf = join(folder, 'resume.pdf');
    expect(await pdfText(pdf)).toContain(name);
    const fonts = await pdfFonts(pdf);
    // Every font named: no fallback typeface, no unnamed Type 3 font.
    const cjk = CJK.has(lang) ? NOTO_CJK_PDF_FONT : /$^/;
    expect(fonts.filter((f) => !OUR_PDF_FONT.test(f) && !cjk.test(f))).toEqual([]);
    if (CJK.has(lang)) expect(fonts.some((f) => NOTO_CJK_PDF_FONT.test(f))).toBe(true);
  });
});
