/**
 * `npm run export -- --resume a.json --resume b.json` (or a folder): many résumés, one browser,
 * each to its own names; and `--timings`, the phase line the benchmark reads.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScript, stackLines } from '../support/cli.js';
import { seedResume } from '../support/export-fixture.js';
import { filesIn } from '../support/files.js';
import { packageDir } from '../../src/maintainer/run.js';
import { repoRoot, seedResumePath as resumePath } from '../support/paths.js';

const work = mkdtempSync(join(tmpdir(), 'export-batch-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const sample = join(packageDir(repoRoot, '@jsonresume/schema'), 'sample.resume.json');

describe('npm run export with several résumés', () => {
  it('exports each named résumé to its own names with one browser', async () => {
    const out = join(work, 'named-out');
    const result = await runScript('export', [
      ...['--resume', resumePath, '--resume', sample, '--out', out, '--format', 'html,pdf'],
    ]);
    expect(result.code).toBe(0);
    expect(filesIn(out)).toEqual([
      'resume.html',
      'resume.pdf',
      'sample.resume.html',
      'sample.resume.pdf',
    ]);
    expect(result.stderr.match(/^✔ started /gm)).toHaveLength(1);
    expect(result.stderr).toMatch(/^✔ exported 2 of 2 résumés/m);
  });

  it('exports every .json file of a folder, and goes on past one that is invalid', async () => {
    const folder = join(work, 'cvs');
    mkdirSync(folder);
    copyFileSync(sample, join(folder, 'ada.json'));
    const invalid = { ...seedResume(), basics: { ...seedResume().basics, email: 'not-an-email' } };
    writeFileSync(join(folder, 'broken.json'), JSON.stringify(invalid, null, 2));
    copyFileSync(sample, join(folder, 'zoe.json'));
    writeFileSync(join(folder, 'notes.txt'), 'not a résumé');
    const out = join(work, 'folder-out');
    const result = await runScript('export', ['--resume', folder, '--out', out, '--format', 'pdf']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^✖ .*broken\.json: .*basics\.email/m);
    expect(result.stderr).toMatch(/^✔ exported 2 of 3 résumés/m);
    expect(filesIn(out)).toEqual(['ada.pdf', 'zoe.pdf']);
    expect(stackLines(result.stderr)).toEqual([]);
  });

  it("renders every résumé with one theme: a résumé's meta.theme runs no code unless asked", async () => {
    // A theme that leaves a mark when its code runs at all (at load).
    const theme = join(work, 'marking-theme');
    const mark = join(work, 'marking-theme-ran');
    mkdirSync(theme);
    writeFileSync(
      join(theme, 'index.js'),
      `require('node:fs').writeFileSync(${JSON.stringify(mark)}, 'ran');\n` +
        "exports.render = () => '<!doctype html><title>marked</title><p>marked</p>';\n",
    );
    const folder = join(work, 'received');
    mkdirSync(folder);
    const seed = seedResume();
    writeFileSync(join(folder, 'a.json'), JSON.stringify({ ...seed, meta: { theme } }, null, 2));
    writeFileSync(join(folder, 'b.json'), JSON.stringify(seed, null, 2));
    const out = join(work, 'received-out');
    const args = ['--resume', folder, '--out', out, '--format', 'html'];
    const result = await runScript('export', args);
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(mark)).toBe(false);
    expect(readFileSync(join(out, 'a.html'), 'utf8')).not.toContain('marked');
    expect(
      result.stderr.match(/^✔ rendered with jsonresume-theme-camera-ready \(\d+ ms\)$/gm),
    ).toHaveLength(2);

    // Asked for, each résumé's own theme runs, and the line says where it came from.
    const own = await runScript('export', [...args, '--theme-from-resume']);
    expect(own.code, own.stderr).toBe(0);
    expect(existsSync(mark)).toBe(true);
    expect(readFileSync(join(out, 'a.html'), 'utf8')).toContain('marked');
    expect(own.stderr).toMatch(/^✔ rendered with marking-theme \(meta\.theme\) \(\d+ ms\)$/m);
    // b.json is the seed résumé, whose meta.theme names this theme.
    expect(own.stderr).toMatch(
      /^✔ rendered with jsonresume-theme-camera-ready \(meta\.theme\) \(\d+ ms\)$/m,
    );

    const both = await runScript('export', [...args, '--theme-from-resume', '--theme', theme]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--theme and --theme-from-resume: choose one');
  });

  it('goes on past a résumé whose theme fails, rendering the rest with theirs', async () => {
    const theme = join(work, 'throwing-theme');
    mkdirSync(theme);
    writeFileSync(
      join(theme, 'index.js'),
      "exports.render = () => { throw new Error('template exploded'); };\n",
    );
    const folder = join(work, 'mixed-themes');
    mkdirSync(folder);
    const seed = seedResume();
    writeFileSync(join(folder, 'a.json'), JSON.stringify({ ...seed, meta: { theme } }, null, 2));
    writeFileSync(join(folder, 'b.json'), JSON.stringify(seed, null, 2));
    writeFileSync(join(folder, 'c.json'), JSON.stringify(seed, null, 2));
    const out = join(work, 'mixed-out');
    const result = await runScript('export', [
      '--resume',
      folder,
      '--out',
      out,
      '--format',
      'html',
      '--theme-from-resume',
    ]);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^✖ .*a\.json: .*template exploded/m);
    expect(filesIn(out)).toEqual(['b.html', 'c.html']);
    expect(stackLines(result.stderr)).toEqual([]);
  });

  it.each([
    [
      'two résumés with one file name',
      ['--resume', sample, '--resume', join(work, 'x', 'sample.resume.json')],
      /would both be written as sample\.resume\.\*/,
    ],
    [
      'a variant',
      ['--resume', resumePath, '--resume', sample, '--variant', 'industry'],
      /--variant exports one résumé/,
    ],
    ['a folder without résumés', ['--resume', work + '/empty'], /holds no \.json file/],
  ])('refuses %s before any work (exit 2)', async (_, args, message) => {
    mkdirSync(join(work, 'x'), { recursive: true });
    copyFileSync(sample, join(work, 'x', 'sample.resume.json'));
    mkdirSync(join(work, 'empty'), { recursive: true });
    const out = join(work, 'refused-out');
    const result = await runScript('export', [...args, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(filesIn(out)).toEqual([]);
  });
});

describe('npm run export -- --timings', () => {
  it('prints one line with every phase in whole milliseconds', async () => {
    const out = join(work, 'timings-out');
    const result = await runScript('export', ['--out', out, '--quiet', '--timings']);
    expect(result.code).toBe(0);
    const lines = result.stderr.split('\n').filter((line) => line.startsWith('timings '));
    expect(lines).toHaveLength(1);
    const phases = JSON.parse(lines[0]!.slice('timings '.length)) as Record<string, number>;
    // The names and order npm run bench reads.
    expect(Object.keys(phases).join(' ')).toBe(
      'start validate render browserStart load print postProcess write',
    );
    for (const ms of Object.values(phases)) {
      expect(Number.isInteger(ms) && ms >= 0).toBe(true);
    }
  });
});
