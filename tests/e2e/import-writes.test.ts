/**
 * The real `npm run import` under fire: two imports at once on one résumé (100 rounds), SIGTERM
 * while an import waits to write (held there by a lock this test owns, so the moment is certain,
 * not timed), and a .bib key carrying terminal escape sequences.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LOCK_NAME } from '../../src/export/write-files.js';
import { runScript, scriptCommand } from '../support/cli.js';
import { repoRoot } from '../support/paths.js';

const plain = { env: { NO_COLOR: '1' } };
const RESUME = `${JSON.stringify({ basics: { name: 'Tomás Ferreira' } }, null, 2)}\n`;
const entry = (key: string, title: string) =>
  `@article{${key}, title={${title}}, author={Ferreira, Tomás and Mensah, Kwame}, journal={Journal of Sensor Learning}, year={2025}}\n`;

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'import-writes-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const titles = async (path: string) =>
  ((JSON.parse(await readFile(path, 'utf8')) as Resume).publications ?? []).map((p) => p.name);

describe('two imports at once on one résumé', () => {
  test('in 100 of 100 rounds, each paper is in the file or its import failed saying why', async () => {
    const bibA = join(scratch, 'a.bib');
    const bibB = join(scratch, 'b.bib');
    await writeFile(bibA, entry('alpha2025', 'Alpha Paper'));
    await writeFile(bibB, entry('beta2025', 'Beta Paper'));
    const outcomes = { bothWritten: 0, oneRefused: 0 };
    for (let round = 0; round < 100; round++) {
      const folder = join(scratch, `round-${round}`);
      await mkdir(folder);
      const resume = join(folder, 'resume.json');
      await writeFile(resume, RESUME);
      const [a, b] = await Promise.all(
        [bibA, bibB].map((bib) => runScript('import', [bib, '--resume', resume, '--quiet'], plain)),
      );
      const inFile = await titles(resume);
      for (const [result, title] of [
        [a!, 'Alpha Paper'],
        [b!, 'Beta Paper'],
      ] as const) {
        if (result.code === 0) expect(inFile, `round ${round}`).toContain(title);
        else
          expect(result.stderr, `round ${round}`).toMatch(
            /changed by another program|being written by another command/,
          );
      }
      if (a!.code === 0 && b!.code === 0) outcomes.bothWritten++;
      else outcomes.oneRefused++;
      expect((await readdir(folder)).sort(), `round ${round}`).toEqual(['resume.json']);
    }
    expect(outcomes.bothWritten + outcomes.oneRefused).toBe(100);
    // 200 processes on a busy two-core machine: minutes, not the default two.
  }, 900_000);
});

describe('SIGTERM in the middle of an import', () => {
  test('leaves the résumé’s bytes and no file of its own behind, and exits 143', async () => {
    const folder = join(scratch, 'sigterm');
    await mkdir(folder);
    const resume = join(folder, 'resume.json');
    const bib = join(folder, 'refs.bib');
    await writeFile(resume, RESUME);
    await writeFile(bib, entry('alpha2025', 'Alpha Paper'));
    // The folder's lock, held by this (live) process: the import reads and merges, then waits.
    const lock = join(folder, LOCK_NAME);
    await writeFile(lock, `${process.pid}\n`);
    const [command, args] = scriptCommand('import');
    const child = spawn(command, [...args, bib, '--resume', resume], {
      cwd: repoRoot,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    // Waiting for the lock shows as the import's own lock draft next to the lock.
    while (!(await readdir(folder)).some((name) => name.startsWith(`${LOCK_NAME}.`))) {
      await sleep(20);
    }
    child.kill('SIGTERM');
    expect(await exited).toBe(143);
    expect(stderr).toContain('SIGTERM');
    expect(await readFile(resume, 'utf8')).toBe(RESUME);
    expect((await readdir(folder)).sort()).toEqual([LOCK_NAME, 'refs.bib', 'resume.json']);
    expect(await readFile(lock, 'utf8')).toBe(`${process.pid}\n`);
  });
});

/** CPU time a process has used so far, from /proc (Linux), in ms. */
async function cpuMs(pid: number): Promise<number> {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
  // utime and stime, in clock ticks (100 a second).
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

describe('a signal during a long import', () => {
  test.each(['SIGINT', 'SIGTERM'] as const)(
    '%s while 1,000 updates are merged: the résumé keeps its bytes, nothing is left behind',
    async (signal) => {
      const folder = join(scratch, `long-${signal}`);
      await mkdir(folder);
      const resume = join(folder, 'resume.json');
      const bib = join(folder, 'refs.bib');
      const title = (index: number) => `Streams in Step, Part ${index}`;
      const publications = Array.from({ length: 2_000 }, (_, index) => ({
        name: title(index),
        venue: 'ICLR',
        releaseDate: '2024',
        status: 'published',
      }));
      const text = `${JSON.stringify({ basics: { name: 'Tomás Ferreira' }, publications }, null, 2)}\n`;
      await writeFile(resume, text);
      await writeFile(
        bib,
        Array.from({ length: 1_000 }, (_, index) => entry(`p${index}`, title(index))).join(''),
      );
      // The folder's lock, held by this process: whenever the signal lands, the import cannot
      // have written yet.
      const lock = join(folder, LOCK_NAME);
      await writeFile(lock, `${process.pid}\n`);
      const [command, args] = scriptCommand('import');
      const child = spawn(command, [...args, bib, '--resume', resume, '--quiet'], {
        cwd: repoRoot,
        env: { ...process.env, NO_COLOR: '1' },
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      // Well into its work: past start-up, reading and parsing.
      while ((await cpuMs(child.pid!).catch(() => Infinity)) < 700) await sleep(20);
      child.kill(signal);
      expect(await exited).toBe(signal === 'SIGINT' ? 130 : 143);
      expect(stderr).toContain(signal);
      expect(await readFile(resume, 'utf8')).toBe(text);
      expect((await readdir(folder)).sort()).toEqual([LOCK_NAME, 'refs.bib', 'resume.json']);
    },
  );
});

describe('what the import prints', () => {
  test('terminal escape sequences in a key and a title (ESC, DEL, the one-byte CSI) are printed escaped', async () => {
    const folder = join(scratch, 'escapes');
    await mkdir(folder);
    const resume = join(folder, 'resume.json');
    const bib = join(folder, 'refs.bib');
    await writeFile(resume, RESUME);
    await writeFile(
      bib,
      entry('k\u001b[31mred\u007f\u009b2J', 'Alpha Paper') +
        entry('beta2025', 'Beta \u009b2J Paper \u001b]0;title\u0007'),
    );
    const result = await runScript('import', [bib, '--resume', resume, '--dry-run'], plain);
    const output = result.stdout + result.stderr;
    // The key in the report of the entry the parser refuses; the title in the list of changes.
    expect(result.stderr).toContain('k\\u001b[31mred\\u007f\\u009b2J');
    expect(result.stdout).toContain('"Beta \\u009b2J Paper \\u001b]0;title\\u0007"');
    expect(output).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});
