/**
 * A page too long to print whole: Chromium would cut it short without a word (a 20 MB summary
 * printed 30 % of its text, exit 0). The export fails with the reason and writes nothing.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScript, stackLines } from '../support/cli.js';
import { filesIn } from '../support/files.js';
import { seedResumePath } from '../support/paths.js';

const work = mkdtempSync(join(tmpdir(), 'export-page-length-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A theme whose page is `sheets` A4 sheets (1123 CSS px each) tall, with a line at each end. */
function tallTheme(name: string, sheets: number): string {
  const folder = join(work, name);
  mkdirSync(folder);
  writeFileSync(
    join(folder, 'index.js'),
    `exports.render = () => '<!doctype html><html lang="en"><title>tall</title><body style="margin:0"><p>first line</p><div style="height:${sheets * 1123}px"></div><p>last line</p></body></html>';\n`,
  );
  return folder;
}

describe('a page longer than the export can print', () => {
  it('fails (exit 3) with the reason, and writes no PDF', async () => {
    const out = join(work, 'out');
    const result = await runScript('export', [
      ...['--resume', seedResumePath, '--theme', tallTheme('tall', 400)],
      ...['--out', out, '--format', 'html,pdf'],
    ]);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(
      /✖ Export to PDF failed: the page is at least 40\d sheets long, and the export prints at most 200: Chromium cuts longer documents short/,
    );
    expect(filesIn(out)).toEqual([]);
    expect(stackLines(result.stderr)).toEqual([]);
  });
});
