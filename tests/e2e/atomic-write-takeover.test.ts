/**
 * Atomic writes after a crash: the lock and staging folder of a writer that was killed outright
 * (a real process that has exited, so its id is free) are taken over.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_NAME, writeFilesAtomic } from '../../src/export/write-files.js';

const work = mkdtempSync(join(tmpdir(), 'atomic-takeover-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('writeFilesAtomic', () => {
  it('takes over the lock and staging folder of a writer that was killed outright', async () => {
    const folder = mkdtempSync(join(work, 'atomic-'));
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    writeFileSync(join(folder, LOCK_NAME), `${dead}\n`);
    mkdirSync(join(folder, `.camera-ready-staging-${dead}-0000`));
    writeFileSync(join(folder, `.camera-ready-staging-${dead}-0000`, 'a.txt'), 'half');
    await writeFilesAtomic(folder, [{ name: 'a.txt', data: 'next' }]);
    expect(readFileSync(join(folder, 'a.txt'), 'utf8')).toBe('next');
    expect(readdirSync(folder)).toEqual(['a.txt']);
  });
});
