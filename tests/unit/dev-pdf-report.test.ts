/**
 * `npm run dev -- --pdf` reports each PDF it writes with the time the write took, measured on the
 * progress clock: not the time since the process started.
 */
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/runtime.js';
import { writePdfOnRender, type PdfPreview } from '../../src/dev/dev-pdf.js';
import type { LoadedTheme } from '../../src/export/theme-loader.js';

describe('the --pdf line of the preview', () => {
  it('names the file and says how long the write took', async () => {
    // A clock well past zero, as performance.now() is in a process that has run a while.
    const ticks = [90_000, 90_012];
    const lines: string[] = [];
    const progress = createProgress({
      write: (line) => lines.push(line),
      now: () => ticks.shift()!,
    });
    const written: string[] = [];
    const pdf: PdfPreview = {
      write: async (html) => {
        written.push(html);
        return '2 pages, A4';
      },
      close: async () => undefined,
    };
    const theme = { name: 'camera-ready' } as LoadedTheme;
    await writePdfOnRender(pdf, 'dist/resume.pdf', progress)('<p>cv</p>', {}, theme);
    expect(written).toEqual(['<p>cv</p>']);
    expect(lines).toEqual(['✔ wrote dist/resume.pdf — 2 pages, A4 (12 ms)']);
  });
});
