/**
 * How the import writes the résumé: an edit saved by another program between the import's read
 * and its write (made at exactly that moment through the injected reader, not by a timed race) is
 * merged into, never overwritten; a symbolic link stays a link and its target is updated; a
 * private file stays private; a file with two hard links is refused with a reason, untouched.
 */
import {
  chmod,
  link,
  lstat,
  mkdir,
  mkdtemp,
  readFile,
  readdir,
  readlink,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { importBib } from '../../../src/bib/import.js';
import { readResumeText } from '../../../src/resume/load.js';

let scratch: string;
let counter = 0;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'bib-import-writes-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const RESUME = `${JSON.stringify({ basics: { name: 'Tomás Ferreira' } }, null, 2)}\n`;
const BIB =
  '@article{ferreira2025streams, title={Streams in Step}, author={Ferreira, Tomás and Mensah, Kwame}, journal={Journal of Sensor Learning}, year={2025}}\n';

/** A fresh folder with the résumé and the .bib file in it. */
async function folder(): Promise<{ dir: string; resumePath: string; bibPath: string }> {
  const dir = join(scratch, String(counter++));
  await mkdir(dir);
  const resumePath = join(dir, 'resume.json');
  const bibPath = join(dir, 'refs.bib');
  await writeFile(resumePath, RESUME);
  await writeFile(bibPath, BIB);
  return { dir, resumePath, bibPath };
}

const titles = (text: string) =>
  ((JSON.parse(text) as Resume).publications ?? []).map((p) => p.name);

/** What an editor saves: the résumé as read, with a new label. */
const withLabel = (text: string, label: string) => {
  const resume = JSON.parse(text) as Resume;
  return `${JSON.stringify({ ...resume, basics: { ...resume.basics, label } }, null, 2)}\n`;
};

describe('an edit saved while the import runs', () => {
  test('is merged into: the file ends with the edit and the imported paper', async () => {
    const { resumePath, bibPath } = await folder();
    let reads = 0;
    const result = await importBib({
      bibPath,
      resumePath,
      dryRun: false,
      // Another program saves the résumé right after the import's first read of it.
      readResume: async (path) => {
        const read = await readResumeText(path);
        if (reads++ === 0 && read.ok)
          await writeFile(path, withLabel(read.text, 'Edited meanwhile'));
        return read;
      },
    });
    expect(result.failure).toBeUndefined();
    expect(result.status).toBe('ok');
    expect(result.written).toBe(true);
    const after = await readFile(resumePath, 'utf8');
    expect((JSON.parse(after) as Resume).basics?.label).toBe('Edited meanwhile');
    expect(titles(after)).toEqual(['Streams in Step']);
  });

  test('that comes again on every attempt: nothing written, exit 2, and the message says why', async () => {
    const { resumePath, bibPath } = await folder();
    let reads = 0;
    const result = await importBib({
      bibPath,
      resumePath,
      dryRun: false,
      readResume: async (path) => {
        const read = await readResumeText(path);
        if (read.ok) await writeFile(path, withLabel(read.text, `Edit ${++reads}`));
        return read;
      },
    });
    expect(result.status).toBe('not-saved');
    expect(result.written).toBe(false);
    expect(result.failure).toContain(`${resumePath} was changed by another program`);
    expect(result.failure).toContain('nothing was written');
    const after = await readFile(resumePath, 'utf8');
    expect((JSON.parse(after) as Resume).basics?.label).toBe(`Edit ${reads}`);
    expect(titles(after)).toEqual([]);
  });
});

describe('the résumé as the user keeps it', () => {
  test('a symbolic link stays a link, and the file it leads to is updated', async () => {
    const { dir, resumePath, bibPath } = await folder();
    const realDir = join(dir, 'dotfiles');
    await mkdir(realDir);
    const real = join(realDir, 'cv.json');
    await writeFile(real, RESUME);
    await rm(resumePath);
    await symlink(join('dotfiles', 'cv.json'), resumePath);
    const result = await importBib({ bibPath, resumePath, dryRun: false });
    expect(result.status).toBe('ok');
    expect((await lstat(resumePath)).isSymbolicLink()).toBe(true);
    expect(await readlink(resumePath)).toBe(join('dotfiles', 'cv.json'));
    expect(titles(await readFile(real, 'utf8'))).toEqual(['Streams in Step']);
    // No staging folder or lock is left in either folder.
    expect((await readdir(dir)).sort()).toEqual(['dotfiles', 'refs.bib', 'resume.json']);
    expect(await readdir(realDir)).toEqual(['cv.json']);
  });

  test('a private file (0600) stays private', async () => {
    const { resumePath, bibPath } = await folder();
    await chmod(resumePath, 0o600);
    const result = await importBib({ bibPath, resumePath, dryRun: false });
    expect(result.status).toBe('ok');
    expect(titles(await readFile(resumePath, 'utf8'))).toEqual(['Streams in Step']);
    expect((await stat(resumePath)).mode & 0o777).toBe(0o600);
  });

  test('a file with two hard links is refused with the reason and a fix; both names unchanged', async () => {
    const { dir, resumePath, bibPath } = await folder();
    const other = join(dir, 'backup.json');
    await link(resumePath, other);
    const result = await importBib({ bibPath, resumePath, dryRun: false });
    expect(result.status).toBe('not-saved');
    expect(result.written).toBe(false);
    expect(result.failure).toContain(`${resumePath} has 2 hard links`);
    expect(result.failure).toContain('then run again');
    expect((await stat(resumePath)).nlink).toBe(2);
    expect((await stat(resumePath)).ino).toBe((await stat(other)).ino);
    expect(await readFile(resumePath, 'utf8')).toBe(RESUME);
  });
});
