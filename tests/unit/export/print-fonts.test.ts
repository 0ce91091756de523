/**
 * Characters no font can draw, found in a rendered page from the installed fonts' ranges and the
 * page's own embedded fonts, and named with their code points.
 */
import { describe, expect, it } from 'vitest';
import { describeCharacters, uncoveredCharacters } from '../../../src/export/print-fonts.js';

const page = (body: string, fonts = '') =>
  `<!DOCTYPE html><html><head><style>${fonts}</style></head><body>${body}</body></html>`;

describe('uncoveredCharacters', () => {
  it('finds characters neither the installed fonts nor the embedded ones cover', async () => {
    const installed: [number, number][] = [[0x20, 0x7e]];
    const embedded =
      "@font-face{font-family:'X';src:url(data:font/woff2;base64,AAAA) format('woff2');unicode-range:U+0400-045F,U+2192;}";
    const html = page('<p>Hi Ж → 中 &#x1F600; &amp; 中</p>', embedded);
    expect(await uncoveredCharacters(html, async () => installed)).toEqual(['中', '😀']);
  });

  it('ignores the head, styles, spaces and invisible characters', async () => {
    const html = page('<p>a\u00a0b\u200bc\ufe0f</p>').replace('<head>', '<head><title>中</title>');
    expect(await uncoveredCharacters(html, async () => [[0x61, 0x63]])).toEqual([]);
  });

  it('knows nothing when the installed fonts cannot be listed', async () => {
    expect(await uncoveredCharacters(page('中'), async () => undefined)).toBeUndefined();
  });

  it('does not read the installed fonts when the embedded ones cover the page', async () => {
    const embedded =
      "@font-face{font-family:'X';src:url(data:font/woff2;base64,AAAA) format('woff2');unicode-range:U+0020-007E;}";
    let asked = 0;
    const installed = async () => {
      asked += 1;
      return undefined;
    };
    expect(await uncoveredCharacters(page('<p>Plain text</p>', embedded), installed)).toEqual([]);
    expect(asked).toBe(0);
    expect(await uncoveredCharacters(page('<p>中</p>', embedded), installed)).toBeUndefined();
    expect(asked).toBe(1);
  });

  it('names characters with their code points', () => {
    expect(describeCharacters(['中', '𓀀'])).toBe('中 (U+4E2D), 𓀀 (U+13000)');
  });
});
