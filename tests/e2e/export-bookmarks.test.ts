/**
 * Section bookmarks when a heading starts a page. Chromium then names that heading's outline
 * item after every piece of it it painted ("PUBLICATIONSPUBLICATIONS"), so matching bookmarks by
 * text lost that section and every one after it.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SectionKey } from 'jsonresume-theme-camera-ready';
import { runScript, type CliResult } from '../support/cli.js';
import { bookmarkTitles, loadPdf, seedResume } from '../support/export-fixture.js';

const exec = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), 'export-bookmarks-'));
const SECTIONS: SectionKey[] = [
  'education',
  'interests',
  'work',
  'publications',
  'projects',
  'awards',
  'skills',
];

/**
 * The CV with Publications (plain title, no note) right after the work experience, shortened by
 * two project highlights so that its heading is carried over to the top of page 2.
 */
function headingAtPageTop(): string {
  const resume = seedResume();
  const themeOptions = resume.meta?.themeOptions ?? {};
  const { publications: _title, ...sectionTitles } = themeOptions.sectionTitles ?? {};
  resume.meta = {
    ...resume.meta,
    themeOptions: { ...themeOptions, sections: SECTIONS, sectionTitles, sectionNotes: {} },
  };
  let toDrop = 2;
  for (const project of (resume.work ?? []).flatMap((job) => job.projects ?? [])) {
    while (toDrop > 0 && (project.highlights?.length ?? 0) > 1) {
      project.highlights?.pop();
      toDrop -= 1;
    }
  }
  const path = join(work, 'heading-at-page-top.json');
  writeFileSync(path, JSON.stringify(resume, null, 2));
  return path;
}

let result: CliResult;
const pdf = join(work, 'out', 'resume.pdf');

beforeAll(async () => {
  result = await runScript('export', ['--resume', headingAtPageTop(), '--out', join(work, 'out')]);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run export with a section heading at the top of a page', () => {
  it('lays the page out as intended: Publications opens page 2', async () => {
    expect(result.code, result.stderr).toBe(0);
    const { stdout } = await exec('pdftotext', ['-f', '2', '-l', '2', pdf, '-']);
    expect(stdout.trimStart().split('\n')[0]).toBe('PUBLICATIONS');
  });

  it('bookmarks every section, in order', async () => {
    const { sectionTitles = {} } = seedResume().meta?.themeOptions ?? {};
    const titles = SECTIONS.map(
      (key) =>
        (key === 'publications' ? undefined : sectionTitles[key]) ??
        key[0]!.toUpperCase() + key.slice(1),
    );
    expect(bookmarkTitles(await loadPdf(pdf))).toEqual(titles);
  });
});
