/**
 * Writing files: writeFilesAtomic's all-or-nothing set of outputs, and replaceFile, the one way a
 * command rewrites a file the user keeps: what each refuses and what it leaves behind, on real
 * files in a scratch folder. (Taking over the lock of a killed writer needs a real process:
 * tests/e2e/atomic-write-takeover.test.ts.)
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, test } from 'vitest';
import {
  FileChangedError,
  FileNotReplacedError,
  LOCK_NAME,
  OutputLockedError,
  UnsafeFileNameError,
  replaceFile,
  writeFileAtomic,
  writeFilesAtomic,
} from '../../../src/export/write-files.js';

let scratch: string;
let counter = 0;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'replace-file-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function folder(): Promise<string> {
  const dir = join(scratch, String(counter++));
  await mkdir(dir);
  return dir;
}

describe('replaceFile', () => {
  test('replaces the file when it still holds what was read', async () => {
    const path = join(await folder(), 'resume.json');
    await writeFile(path, '{"a": 1}\n');
    await replaceFile(path, '{"a": 2}\n', { expected: '{"a": 1}\n' });
    expect(await readFile(path, 'utf8')).toBe('{"a": 2}\n');
  });

  test('refuses when the file changed since it was read; the change stays, nothing is left', async () => {
    const dir = await folder();
    const path = join(dir, 'resume.json');
    await writeFile(path, '{"a": "saved by an editor"}\n');
    const write = replaceFile(path, '{"a": 2}\n', { expected: '{"a": 1}\n' });
    await expect(write).rejects.toThrow(FileChangedError);
    await expect(write).rejects.toThrow(`${path} was changed by another program`);
    expect(await readFile(path, 'utf8')).toBe('{"a": "saved by an editor"}\n');
    expect(await readdir(dir)).toEqual(['resume.json']);
  });

  test('creates a file expected to be new, and refuses when one appeared meanwhile', async () => {
    const dir = await folder();
    const path = join(dir, 'new.json');
    await replaceFile(path, '{}\n', { expected: null });
    expect(await readFile(path, 'utf8')).toBe('{}\n');
    await expect(replaceFile(path, '[]\n', { expected: null })).rejects.toThrow(FileChangedError);
    expect(await readFile(path, 'utf8')).toBe('{}\n');
  });

  test('refuses a symbolic link to nothing, saying so, and leaves the link', async () => {
    const dir = await folder();
    const path = join(dir, 'resume.json');
    await symlink('missing.json', path);
    await expect(replaceFile(path, '{}\n', { expected: null })).rejects.toThrow(
      FileNotReplacedError,
    );
    await expect(replaceFile(path, '{}\n', { expected: null })).rejects.toThrow(
      'is a symbolic link to a file that does not exist',
    );
    expect(await readdir(dir)).toEqual(['resume.json']);
  });

  test('refuses what is not a regular file', async () => {
    const dir = await folder();
    await mkdir(join(dir, 'resume.json'));
    await expect(replaceFile(join(dir, 'resume.json'), '{}\n', { expected: '' })).rejects.toThrow(
      'is not a regular file',
    );
  });
});

const work = mkdtempSync(join(tmpdir(), 'write-files-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('writeFilesAtomic', () => {
  it('replaces a file whole and leaves no temporary file', async () => {
    const folder = mkdtempSync(join(work, 'atomic-'));
    await writeFileAtomic(join(folder, 'a.txt'), 'old');
    await writeFileAtomic(join(folder, 'a.txt'), 'new');
    expect(readFileSync(join(folder, 'a.txt'), 'utf8')).toBe('new');
    expect(readdirSync(folder)).toEqual(['a.txt']);
  });

  it('changes nothing when one of the files cannot be written', async () => {
    const folder = mkdtempSync(join(work, 'atomic-'));
    writeFileSync(join(folder, 'a.txt'), 'previous');
    // The same name twice: the second write into the staging folder fails.
    const files = [
      { name: 'a.txt', data: 'next' },
      { name: 'b.txt', data: 'next' },
      { name: 'b.txt', data: 'again' },
    ];
    await expect(writeFilesAtomic(folder, files)).rejects.toThrow(/EEXIST/);
    expect(readFileSync(join(folder, 'a.txt'), 'utf8')).toBe('previous');
    expect(readdirSync(folder)).toEqual(['a.txt']);
  });

  it.each(['../x.html', 'sub/x.html', '..', '', 'a\\b'])(
    'refuses the name %j, which is no plain file name, before writing anything',
    async (name) => {
      const folder = mkdtempSync(join(work, 'atomic-'));
      const files = [
        { name: 'a.txt', data: 'next' },
        { name, data: 'outside' },
      ];
      await expect(writeFilesAtomic(join(folder, 'out'), files)).rejects.toBeInstanceOf(
        UnsafeFileNameError,
      );
      expect(readdirSync(folder)).toEqual([]);
    },
  );

  it('waits for a live writer’s lock and then gives up, leaving its lock and files alone', async () => {
    const folder = mkdtempSync(join(work, 'atomic-'));
    writeFileSync(join(folder, 'a.txt'), 'previous');
    // This very process is alive, so the lock is not stale.
    writeFileSync(join(folder, LOCK_NAME), `${process.pid}\n`);
    const write = writeFilesAtomic(folder, [{ name: 'a.txt', data: 'next' }], { lockWaitMs: 200 });
    await expect(write).rejects.toBeInstanceOf(OutputLockedError);
    expect(readFileSync(join(folder, 'a.txt'), 'utf8')).toBe('previous');
    expect(readdirSync(folder).sort()).toEqual([LOCK_NAME, 'a.txt']);
  });
});
