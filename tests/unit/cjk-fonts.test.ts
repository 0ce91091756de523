/**
 * The TrueType Noto Sans CJK the export serves to the page it prints: added only for the families
 * the page names and the characters its own fonts lack, every face a file on this machine, and
 * counted by the glyph-coverage check as fonts the page has.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withPrintFonts } from '../../src/export/cjk-fonts.js';
import { SERVED_FONT_ORIGIN, uncoveredCharacters } from '../../src/export/glyph-coverage.js';
import { theme } from '../support/theme.js';

const rules = (html: string) => [...html.matchAll(/@font-face\{[^}]*\}/g)].map((m) => m[0]);
const served = (html: string) => rules(html).filter((rule) => rule.includes(SERVED_FONT_ORIGIN));

describe('fonts served for printing', () => {
  it('leaves a page without Chinese, Japanese or Korean as it is', () => {
    const html = theme.render({ basics: { name: 'Łukasz Żółkiewski', label: 'Инженер' } });
    expect(withPrintFonts(html)).toEqual({ html, files: new Map() });
  });

  it('leaves a page that names no Noto CJK family as it is', () => {
    const html = '<html><head></head><body><p style="font-family:serif">林晓雯</p></body></html>';
    expect(withPrintFonts(html).files.size).toBe(0);
  });

  it('serves the Korean family for Korean text, in three weights, from files here', async () => {
    const html = theme.render({
      basics: { name: '박서준', summary: '백엔드 개발자' },
      meta: { themeOptions: { locale: 'ko' } },
    });
    const printed = withPrintFonts(html);
    // The page names every regional family (its style picks one by language); only the one in
    // use is loaded by the browser.
    const faces = served(printed.html).filter((rule) =>
      rule.includes("font-family:'Noto Sans CJK KR'"),
    );
    expect(faces.length).toBeGreaterThan(0);
    expect(new Set(faces.map((rule) => /font-weight:(\d+)/.exec(rule)?.[1]))).toEqual(
      new Set(['400', '600', '700']),
    );
    for (const [url, file] of printed.files) {
      expect(url.startsWith(SERVED_FONT_ORIGIN)).toBe(true);
      expect(existsSync(file)).toBe(true);
    }
    // Every Hangul character of the page is in a served face, so none is left to the system.
    expect(await uncoveredCharacters(printed.html, async () => [])).toEqual([]);
    expect(await uncoveredCharacters(html, async () => [])).toContain('박');
  });
});
