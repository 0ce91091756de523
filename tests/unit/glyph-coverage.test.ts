/**
 * Characters no font can draw, found in a rendered page from the installed fonts' ranges and the
 * page's own embedded fonts, and named with their code points.
 */
import { describe, expect, it } from 'vitest';
import { describeCharacters, uncoveredCharacters } from '../../src/export/glyph-coverage.js';

const page = (body: string, fonts = '') =>
  `<!DOCTYPE html><html><head><style>${fonts}</style></head><body>${body}</body></html>`;

describe('uncoveredCharacters', () => {
  it('finds characters neither the installed fonts nor the embedded ones cover', () => {
    const installed: [number, number][] = [[0x20, 0x7e]];
    const embedded =
      "@font-face{font-family:'X';src:url(data:font/woff2;base64,AAAA) format('woff2');unicode-range:U+0400-045F,U+2192;}";
    const html = page('<p>Hi Ж → 中 &#x1F600; &amp; 中</p>', embedded);
    expect(uncoveredCharacters(html, installed)).toEqual(['中', '😀']);
  });

  it('ignores the head, styles, spaces and invisible characters', () => {
    const html = page('<p>a\u00a0b\u200bc\ufe0f</p>').replace('<head>', '<head><title>中</title>');
    expect(uncoveredCharacters(html, [[0x61, 0x63]])).toEqual([]);
  });

  it('knows nothing when the installed fonts cannot be listed', () => {
    expect(uncoveredCharacters(page('中'), undefined)).toBeUndefined();
  });

  it('names characters with their code points', () => {
    expect(describeCharacters(['中', '𓀀'])).toBe('中 (U+4E2D), 𓀀 (U+13000)');
  });
});
