/**
 * The theme's own process, driven directly (the export's steps around it are
 * tests/e2e/export-limits.test.ts): a theme that crashes while it is preloaded is reported at
 * once, with its own message, whenever the render is asked for; the memory cap holds at any size.
 */
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { ThemeLoadError, ThemeRenderError } from '../../src/errors.js';
import { startThemeWorker } from '../../src/export/theme-render.js';
import { seedResume } from '../support/export-fixture.js';
import { repoRoot } from '../support/paths.js';
import { hostileTheme } from '../support/probe.js';

const loadCrash = join(repoRoot, 'tests', 'fixtures', 'themes', 'load-crash');

describe('the theme process', () => {
  it('reports a theme that crashed while preloading as soon as its render is asked for', async () => {
    const worker = startThemeWorker();
    try {
      worker.preload(loadCrash, repoRoot);
      // The crash comes first, the order that used to wait for the whole limit and then blame a
      // loop; the outcome must not depend on the order.
      await delay(1500);
      const rendering = worker.render(
        { spec: loadCrash, cwd: repoRoot, resume: seedResume() },
        20_000,
      );
      await expect(rendering).rejects.toThrow(ThemeLoadError);
      await expect(rendering).rejects.toThrow(
        /Theme jsonresume-theme-load-crash crashed while loading: ENOENT: no such file or directory, open '\S*settings\.json'/,
      );
    } finally {
      await worker.stop();
    }
  });

  it('holds the memory cap it is given', async () => {
    const worker = startThemeWorker({ memoryLimitMb: 200 });
    try {
      const resume = { ...seedResume(), meta: { probe: { behave: ['render-hog-buffers'] } } };
      const rendering = worker.render({ spec: hostileTheme, cwd: repoRoot, resume }, 20_000);
      await expect(rendering).rejects.toThrow(ThemeRenderError);
      await expect(rendering).rejects.toThrow(
        'Theme jsonresume-theme-hostile used more than 200 MB of memory while rendering and was stopped',
      );
    } finally {
      await worker.stop();
    }
  });
});
