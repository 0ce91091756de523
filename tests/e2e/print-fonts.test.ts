/**
 * The Noto fonts the export serves to the page it prints: added only for the families the page
 * names and the characters its own fonts lack, fetched from the npm registry on first use into the
 * per-user cache (checked against the pinned hash, only the printed files kept), never with
 * --offline, and counted by the glyph-coverage check as fonts the page has.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createProgress } from '../../src/runtime.js';
import {
  withPrintFonts,
  SERVED_FONT_ORIGIN,
  uncoveredCharacters,
} from '../../src/export/print-fonts.js';
import {
  cachedFontPackage,
  fontCacheDir,
  FontUnavailable,
  SCRIPT_PACKAGES,
} from '../../src/export/font-packages.js';
import { runScript } from '../support/cli.js';
import { repoRoot } from '../support/paths.js';
import { theme } from '../support/theme.js';

const work = mkdtempSync(join(tmpdir(), 'print-fonts-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const rules = (html: string) => [...html.matchAll(/@font-face\{[^}]*\}/g)].map((m) => m[0]);
const served = (html: string) => rules(html).filter((rule) => rule.includes(SERVED_FONT_ORIGIN));

/** A progress that keeps its lines. */
function recording() {
  const lines: string[] = [];
  return { lines, progress: createProgress({ write: (line) => lines.push(line) }) };
}

/** The user's cache, as an export uses it: fetched once per machine. */
const shared = () => ({ env: process.env, offline: false, ...recording() });
/** An empty cache of its own. */
const empty = (name: string, offline = false) => ({
  env: { ...process.env, XDG_CACHE_HOME: join(work, name) },
  offline,
  ...recording(),
});

const ARMENIAN = SCRIPT_PACKAGES.find((pkg) => pkg.subsets === 'armenian')!;

describe('fonts served for printing', () => {
  it('leaves a page whose own fonts have every character as it is', async () => {
    const html = theme.render({ basics: { name: 'Łukasz Żółkiewski', label: 'Инженер' } });
    const options = empty('untouched');
    expect(await withPrintFonts(html, options)).toEqual({ html, files: new Map() });
    expect(existsSync(join(work, 'untouched'))).toBe(false);
  });

  it('leaves a page that names no Noto family as it is', async () => {
    const html = '<html><head></head><body><p style="font-family:serif">林晓雯</p></body></html>';
    expect((await withPrintFonts(html, empty('unnamed'))).files.size).toBe(0);
  });

  it('serves Hangul from the Korean package on an English page, in three weights', async () => {
    const html = theme.render({
      basics: { name: 'Minjun Kim (김민준)', summary: 'Backend engineer.' },
    });
    expect(html).toMatch(/<html lang="en/);
    const printed = await withPrintFonts(html, shared());
    const faces = served(printed.html);
    expect(faces.length).toBeGreaterThan(0);
    expect(faces.every((rule) => /noto-sans-kr-\d+-\d00-normal\.woff2/.test(rule))).toBe(true);
    // Under every CJK family the page names: its style picks one by language.
    expect(faces.some((rule) => rule.includes("font-family:'Noto Sans CJK SC'"))).toBe(true);
    expect(new Set(faces.map((rule) => /font-weight:(\d+)/.exec(rule)?.[1]))).toEqual(
      new Set(['400', '600', '700']),
    );
    for (const [url, file] of printed.files) {
      expect(url.startsWith(SERVED_FONT_ORIGIN)).toBe(true);
      expect(existsSync(file)).toBe(true);
    }
    // Every Hangul character of the page is in a served face, so none is left to the system.
    expect(await uncoveredCharacters(printed.html, async () => [])).toEqual([]);
    expect(await uncoveredCharacters(html, async () => [])).toContain('김');
  });

  it('serves Thai from Noto Sans Thai, which the page names', async () => {
    const html = theme.render({ basics: { name: 'สมชาย ใจดี' } });
    const printed = await withPrintFonts(html, shared());
    const faces = served(printed.html);
    expect(faces.length).toBe(3);
    expect(faces.every((rule) => rule.includes("font-family:'Noto Sans Thai'"))).toBe(true);
  });

  it('fetches a package into an empty cache once, keeping only the files that print', async () => {
    const options = empty('fetch');
    const dir = await cachedFontPackage(ARMENIAN, options);
    expect(dir.startsWith(fontCacheDir(options.env))).toBe(true);
    expect(fontCacheDir(options.env)).toBe(join(work, 'fetch', 'camera-ready', 'fonts'));
    expect(readdirSync(dir).sort()).toEqual(['LICENSE', 'files', 'unicode.json']);
    expect(readdirSync(join(dir, 'files')).sort()).toEqual([
      'noto-sans-armenian-armenian-400-normal.woff2',
      'noto-sans-armenian-armenian-600-normal.woff2',
      'noto-sans-armenian-armenian-700-normal.woff2',
    ]);
    expect(options.lines.join('\n')).toMatch(
      /fetching the font @fontsource\/noto-sans-armenian@5\.3\.0 from the npm registry/,
    );
    // The second time, from the cache: nothing said, nothing fetched.
    const again = empty('fetch');
    expect(await cachedFontPackage(ARMENIAN, again)).toBe(dir);
    expect(again.lines).toEqual([]);
    // Nothing half-fetched is left beside it.
    expect(readdirSync(fontCacheDir(options.env))).toEqual([
      '@fontsource+noto-sans-armenian@5.3.0',
    ]);
  });

  it('refuses a tarball that does not match its pinned hash, and keeps nothing of it', async () => {
    const options = empty('tampered');
    const forged = { ...ARMENIAN, integrity: `sha512-${'A'.repeat(86)}==` };
    await expect(cachedFontPackage(forged, options)).rejects.toThrow(
      /does not match its pinned integrity hash/,
    );
    expect(readdirSync(fontCacheDir(options.env))).toEqual([]);
  });

  it('with --offline fetches nothing, warns, and leaves the characters to the fallback', async () => {
    const html = theme.render({ basics: { name: 'Արամ Սարգսյան' } });
    const options = empty('offline', true);
    const printed = await withPrintFonts(html, options);
    expect(printed.files.size).toBe(0);
    expect(existsSync(join(work, 'offline'))).toBe(false);
    expect(options.lines.join('\n')).toMatch(
      /^⚠ @fontsource\/noto-sans-armenian@5\.3\.0 is not in .* and --offline forbids fetching it: .*fallback font\. Fix: export once without --offline\.$/m,
    );
    await expect(cachedFontPackage(ARMENIAN, options)).rejects.toThrow(FontUnavailable);
  });

  it('npm run export --offline: exit 0, both warnings, nothing fetched or cached', async () => {
    const cache = join(work, 'cli-offline');
    const resume = join(repoRoot, 'tests', 'fixtures', 'real-world', 'script-hy.json');
    const out = join(work, 'cli-offline-out');
    const args = ['--resume', resume, '--out', out, '--format', 'pdf', '--offline', '--quiet'];
    const result = await runScript('export', args, { env: { XDG_CACHE_HOME: cache } });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^⚠ @fontsource\/noto-sans-armenian@5\.3\.0 is not in .*--offline/m,
    );
    expect(result.stderr).toMatch(
      /^⚠ \d+ characters of the page are in none of the page's fonts and print in a fallback font of this machine: Ա \(U\+0531\)/m,
    );
    expect(existsSync(cache)).toBe(false);
    expect(existsSync(join(out, 'resume.pdf'))).toBe(true);
  });
});
