/**
 * What `npm publish` would ship: the built bundles (templates, styles and fonts compiled in) with
 * types for each module system, schemas, README and LICENSE, and nothing of the tests or
 * sources, in a small tarball.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, themeDir } from '../support/paths.js';

const exec = promisify(execFile);

interface PackResult {
  size: number;
  files: { path: string }[];
}

describe('the theme tarball', () => {
  it('holds what the theme needs at run time and nothing else', async () => {
    const { stdout } = await exec('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: themeDir,
    });
    const [pack] = JSON.parse(stdout) as PackResult[];
    if (!pack) throw new Error('npm pack printed no result');
    // Most of it is fonts: Latin, Latin Extended, Cyrillic, Greek, Vietnamese, Arabic and symbol
    // subsets, once, in the CommonJS bundle both entries hand on (a page embeds only the subsets
    // its text uses), and the language identifier's models (franc-min, about 60 KB packed).
    expect(pack.size).toBeLessThan(900 * 1024);
    const files = pack.files.map((f) => f.path);
    for (const needed of [
      'index.js',
      'dist/index.cjs',
      'dist/theme.cjs',
      'dist/index.mjs',
      'dist/data.cjs',
      'dist/data.mjs',
      'dist/index.d.cts',
      'dist/index.d.mts',
      'schema/resume.schema.json',
      'schema/extensions.schema.json',
      'schema/jsonresume.schema.json',
      'README.md',
      'LICENSE',
      'package.json',
    ])
      expect(files).toContain(needed);
    const images = files.filter((f) => f.endsWith('.png'));
    expect(images.length).toBeGreaterThan(0);
    expect(files.filter((f) => /(^|\/)(tests?|src)\/|\.test\.|\.spec\./.test(f))).toEqual([]);
    expect(files.filter((f) => /\.[cm]?ts$/.test(f) && !/\.d\.[cm]?ts$/.test(f))).toEqual([]);
    // Rendering reads no file: templates and styles are compiled into the bundles.
    expect(files.filter((f) => /^(templates|styles)\//.test(f))).toEqual([]);
  });
});

describe('the repository commands', () => {
  it('run as plain node, without a TypeScript loader', () => {
    const { scripts } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const offenders = Object.entries(scripts).filter(([, line]) => /\btsx\b|ts-node/.test(line));
    expect(offenders).toEqual([]);
    for (const name of ['validate', 'export', 'dev', 'variant', 'setup-browser']) {
      expect(scripts[name]).toBe(`node build/scripts/${name}.js`);
    }
  });
});
