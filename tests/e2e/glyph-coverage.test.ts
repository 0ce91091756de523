/**
 * Characters no font can draw are found before printing: the export warns with the characters
 * and the fix, or fails with --strict, and writes nothing then. (Finding them in a page is
 * tests/unit/export/print-fonts.test.ts.)
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript } from '../support/cli.js';
import { seedResumePath } from '../support/paths.js';

describe('npm run export', () => {
  // No font on a Debian machine with fonts-noto-cjk has Egyptian hieroglyphs.
  const resume = JSON.stringify({ basics: { name: 'Ada 𓀀 Example' } });

  /** Exports the hieroglyph résumé from a new folder into its `out`; returns the folder too. */
  async function exportHieroglyphs(...options: string[]) {
    const folder = mkdtempSync(join(tmpdir(), 'glyphs-'));
    writeFileSync(join(folder, 'cv.json'), resume);
    const args = ['--resume', join(folder, 'cv.json'), '--out', join(folder, 'out'), ...options];
    return { folder, result: await runScript('export', args) };
  }

  it('warns about a character without a font and still exports', async () => {
    const { folder, result } = await exportHieroglyphs('--quiet');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /⚠ 1 character of the page has no font on this machine .*𓀀 \(U\+13000\)\. Fix: install a font/,
    );
    expect(existsSync(join(folder, 'out', 'resume.pdf'))).toBe(true);
  });

  it('fails with --strict and writes nothing', async () => {
    const { folder, result } = await exportHieroglyphs('--strict');
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
