/**
 * The theme as resumed loads it: `import()` in plain Node gives the same synchronous `render` and
 * PDF options as `require()`.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/paths.js';
import { theme } from '../support/theme.js';

const exec = promisify(execFile);

describe('entry points', () => {
  it('import() in plain Node gives the same render and options', async () => {
    // A child process: Node's own ES module loader, as resumed uses it, not the test runner's.
    const script = `
      const esm = await import('jsonresume-theme-camera-ready');
      const html = esm.render({ basics: { name: 'Ada Lovelace' } });
      console.log(JSON.stringify({
        html, options: esm.pdfRenderOptions, viewModel: typeof esm.buildViewModel,
        defaultRender: typeof esm.default.render,
      }));`;
    const { stdout } = await exec(process.execPath, ['--input-type=module', '-e', script], {
      cwd: repoRoot,
    });
    const result = JSON.parse(stdout) as Record<string, unknown>;
    expect(result['html']).toBe(theme.render({ basics: { name: 'Ada Lovelace' } }));
    expect(result['options']).toEqual(theme.pdfRenderOptions);
    expect(result['viewModel']).toBe('function');
    expect(result['defaultRender']).toBe('function');
  });
});
