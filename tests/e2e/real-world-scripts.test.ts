/**
 * Résumés in fifteen scripts, shaped like ones people publish (invented people): every fact shows
 * in the page, the PDF's text holds the name exactly, and each script prints in a designed font —
 * ours (Source Sans 3, Source Serif 4, Vazirmatn) or Noto (CJK, Devanagari, Bengali, Tamil, Thai,
 * Georgian, Armenian, which the export fetches on first use), never a fallback such as DejaVu,
 * and in the PDF always a named font.
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
  NOTO_SCRIPT_PDF_FONT,
  OUR_PDF_FONT,
  pdfFonts,
  pdfText,
} from '../../src/maintainer/read-output.js';
import { theme } from '../support/theme.js';

// Chromium reports the names inside the font files, e.g. "Source Sans 3 ExtraLight SemiBold".
const OURS = /^(Source Sans 3|Source Serif 4|Vazirmatn|Noto Sans Hebrew)( |$)/;
const NOTO_CJK = /^Noto (Sans|Serif) CJK (SC|TC|HK|JP|KR)$/;

const FIXTURES = ['zh', 'ko', 'ja', 'pl', 'ru', 'ar', 'vi', 'el'] as const;
/** Scripts whose fonts the export serves (fetched on first use), and an English page with a Korean name. */
const SERVED_SCRIPTS = ['hi', 'bn', 'ta', 'th', 'ka', 'hy', 'en-ko-name'] as const;
const CJK = new Set(['zh', 'ko', 'ja', 'en-ko-name']);

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

  it('exports a PDF whose text holds the name and whose fonts are ours', () =>
    expectNamedFonts(lang, path, name));
});

describe.each(SERVED_SCRIPTS)('script-%s.json', (lang) => {
  const { path, resume } = fixture(lang);
  const name = resume.basics?.name ?? '';

  it('shows every fact in the page', () => {
    const facts = expectedFacts(resume);
    expect(facts.length).toBeGreaterThan(20);
    expect(missingFacts(theme.render(resume), facts)).toEqual([]);
  });

  it('exports a PDF whose text holds the name and whose fonts are ours or Noto', () =>
    expectNamedFonts(lang, path, name));
});

/**
 * Exports the fixture: no warning (no character in a fallback font), the name exact in the PDF's
 * text, every font named, ours or the Noto the script needs (which must be there).
 */
async function expectNamedFonts(lang: string, path: string, name: string): Promise<void> {
  const folder = join(out, lang);
  const result = await runScript('export', ['--resume', path, '--out', folder, '--quiet']);
  expect(result.stderr).not.toContain('✖');
  expect(result.stderr).not.toContain('⚠');
  expect(result.code).toBe(0);
  const pdf = join(folder, 'resume.pdf');
  expect(await pdfText(pdf)).toContain(name);
  const fonts = await pdfFonts(pdf);
  const noto = CJK.has(lang) ? NOTO_CJK_PDF_FONT : NOTO_SCRIPT_PDF_FONT;
  // Every font named: no fallback typeface, no unnamed Type 3 font.
  expect(fonts.filter((f) => !OUR_PDF_FONT.test(f) && !noto.test(f))).toEqual([]);
  if (CJK.has(lang) || (SERVED_SCRIPTS as readonly string[]).includes(lang)) {
    expect(fonts.some((f) => noto.test(f))).toBe(true);
  }
}
