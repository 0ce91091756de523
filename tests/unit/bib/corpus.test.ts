/**
 * Every file of the .bib corpus (tests/fixtures/bib, each the shape of a real export) imported
 * into an empty résumé: no distinct work lost, no refereed version replaced by its preprint, no
 * LaTeX left in titles, venues or names, no backslash in a link.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { importBib } from '../../../src/bib/import.js';
import { isContainer } from '../../../src/bib/map.js';
import { parseBib } from '../../../src/bib/read.js';
import { repoRoot } from '../../support/paths.js';

const fixtures = join(repoRoot, 'tests', 'fixtures', 'bib');

/** Each file's owner, and its number of distinct works, counted by hand from the file. */
const CORPUS: Record<string, { owner: string; works: number }> = {
  'ads.bib': { owner: 'Lucía Martínez Ríos', works: 5 },
  'al-folio.bib': { owner: 'Adaeze Okafor', works: 4 },
  'arxiv.bib': { owner: 'Tomás Ferreira', works: 2 },
  'dblp-crossref.bib': { owner: 'Sanne van der Linden', works: 3 },
  'dblp.bib': { owner: 'Tomás Ferreira', works: 3 },
  'google-scholar.bib': { owner: 'Tomás Ferreira', works: 3 },
  'scholar-particles.bib': { owner: 'Marcos Sanz del Valle', works: 6 },
  'seed-cv.bib': { owner: 'Binjie Zhang', works: 8 },
  'thesis-template.bib': { owner: 'Tomás Ferreira', works: 3 },
  'zotero-better-biblatex.bib': { owner: 'Tomás Ferreira', works: 4 },
};
/** Files that exist to be broken. */
const BROKEN = new Set(['malformed.bib']);

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'bib-corpus-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const letters = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]/gu, '')
    .toLowerCase();
const PREPRINT_VENUE = /^(?:arxiv|corr)\b|e-prints|preprint/i;
const LATEX_LEFT = /[\\{}]|[ıȷ]\p{M}/u;

test('the corpus table names every fixture', async () => {
  const files = (await readdir(fixtures)).filter((f) => f.endsWith('.bib') && !BROKEN.has(f));
  expect(files.sort()).toEqual(Object.keys(CORPUS).sort());
});

test.each(Object.entries(CORPUS))(
  '%s: every work, the refereed version, clean text and links',
  async (file, { owner, works }) => {
    const resumePath = join(scratch, `${file}.json`);
    await writeFile(resumePath, JSON.stringify({ basics: { name: owner } }));
    const bibPath = join(fixtures, file);
    const result = await importBib({ bibPath, resumePath, dryRun: false });
    expect(result.status).toBe('ok');
    const publications =
      (JSON.parse(await readFile(resumePath, 'utf8')) as Resume).publications ?? [];
    expect(publications).toHaveLength(works);

    const { entries } = parseBib(await readFile(bibPath, 'utf8'));
    for (const entry of entries.filter((e) => !isContainer(e))) {
      const title = letters(entry.fields['title'] ?? '');
      const eprint = entry.fields['eprint'] ?? entry.fields['arxiv'];
      const found = publications.filter(
        (p) =>
          letters(p.name ?? '') === title ||
          (eprint !== undefined && JSON.stringify([p.url, p.links]).includes(eprint)),
      );
      // No distinct work lost: each entry is in exactly one publication.
      expect(found, `${file}: ${entry.key}`).toHaveLength(1);
      const venue =
        entry.fields['journal'] ?? entry.fields['journaltitle'] ?? entry.fields['booktitle'];
      if (venue && !PREPRINT_VENUE.test(venue) && !/^(?:submitted|under)/i.test(venue)) {
        expect(found[0]!.status, `${file}: ${entry.key} is refereed`).not.toBe('preprint');
        expect(found[0]!.venue, `${file}: ${entry.key} is refereed`).not.toBe('arXiv');
      }
    }
    for (const p of publications) {
      for (const text of [p.name, p.venue, p.publisher, ...(p.authors ?? [])]) {
        expect(text ?? '', `${file}: ${p.name}`).not.toMatch(LATEX_LEFT);
      }
      for (const link of [p.url, ...Object.values(p.links ?? {})]) {
        expect(link ?? '', `${file}: ${p.name}`).not.toMatch(/\\/);
      }
    }
  },
);
