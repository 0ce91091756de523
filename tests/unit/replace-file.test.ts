/**
 * replaceFile, the one way a command rewrites a file the user keeps: what it refuses and what it
 * leaves behind, on real files in a scratch folder.
 */
import { mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  FileChangedError,
  FileNotReplacedError,
  replaceFile,
} from '../../src/export/write-files.js';

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
