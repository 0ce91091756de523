/**
 * The printed page fits the data: no row is ever wider than the page, so Chromium never scales a
 * page down to fit it, and the CV keeps its two pages on A4 and on Letter.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfFonts, pdfInfo, pdfPageTexts, pdfText } from '../../src/maintainer/read-output.js';
import { runScript, type CliResult } from '../support/cli.js';
import { seedResume } from '../support/export-fixture.js';
import { seedResumePath } from '../support/paths.js';

const exec = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), 'print-fit-'));
const pdfOf = (name: string) => join(work, name, 'resume.pdf');

/**
 * A DBLP-style booktitle (DBLP spells proceedings out in full, workshop and series included) of
 * 180 characters, and a 40-author list as large collaborations publish: the shapes that widened
 * the venue column past the page.
 */
const LONG_VENUE =
  'Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition Workshops, ' +
  'Workshop on Efficient Deep Learning for Computer Vision and Embodied Agents, Seattle WA';
const AUTHORS = Array.from({ length: 40 }, (_, i) => `Author${String(i + 1)} Placeholder-Name`);

function writeLongResume(): string {
  const resume = seedResume();
  const owner = resume.basics?.name ?? '';
  resume.publications = resume.publications?.map((publication, index) =>
    index === 0
      ? {
          ...publication,
          venue: LONG_VENUE,
          authors: [...AUTHORS.slice(0, 20), owner, ...AUTHORS.slice(20)],
        }
      : publication,
  );
  const path = join(work, 'long.json');
  writeFileSync(path, JSON.stringify(resume, null, 2));
  return path;
}

function writeWithoutFooter(): string {
  const resume = seedResume();
  resume.meta = {
    ...resume.meta,
    themeOptions: { ...resume.meta?.themeOptions, pageFooter: false },
  };
  const path = join(work, 'bare.json');
  writeFileSync(path, JSON.stringify(resume, null, 2));
  return path;
}

interface Word {
  text: string;
  height: number;
}

/** Every word `pdftotext -bbox` finds, with the height of its box (which scales with the page). */
async function words(pdf: string): Promise<Word[]> {
  const { stdout } = await exec('pdftotext', ['-bbox', pdf, '-'], { maxBuffer: 64 << 20 });
  return [
    ...stdout.matchAll(
      /<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</g,
    ),
  ].map((match) => ({ text: match[3]!, height: Number(match[2]) - Number(match[1]) }));
}

let seedA4: CliResult;
let seedLetter: CliResult;
let long: CliResult;
let bare: CliResult;

beforeAll(async () => {
  expect(LONG_VENUE.length).toBe(180);
  const longPath = writeLongResume();
  const barePath = writeWithoutFooter();
  const exportTo = (resume: string, name: string, ...args: string[]) =>
    runScript('export', [
      '--resume',
      resume,
      '--out',
      join(work, name),
      '--format',
      'pdf',
      '--quiet',
      ...args,
    ]);
  [seedA4, seedLetter, long, bare] = await Promise.all([
    exportTo(seedResumePath, 'seed-a4'),
    exportTo(seedResumePath, 'seed-letter', '--paper', 'letter'),
    exportTo(longPath, 'long'),
    exportTo(barePath, 'bare'),
  ]);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a long venue and a long author list', () => {
  it('print at the same scale as the CV: the name is set as large', async () => {
    expect(seedA4.code, seedA4.stderr).toBe(0);
    expect(long.code, long.stderr).toBe(0);
    const name = (seedResume().basics?.name ?? '').split(' ')[0]!;
    const nameHeight = async (pdf: string) =>
      (await words(pdf)).find((w) => w.text === name)?.height;
    const seed = await nameHeight(pdfOf('seed-a4'));
    expect(seed).toBeGreaterThan(0);
    expect(await nameHeight(pdfOf('long'))).toBeCloseTo(seed!, 1);
  });

  it('keep every venue whole in the text layer', async () => {
    const text = await pdfText(pdfOf('long'));
    expect(text).toContain(LONG_VENUE);
    expect(text).toContain(AUTHORS.at(-1));
  });
});

describe('the CV', () => {
  it('prints on two pages on A4 and on Letter', async () => {
    expect(seedLetter.code, seedLetter.stderr).toBe(0);
    expect(await pdfInfo(pdfOf('seed-a4'))).toMatchObject({ pages: 2, width: 595, height: 842 });
    expect(await pdfInfo(pdfOf('seed-letter'))).toMatchObject({
      pages: 2,
      width: 612,
      height: 792,
    });
  });
});

describe('the page footer', () => {
  const name = seedResume().basics?.name ?? '';

  it('names the CV, numbers the page and dates the CV on every page, after the body', async () => {
    // meta.lastModified is 2026-11-24.
    for (const paper of ['seed-a4', 'seed-letter']) {
      const pages = await pdfPageTexts(pdfOf(paper));
      expect(pages).toHaveLength(2);
      pages.forEach((text, index) => {
        expect(text).toMatch(new RegExp(`${name} · updated Nov 2026 · ${index + 1} / 2$`));
      });
    }
  });

  it('is left out of the structure tree', async () => {
    const { stdout } = await exec('pdfinfo', ['-struct-text', pdfOf('seed-a4')], {
      maxBuffer: 64 << 20,
    });
    expect(stdout).toContain('SELECTED PUBLICATIONS');
    expect(stdout).not.toContain('updated Nov 2026');
    expect(stdout).not.toMatch(/\b1 \/ 2\b/);
  });

  it('is left out with themeOptions.pageFooter false', async () => {
    expect(bare.code, bare.stderr).toBe(0);
    const text = await pdfText(pdfOf('bare'));
    expect(text).not.toContain('updated');
    expect(text).not.toMatch(/\b[12] \/ 2\b/);
  });
});

describe('emphasis', () => {
  it('prints distinctions ("top 15%") in a real semibold italic face', async () => {
    expect(await pdfFonts(pdfOf('seed-a4'))).toContainEqual(
      expect.stringMatching(/\+SourceSans3\w*-(SemiBold|Bold)(It|Italic)$/i),
    );
  });
});

describe('the text layer', () => {
  it('has a real "•" before every bullet', async () => {
    const text = await pdfText(pdfOf('seed-a4'));
    const bullets = (seedResume().work ?? []).flatMap(
      (job) => job.projects?.flatMap((project) => project.highlights ?? []) ?? job.highlights ?? [],
    );
    expect(bullets.length).toBeGreaterThanOrEqual(10);
    expect(text.match(/•/g)?.length ?? 0).toBeGreaterThanOrEqual(bullets.length);
  });

  it('sets apostrophes typographically, where the data has typewriter ones', async () => {
    const text = await pdfText(pdfOf('seed-a4'));
    expect(JSON.stringify(seedResume())).toContain("ICLR'22");
    expect(text).toContain('(ICLR’22, IJCAI’22 long oral, AACL’23, arXiv’23)');
    expect(text).toContain('Master’s Graduation Thesis');
    expect(text).not.toMatch(/\p{L}'\p{L}/u);
  });
});
