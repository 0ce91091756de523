/**
 * Every real-world fixture (tests/fixtures/real-world: the shapes people publish and the eight
 * scripts) rendered by the theme and printed by the exporter's PDF writer, in one Chromium: the
 * page shows every fact and runs in the direction of its script, the PDF's text holds the name
 * exactly, and every font in the PDF is a named one of ours, or Noto Sans CJK where the résumé
 * has Chinese, Japanese or Korean: never a fallback typeface, never an unnamed Type 3 font.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { createProgress } from '../../src/runtime.js';
import { pdfPreview, type PdfPreview } from '../../src/dev/preview.js';
import { embedPhoto } from '../../src/export/photo.js';
import { loadTheme, type LoadedTheme } from '../../src/export/theme-loader.js';
import { expectedFacts, missingFacts } from '../support/facts.js';
import { repoRoot } from '../support/paths.js';
import {
  NOTO_CJK_PDF_FONT,
  NOTO_SCRIPT_PDF_FONT,
  OUR_PDF_FONT,
  pdfFonts,
  pdfText,
} from '../../src/maintainer/read-output.js';

const folder = join(repoRoot, 'tests', 'fixtures', 'real-world');
const fixtures = readdirSync(folder).filter((f) => /^(shape|script)-.*\.json$/.test(f));

/** Right-to-left by the language its file name gives (see the folder's README). */
const RTL_FILE = /(^|-)(ar|he|fa)(-|\.json$)/;
const CJK_TEXT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

let out: string;
let preview: PdfPreview;
let theme: LoadedTheme;
const warnings: string[] = [];
beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'real-world-export-'));
  theme = await loadTheme('./theme', repoRoot);
  preview = pdfPreview(
    join(out, 'resume.pdf'),
    folder,
    createProgress({ quiet: true, write: (line) => warnings.push(line) }),
  );
});
afterAll(async () => {
  await preview?.close();
  rmSync(out, { recursive: true, force: true });
});

describe('every real-world fixture through the export', () => {
  it('has all of them: 34 shapes and 15 scripts', () => {
    expect(fixtures.filter((f) => f.startsWith('shape-'))).toHaveLength(34);
    expect(fixtures.filter((f) => f.startsWith('script-'))).toHaveLength(15);
  });

  it.each(fixtures)('%s', async (file) => {
    const resume = JSON.parse(readFileSync(join(folder, file), 'utf8')) as Resume;
    // One fixture keeps the "basic" typo of the file it was seen in: its name is there.
    const typo = (resume as { basic?: { name?: string } }).basic;
    const name = resume.basics?.name ?? typo?.name ?? '';
    expect(name).not.toBe('');

    const html = await theme.render(resume);
    expect(missingFacts(html, expectedFacts(resume))).toEqual([]);
    expect(/<html [^>]*dir="(\w+)"/.exec(html)?.[1]).toBe(RTL_FILE.test(file) ? 'rtl' : 'ltr');

    warnings.length = 0;
    // The export embeds a photo address or leaves it out before rendering (src/export/photo.ts),
    // so the sealed page never names one: print what it prints.
    const sealed = await embedPhoto(resume, { folder, offline: true, warn: () => undefined });
    await preview.write(sealed === resume ? html : await theme.render(sealed), sealed, theme);
    // The served fonts come from this machine (the font cache): nothing is blocked because the
    // page reaches out for nothing.
    expect(warnings).toEqual([]);
    const pdf = join(out, 'resume.pdf');
    expect(await pdfText(pdf)).toContain(name);

    const fonts = await pdfFonts(pdf);
    const cjk = CJK_TEXT.test(JSON.stringify(resume));
    const allowed = (font: string) =>
      OUR_PDF_FONT.test(font) ||
      NOTO_SCRIPT_PDF_FONT.test(font) ||
      (cjk && NOTO_CJK_PDF_FONT.test(font));
    expect(fonts.filter((font) => !allowed(font))).toEqual([]);
    if (cjk) expect(fonts.some((font) => NOTO_CJK_PDF_FONT.test(font))).toBe(true);
  });
});
