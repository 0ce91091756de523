/**
 * A theme's build in the preview that never finishes (its "build" starts a watcher): the build is
 * stopped at its limit with a message, and npm, its `sh` and the command it runs end with the
 * preview. Real npm on a copy of tests/fixtures/themes/slow-build, whose build is `sleep 300`;
 * npm hands every process of the build the copy's package.json path, which finds them.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { ThemeLoadError } from '../../src/errors.js';
import { themeWatchPlan } from '../../src/dev/watch.js';
import { scriptCommand } from '../support/cli.js';
import { repoRoot, seedResumePath } from '../support/paths.js';
import { processesMentioning } from '../support/probe.js';

const work = mkdtempSync(join(tmpdir(), 'dev-theme-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const fixture = join(repoRoot, 'tests', 'fixtures', 'themes', 'slow-build');

/** A copy of the theme of its own, so its processes can be told apart by its path. */
function themeCopy(name: string): string {
  const copy = join(work, name);
  cpSync(fixture, copy, { recursive: true });
  return copy;
}

/** Polls until `check` holds, or fails after `limitMs` saying what was awaited. */
async function waitFor(what: string, check: () => boolean, limitMs = 20_000): Promise<void> {
  for (const end = performance.now() + limitMs; !check(); await delay(50)) {
    if (performance.now() > end) throw new Error(`${what}: not within ${limitMs} ms`);
  }
}

const sleeping = (theme: string) =>
  processesMentioning(theme).some((line) => / sleep \(/.test(line));

describe('theme builds in the preview', () => {
  it('stop a build that never finishes at its limit, with a message, leaving no process', async () => {
    const theme = themeCopy('limit');
    const { rebuild } = themeWatchPlan(theme, { buildLimitMs: 3000 });
    const built = rebuild?.();
    await waitFor('the build started', () => sleeping(theme));
    await expect(built).rejects.toThrow(ThemeLoadError);
    await expect(built).rejects.toThrow(
      "the theme's build (npm run build) did not finish within 3 s and was stopped",
    );
    expect(processesMentioning(theme)).toEqual([]);
  });

  it('end with the preview: SIGTERM during a build leaves no npm, sh or sleep behind', async () => {
    const theme = themeCopy('sigterm');
    const resume = join(work, 'resume.json');
    cpSync(seedResumePath, resume);
    const [program, args] = scriptCommand('dev');
    const server = spawn(program, [...args, '--port', '0', '--resume', resume, '--theme', theme], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    server.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    server.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
    try {
      await waitFor(`the preview started (${stderr})`, () => stdout.includes('Serving'));
      // An edit of the theme's sources starts its build.
      writeFileSync(
        join(theme, 'templates', 'page.html'),
        '<!doctype html><title>{{name}}</title><p>edited',
      );
      await waitFor(`the build started (${stderr})`, () => sleeping(theme));
      server.kill('SIGTERM');
      expect(await exited).toBe(0);
      // SIGKILL to the build's group is sent as the preview exits; the kernel ends them at once.
      await waitFor(
        `the build's processes ended: ${processesMentioning(theme).join(', ')}`,
        () => processesMentioning(theme).length === 0,
        2000,
      );
    } finally {
      server.kill('SIGKILL');
    }
  });
});
