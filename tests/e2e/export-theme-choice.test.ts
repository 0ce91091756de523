/**
 * The theme a single résumé names in `meta.theme`: used when it is installed here (and the export
 * line says so), replaced by the repository's own theme with a warning when it is not, in the
 * export and in the live preview alike.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createProgress } from '../../src/runtime.js';
import { startPreview } from '../../src/dev/preview.js';
import { runScript, stackLines } from '../support/cli.js';
import { seedResume } from '../support/export-fixture.js';
import { filesIn } from '../support/files.js';
import { otherThemesDir } from '../support/paths.js';

const work = mkdtempSync(join(tmpdir(), 'export-theme-choice-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function resumeNaming(name: string, theme: string): string {
  const file = join(work, `${name}.json`);
  writeFileSync(file, JSON.stringify({ ...seedResume(), meta: { theme } }, null, 2));
  return file;
}

describe('meta.theme of one résumé', () => {
  it('names a theme that is not installed: a warning, and the default theme renders it', async () => {
    const resume = resumeNaming('received', 'no-such-theme-xyz');
    const out = join(work, 'received-out');
    const result = await runScript('export', [
      '--resume',
      resume,
      '--out',
      out,
      '--format',
      'html',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(
      '⚠ meta.theme "no-such-theme-xyz" is not installed here, so the résumé is rendered with ./theme. To use it, install it (npm install jsonresume-theme-no-such-theme-xyz)',
    );
    expect(result.stderr).toMatch(/^✔ rendered with jsonresume-theme-camera-ready \(\d+ ms\)$/m);
    expect(filesIn(out)).toEqual(['resume.html']);
    expect(stackLines(result.stderr)).toEqual([]);
  });

  it('names an installed theme: it renders, and the line says the résumé chose it', async () => {
    const resume = resumeNaming('even', 'even');
    const out = join(work, 'even-out');
    // Run where the published themes are installed, as a user of `even` would.
    const result = await runScript(
      'export',
      ['--resume', resume, '--out', out, '--format', 'html'],
      { cwd: otherThemesDir },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(
      /^✔ rendered with jsonresume-theme-even \(meta\.theme\) \(\d+ ms\)$/m,
    );
  });

  it('--theme wins over meta.theme, without a warning', async () => {
    const resume = resumeNaming('overridden', 'no-such-theme-xyz');
    const out = join(work, 'overridden-out');
    const args = ['--resume', resume, '--out', out, '--format', 'html', '--theme', 'even'];
    const result = await runScript('export', args, { cwd: otherThemesDir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain('⚠');
    expect(result.stderr).toMatch(/^✔ rendered with jsonresume-theme-even \(\d+ ms\)$/m);
  });
});

describe('meta.theme in the live preview', () => {
  it('names a theme that is not installed: the same warning, and the preview serves ./theme', async () => {
    const resume = resumeNaming('preview', 'no-such-theme-xyz');
    const warnings: string[] = [];
    const server = await startPreview({
      port: 0,
      resume,
      theme: undefined,
      variant: undefined,
      pdf: false,
      offline: true,
      out: join(work, 'preview-out'),
      maxBytes: 1024 * 1024,
      cwd: process.cwd(),
      progress: createProgress({ write: (line) => warnings.push(line) }),
      log: () => undefined,
    });
    try {
      expect(warnings).toEqual([
        expect.stringContaining('⚠ meta.theme "no-such-theme-xyz" is not installed here'),
      ]);
      const page = await (await fetch(server.url)).text();
      expect(page).toContain(seedResume().basics?.name ?? '');
    } finally {
      await server.close();
    }
  });
});
