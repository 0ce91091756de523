/**
 * `exportResume({ env })`: the environment a caller gives is the one the browser is found with and
 * the one the programs started for the export (Chromium) run with.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/browser/find-or-install.js';
import { createProgress } from '../../src/runtime.js';
import { exportResume } from '../../src/export/export.js';
import { filesIn } from '../support/files.js';
import { seedResumePath as resumePath } from '../support/paths.js';

const work = mkdtempSync(join(tmpdir(), 'export-env-'));
/** The name the export looks for first on PATH (src/browser/find-or-install.ts). */
const ENGINE = 'chromium-headless-shell';
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('exportResume with an environment of its own', () => {
  it('starts Chromium with that environment, not the process’s', async () => {
    const lookup = await findBrowser();
    if (!lookup.found) throw new Error(`This test needs Chromium: ${lookup.reason}`);
    // The engine the export prefers, first on the given PATH: it notes its environment, then
    // runs the real one.
    const bin = join(work, 'bin');
    mkdirSync(bin);
    const seen = join(work, 'chromium-environment');
    writeFileSync(join(bin, ENGINE), `#!/bin/sh\nenv > '${seen}'\nexec '${lookup.path}' "$@"\n`);
    chmodSync(join(bin, ENGINE), 0o755);
    const emptyCache = join(work, 'no-puppeteer-download');
    mkdirSync(emptyCache);
    const env: NodeJS.ProcessEnv = {
      PATH: `${bin}:${process.env.PATH ?? ''}`,
      HOME: process.env.HOME,
      PUPPETEER_CACHE_DIR: emptyCache,
      EXPORT_ENV_PROBE: 'given-by-the-caller',
    };
    expect(process.env.EXPORT_ENV_PROBE).toBeUndefined();

    const out = join(work, 'out');
    await exportResume({
      resume: resumePath,
      out,
      formats: ['pdf'],
      env,
      progress: createProgress({ quiet: true, write: () => undefined }),
    });
    expect(filesIn(out)).toEqual(['resume.pdf']);
    const environment = readFileSync(seen, 'utf8').split('\n');
    expect(environment).toContain('EXPORT_ENV_PROBE=given-by-the-caller');
    expect(environment).toContain(`PUPPETEER_CACHE_DIR=${emptyCache}`);
  });
});
