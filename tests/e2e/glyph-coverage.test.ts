/**
 * Characters no font can draw are found before printing: the export warns with the characters
 * and the fix, or fails with --strict, and writes nothing then.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeCharacters, uncoveredCharacters } from '../../src/export/glyph-coverage.js';
import { runScript } from '../support/cli.js';
import { seedResumePath } from '../support/paths.js';

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

describe('npm run export', () => {
  // No font on a Debian machine with fonts-noto-cjk has Egyptian hieroglyphs.
  const resume = JSON.stringify({ basics: { name: 'Ada 𓀀 Example' } });

  it('warns about a character without a font and still exports', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'glyphs-'));
    writeFileSync(join(folder, 'cv.json'), resume);
    const result = await runScript('export', [
      '--resume',
      join(folder, 'cv.json'),
      '--out',
      join(folder, 'out'),
      '--quiet',
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /⚠ 1 character of the page has no font on this machine .*𓀀 \(U\+13000\)\. Fix: install a font/,
    );
    expect(existsSync(join(folder, 'out', 'resume.pdf'))).toBe(true);
  });

  it('fails with --strict and writes nothing', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'glyphs-'));
    writeFileSync(join(folder, 'cv.json'), resume);
    const result = await runScript('export', [
      '--resume',
      join(folder, 'cv.json'),
      '--out',
      join(folder, 'out'),
      '--strict',
    ]);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/✖ 1 character .*𓀀 \(U\+13000\).*or export without --strict\./);
    expect(existsSync(join(folder, 'out'))).toBe(false);
  });

  it('says nothing about the seed, whose every character has a font', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'glyphs-'));
    const result = await runScript('export', [
      ...['--resume', seedResumePath],
      '--out',
      folder,
      '--quiet',
      '--strict',
      '--format',
      'pdf',
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('no font');
  });
});
