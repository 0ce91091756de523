/**
 * `npm run dev -- --pdf` reports each PDF it writes with the time the write took, measured on the
 * run's clock: not the time since the process started. The preview writes through the export's
 * commit step (src/dev/preview.ts, pdfPreview), whose line this is.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createProgress } from '../../../src/runtime.js';
import { commitOutputs } from '../../../src/export/outputs.js';
import { FORMATS } from '../../../src/export/formats.js';
import { createTimings } from '../../../src/export/export.js';

const work = mkdtempSync(join(tmpdir(), 'dev-pdf-report-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the --pdf line of the preview', () => {
  it('names the file and says how long the write took', async () => {
    // A clock well past zero, as performance.now() is in a process that has run a while.
    const ticks = [90_000, 90_012];
    const lines: string[] = [];
    const progress = createProgress({ write: (line) => lines.push(line) });
    const outDir = join(work, 'dist');
    const path = join(outDir, 'resume.pdf');
    const planned = { name: 'pdf' as const, writer: FORMATS.pdf, fileName: 'resume.pdf', path };
    const produced = [{ planned, output: { data: '<p>cv</p>', detail: '2 pages, A4' }, ms: 0 }];
    const target = { outDir, shownOut: 'dist', cwd: work };
    await commitOutputs(
      produced,
      target,
      progress,
      createTimings(() => ticks.shift()!),
    );
    const written = [readFileSync(path, 'utf8')];
    expect(written).toEqual(['<p>cv</p>']);
    expect(lines).toEqual(['✔ wrote dist/resume.pdf — 2 pages, A4 (12 ms)']);
  });
});
