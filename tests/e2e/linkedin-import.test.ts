/**
 * The real `npm run import` with LinkedIn's archive, as a folder and zipped at run time: what it
 * maps (primary email, bullets, dates, the ongoing job, skills once), what it never reads
 * (connections, recommendations, the birth date), merging into a hand-written résumé (kept,
 * idempotent, formatting kept), and malformed archives (located, nothing written). The fixture
 * is tests/fixtures/linkedin/export (see its README).
 */
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pdfInfo, pdfText } from '../../src/maintainer/read-output.js';
import { exportPdf, runScript, stackLines } from '../support/cli.js';
import { officialErrors } from '../support/official-schema.js';
import { repoRoot } from '../support/paths.js';

const fixture = join(repoRoot, 'tests', 'fixtures', 'linkedin', 'export');
const plain = { env: { NO_COLOR: '1' } };
let scratch: string;
let counter = 0;
const fresh = (name: string) => join(scratch, `${counter++}-${name}`);

/** The fixture folder zipped as LinkedIn ships it, optionally with files replaced or added. */
async function zipped(changes: Record<string, string | Uint8Array> = {}): Promise<string> {
  const entries: Record<string, Uint8Array> = {};
  for (const name of await readdir(fixture)) entries[name] = await readFile(join(fixture, name));
  for (const [name, data] of Object.entries(changes))
    entries[name] = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const path = fresh('export.zip');
  await writeFile(path, zipSync(entries));
  return path;
}

async function importTo(archive: string, resume: string, ...args: string[]) {
  return runScript('import', [archive, '--resume', resume, ...args], plain);
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'linkedin-import-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('a new résumé from the archive folder', () => {
  let file: string;
  let text: string;
  let resume: Resume;

  beforeAll(async () => {
    file = fresh('maren.json');
    const result = await importTo(fixture, file);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`${file} created.`);
    text = await readFile(file, 'utf8');
    resume = JSON.parse(text) as Resume;
  });

  test('the profile: name, headline, primary email, phone, place, first website', () => {
    expect(resume.basics).toMatchObject({
      name: 'Maren Okafor-Lindqvist',
      label: 'Computational biologist · single-cell genomics',
      // The second address is the one marked Primary.
      email: 'maren@maren-ol.example.org',
      phone: '+46 70 123 45 67',
      url: 'https://maren-ol.example.org',
      location: { city: 'Gothenburg', region: 'Västra Götaland County', countryCode: 'SE' },
    });
    // A quoted line break in the summary is one \n, not the file's CRLF.
    expect(resume.basics?.summary).toBe(
      'I build methods that make single-cell data comparable across labs.\nCurrently looking for a postdoc in spatial transcriptomics.',
    );
  });

  test('positions: bullets as highlights, ISO dates, the current job open, a comma kept', () => {
    const [current, previous, first] = resume.work ?? [];
    expect(current).toEqual({
      name: 'Chalmers University of Technology',
      position: 'Doctoral Researcher',
      location: 'Gothenburg',
      startDate: '2022-02',
      summary: 'Single-cell methods for comparing tissue atlases.',
      highlights: [
        'Built scAlign, a batch-correction tool used by 14 labs',
        'Cut atlas integration time from 3 days to 40 minutes on a 2-million-cell atlas',
        'Taught the graduate course in genomic data science',
      ],
    });
    expect(previous).toMatchObject({
      name: 'Lindqvist, Berg & Partners AB',
      location: 'Stockholm, Sweden',
      startDate: '2018-08',
      endDate: '2022-01',
    });
    expect(first).toMatchObject({ startDate: '2016', endDate: '2018' });
  });

  test('the other sections, with "6/1/15" read as 1 June 2015 and a skill listed twice once', () => {
    expect(resume.education?.map((e) => [e.institution, e.startDate, e.endDate])).toEqual([
      ['Chalmers University of Technology', '2022', '2026'],
      ['Uppsala University', '2014', '2016'],
    ]);
    expect(resume.certificates?.[0]).toMatchObject({
      date: '2015-06-01',
      url: 'https://carpentries.example.org/instructors/mol',
    });
    expect(resume.skills?.map((s) => s.name)).toEqual([
      'Python',
      'R',
      'Single-cell RNA-seq',
      'Nextflow',
    ]);
    expect(resume.languages).toHaveLength(3);
    expect(resume.publications?.[0]).toMatchObject({
      releaseDate: '2024-09',
      publisher: 'Nature Methods',
    });
    expect(resume.awards?.[0]).toMatchObject({
      title: 'Wallenberg Doctoral Fellowship',
      date: '2022-01',
    });
    expect(resume.volunteer?.[0]).toMatchObject({ organization: 'Women in Bioinformatics Sweden' });
    expect(resume.volunteer?.[0]?.endDate).toBeUndefined();
    expect(resume.projects?.[0]?.highlights).toEqual([
      '1.2k GitHub stars',
      'Adopted by the Human Cell Atlas pilot',
    ]);
  });

  test('connections, recommendations, the birth date and the address are not imported', () => {
    for (const absent of [
      'Quennell-Varga',
      'Tobias',
      'exceptional colleague',
      '4/17/91',
      '1991',
      'Storgatan',
      '41138',
    ])
      expect(text, absent).not.toContain(absent);
  });

  test('the result is valid to both validators and prints', async () => {
    const validated = await runScript('validate', [file], plain);
    expect(validated.code, validated.stderr).toBe(0);
    expect(officialErrors(resume)).toEqual([]);
    const out = fresh('pdf');
    const exported = await exportPdf(file, out);
    expect(exported.code, exported.stderr).toBe(0);
    const { pdf } = exported;
    expect((await pdfInfo(pdf)).pages).toBeGreaterThan(0);
    const printed = (await pdfText(pdf)).replace(/\s+/g, ' ');
    expect(printed).toContain('Maren Okafor-Lindqvist');
    expect(printed).toContain('Lindqvist, Berg & Partners AB');
  });

  test('the zip gives the same résumé as the folder', async () => {
    const fromZip = fresh('from-zip.json');
    const result = await importTo(await zipped(), fromZip);
    expect(result.code, result.stderr).toBe(0);
    expect(await readFile(fromZip, 'utf8')).toBe(text);
  });
});

describe('merging into a hand-written résumé', () => {
  // Tabs, a key order of its own, a hand-written name and summary for the current position.
  const handWritten = [
    '{',
    '\t"basics": {',
    '\t\t"name": "Maren O. Lindqvist",',
    '\t\t"email": "maren@lab.example.org"',
    '\t},',
    '\t"work": [',
    '\t\t{',
    '\t\t\t"position": "PhD student",',
    '\t\t\t"name": "Chalmers University of Technology",',
    '\t\t\t"startDate": "2022-02",',
    '\t\t\t"summary": "My own words about the lab."',
    '\t\t}',
    '\t],',
    '\t"skills": [',
    '\t\t{',
    '\t\t\t"name": "Programming",',
    '\t\t\t"keywords": ["python", "Rust"]',
    '\t\t}',
    '\t]',
    '}',
    '',
  ].join('\n');

  test('hand-written fields stay, missing ones are filled, the rest is added, once', async () => {
    const file = fresh('mine.json');
    await writeFile(file, handWritten);
    const first = await importTo(await zipped(), file);
    expect(first.code, first.stderr).toBe(0);
    const text = await readFile(file, 'utf8');
    const resume = JSON.parse(text) as Resume;
    expect(resume.basics).toMatchObject({
      name: 'Maren O. Lindqvist',
      email: 'maren@lab.example.org',
      label: 'Computational biologist · single-cell genomics',
    });
    expect(resume.work).toHaveLength(3);
    expect(resume.work?.[0]).toMatchObject({
      position: 'PhD student',
      summary: 'My own words about the lab.',
      location: 'Gothenburg',
    });
    expect(resume.work?.[0]?.highlights).toHaveLength(3);
    // "python" is already a keyword of a hand-written group: not added again.
    expect(resume.skills?.map((s) => s.name)).toEqual([
      'Programming',
      'R',
      'Single-cell RNA-seq',
      'Nextflow',
    ]);
    // Formatting kept: the untouched lines are there byte for byte, tabs and key order.
    expect(text).toContain(
      '\t\t\t"position": "PhD student",\n\t\t\t"name": "Chalmers University of Technology",',
    );
    expect(text).toContain(
      '\t\t\t"name": "Programming",\n\t\t\t"keywords": ["python", "Rust"]\n\t\t},\n',
    );

    const second = await importTo(fixture, file);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain('already up to date');
    expect(await readFile(file, 'utf8')).toBe(text);
  });

  test('--dry-run lists the changes and writes nothing', async () => {
    const file = fresh('dry.json');
    await writeFile(file, handWritten);
    const result = await importTo(fixture, file, '--dry-run');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      /\+ add +work\[1\] "Lindqvist, Berg & Partners AB" +\(.*Positions\.csv:7\)/,
    );
    expect(result.stdout).toContain('Dry run');
    expect(await readFile(file, 'utf8')).toBe(handWritten);
  });
});

describe('malformed archives: located, nothing written', () => {
  const original = '{\n  "basics": { "name": "Maren Okafor-Lindqvist" }\n}\n';

  async function expectUnchanged(archive: string, code: number, ...messages: (string | RegExp)[]) {
    const file = fresh('kept.json');
    await writeFile(file, original);
    const result = await importTo(archive, file);
    expect(result.code, result.stderr).toBe(code);
    for (const message of messages) expect(result.stderr).toMatch(message);
    expect(stackLines(result.stderr)).toEqual([]);
    expect(await readFile(file, 'utf8')).toBe(original);
  }

  test('an unclosed quote in Positions.csv, in a folder: file and line', async () => {
    const folder = fresh('broken');
    await cp(fixture, folder, { recursive: true });
    const positions = await readFile(join(folder, 'Positions.csv'), 'utf8');
    // The second position's company loses its closing quote.
    await writeFile(
      join(folder, 'Positions.csv'),
      positions.replace('Partners AB"', 'Partners AB'),
    );
    await expectUnchanged(
      folder,
      1,
      new RegExp(`${folder}/Positions\\.csv:7:1 +error .*cannot be read as CSV`),
      'nothing was imported and nothing was written',
    );
  });

  test('a row with a field too many, in the zip: file and line', async () => {
    const skills = 'Name\r\nPython\r\nR,extra\r\n';
    const archive = await zipped({ 'Skills.csv': skills });
    await expectUnchanged(
      archive,
      1,
      `${archive}/Skills.csv:3:1`,
      'this row has 2 fields where the header has 1',
    );
  });

  test('a file that is no zip, a zip entry that leaves the folder, an entry too large', async () => {
    const notZip = fresh('export.zip');
    await writeFile(notZip, 'PK\u0003\u0004 this is not really a zip');
    await expectUnchanged(notZip, 1, 'is not a readable zip archive');

    const climbing = fresh('climbing.zip');
    await writeFile(climbing, zipSync({ '../../Positions.csv': new TextEncoder().encode('x') }));
    await expectUnchanged(climbing, 1, 'is not a readable zip archive');

    // Spaces compress to almost nothing: a small zip whose CSV would be 17 MB.
    const bomb = await zipped({ 'Skills.csv': `Name\n${' '.repeat(17 * 1024 * 1024)}` });
    await expectUnchanged(bomb, 1, /Skills\.csv is 17 MB, more than 16 MB; not read/);
  });

  test('an archive of more entries than any LinkedIn archive is refused before reading', async () => {
    const entries: Record<string, Uint8Array> = {};
    for (let i = 0; i <= 50_000; i++) entries[`f${i}.txt`] = new Uint8Array(0);
    const many = fresh('many.zip');
    await writeFile(many, zipSync(entries));
    await expectUnchanged(many, 1, 'has 50001 entries, more than the 50000');
  });

  test('--owner, which only a .bib file needs, is a usage error', async () => {
    const file = fresh('owner.json');
    await writeFile(file, original);
    const result = await importTo(fixture, file, '--owner', 'Maren');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--owner names you among a .bib file');
    expect(result.stderr).toContain('Usage: npm run import');
    expect(await readFile(file, 'utf8')).toBe(original);
  });

  test('an archive that does not exist exits 2', async () => {
    await expectUnchanged(fresh('missing.zip'), 2, 'cannot read');
  });
});
