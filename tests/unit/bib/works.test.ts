/**
 * What researchers' own .bib files hold (tests/fixtures/bib/README.md says where each shape was
 * seen): versions of one paper, DBLP crossrefs, ADS journal macros, al-folio fields, owners
 * written with particles and initials, solo papers, statuses. Expected values are read from the
 * fixture text.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Publication, Resume } from 'jsonresume-theme-camera-ready';
import { describe, expect, test } from 'vitest';
import { importBib } from '../../../src/bib/import.js';
import { writeBib } from '../../../src/bib/write.js';
import { scratchFiles } from '../../support/files.js';
import { repoRoot } from '../../support/paths.js';

const fixtures = join(repoRoot, 'tests', 'fixtures', 'bib');
const scratchFile = scratchFiles('bib-works-');

const resumeOf = (name: string, publications?: Publication[]) =>
  `${JSON.stringify({ basics: { name }, ...(publications && { publications }) }, null, 2)}\n`;

/** Imports a fixture (or .bib text) into a résumé of `owner`; the publications written. */
async function imported(
  bib: { file: string } | { text: string },
  owner: string,
  publications?: Publication[],
) {
  const resumePath = await scratchFile('resume.json', resumeOf(owner, publications));
  const bibPath = 'file' in bib ? join(fixtures, bib.file) : await scratchFile('x.bib', bib.text);
  const result = await importBib({ bibPath, resumePath, dryRun: false });
  const resume = JSON.parse(await readFile(resumePath, 'utf8')) as Resume;
  return { result, resumePath, bibPath, publications: resume.publications ?? [] };
}

const byName = (publications: Publication[], name: string) =>
  publications.find((p) => p.name?.toLowerCase() === name.toLowerCase());

describe('one publication per work', () => {
  test('DBLP: a CoRR copy listed first gives way to the conference paper, whose links keep arXiv', async () => {
    const { result, publications } = await imported(
      { file: 'dblp-crossref.bib' },
      'Sanne van der Linden',
    );
    expect(result.status).toBe('ok');
    expect(publications.map((p) => p.venue)).toEqual(['GECCO', 'ESA', 'IEEE Trans. Evol. Comput.']);
    expect(publications[0]).toMatchObject({
      venue: 'GECCO',
      status: 'published',
      releaseDate: '2023',
      url: 'https://doi.org/10.1145/3583131.3599999',
      links: { arXiv: 'https://arxiv.org/abs/2305.11111' },
      firstAuthor: true,
    });
    expect(publications[1]).toMatchObject({
      status: 'published',
      links: { arXiv: 'https://arxiv.org/abs/2211.04444' },
    });
  });

  test('ADS: the arXiv e-print listed first gives way to the Nature Astronomy paper of the same title', async () => {
    const { publications } = await imported({ file: 'ads.bib' }, 'Lucía Martínez Ríos');
    const census = publications.filter((p) => /census of ultra-faint/i.test(p.name ?? ''));
    expect(census).toHaveLength(1);
    expect(census[0]).toMatchObject({
      name: 'A Census of Ultra-Faint Companions with Deep Imaging',
      venue: 'Nature Astronomy',
      status: 'published',
      releaseDate: '2024-09',
      url: 'https://doi.org/10.1038/s41550-024-99999-9',
      links: { arXiv: 'https://arxiv.org/abs/2403.12345' },
    });
  });

  test('versions linked by arXiv id alone, though their titles differ, are one work', async () => {
    const { publications } = await imported(
      {
        text:
          '@misc{pre, title={Early Title}, author={Zhang, Binjie}, year=2023, eprint={2301.99999}, archiveprefix={arXiv}}\n' +
          '@article{pub, title={The Final Title}, author={Zhang, Binjie}, journal={Journal of Tests}, year=2024, doi={10.5555/jt.1}, eprint={2301.99999}, archiveprefix={arXiv}}\n',
      },
      'Binjie Zhang',
    );
    expect(publications).toHaveLength(1);
    expect(publications[0]).toMatchObject({
      name: 'The Final Title',
      venue: 'Journal of Tests',
      status: 'published',
      url: 'https://doi.org/10.5555/jt.1',
      links: { arXiv: 'https://arxiv.org/abs/2301.99999' },
    });
  });

  test('a résumé holding the preprint gets the published version in its place, and a re-import is a no-op', async () => {
    const preprint: Publication = {
      name: 'Sparse Routing for Evolving Mixture-of-Experts Populations',
      publisher: 'arXiv preprint, 2023',
      releaseDate: '2023',
      url: 'https://arxiv.org/abs/2305.11111',
      venue: 'arXiv',
      status: 'preprint',
      scores: [6, 7],
    };
    const { resumePath, bibPath, publications } = await imported(
      { file: 'dblp-crossref.bib' },
      'Sanne van der Linden',
      [preprint],
    );
    expect(publications).toHaveLength(3);
    expect(publications.find((p) => p.scores)).toMatchObject({
      venue: 'GECCO',
      status: 'published',
      url: 'https://doi.org/10.1145/3583131.3599999',
      links: { arXiv: 'https://arxiv.org/abs/2305.11111' },
      scores: [6, 7],
    });
    const once = await readFile(resumePath, 'utf8');
    const again = await importBib({ bibPath, resumePath, dryRun: false });
    expect(again.changes.map((c) => c.kind)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect(again.written).toBe(false);
    expect(await readFile(resumePath, 'utf8')).toBe(once);
  });

  test('DBLP: an entry takes booktitle and year from the @proceedings it crossrefs, which is not imported', async () => {
    const { result, publications } = await imported(
      {
        text:
          '@inproceedings{DBLP:conf/x/A24, author={Binjie Zhang}, title={Crossref Paper}, crossref={DBLP:conf/x/2024}}\n' +
          '@proceedings{DBLP:conf/x/2024, title={Proceedings of the Test Conference, {TC} 2024}, publisher={{ACM}}, year={2024}}\n',
      },
      'Binjie Zhang',
    );
    expect(result.status).toBe('ok');
    expect(publications).toEqual([
      expect.objectContaining({ name: 'Crossref Paper', venue: 'TC', releaseDate: '2024' }),
    ]);
  });
});

describe('the standard macro tables', () => {
  test("ADS: AAS journal macros are the journals’ abbreviations, month macros give the month, {\\'\\i} is í", async () => {
    const { result, publications } = await imported({ file: 'ads.bib' }, 'Martínez Ríos, Lucía');
    expect(result.bibDiagnostics).toEqual([]);
    expect(publications.map((p) => [p.venue, p.releaseDate, p.status])).toEqual([
      ['Nature Astronomy', '2024-09', 'published'],
      ['ApJ', '2023-07', 'published'],
      ['MNRAS', '2023-02', 'published'],
      ['A&A', '2021-06', 'published'],
      ['ApJL', '2020-02', 'published'],
    ]);
    expect(byName(publications, 'Stellar Haloes of Isolated Dwarf Galaxies')).toMatchObject({
      url: 'https://doi.org/10.1051/0004-6361/202199999',
      links: { arXiv: 'https://arxiv.org/abs/2104.04321' },
    });
    expect(byName(publications, 'A Faint Tidal Feature around NGC 0000')?.authors).toEqual([
      'Chidi N. Okafor',
      'Martínez Ríos, Lucía',
    ]);
  });

  test('every accent form on a dotless i or j is the accented letter', async () => {
    const { publications } = await imported(
      {
        text: "@misc{k, title={Ma{\\'\\i}z, Ma\\'{\\i}z, Ma{\\'i}z, \\v{\\j}}, howpublished={Revista Cient{\\'\\i}fica}, author={Zhang, Binjie and Nu{\\~n}ez, Mar{\\'\\i}a}}",
      },
      'Binjie Zhang',
    );
    expect(publications[0]).toMatchObject({
      name: 'Maíz, Maíz, Maíz, ǰ',
      venue: 'Revista Científica',
      authors: ['Binjie Zhang', 'María Nuñez'],
    });
  });

  test('DBLP: DOIs and URLs without their escapes, \\^{} as a caret', async () => {
    const { publications } = await imported({ file: 'dblp-crossref.bib' }, 'Sanne van der Linden');
    expect(publications[1]).toMatchObject({
      name: 'Subquadratic Updates in O(n^2) Time for Dynamic Matchings',
      url: 'https://doi.org/10.1007/978-3-031-22222-2_3',
    });
    const { publications: byUrl } = await imported(
      {
        text: '@misc{k, title={T}, author={Zhang, Binjie}, url={https://example.org/a\\_b\\%20c\\#d}}',
      },
      'Binjie Zhang',
    );
    expect(byUrl[0]?.url).toBe('https://example.org/a_b%20c#d');
  });

  test('al-folio: abbr is the venue, arxiv/pdf/code/html become links, selected a tag', async () => {
    const { result, publications } = await imported({ file: 'al-folio.bib' }, 'Adaeze Okafor');
    expect(result.bibDiagnostics).toEqual([]);
    expect(publications).toMatchObject([
      {
        id: 'okafor2025graphs',
        venue: 'ICML',
        status: 'published',
        url: 'https://arxiv.org/abs/2502.01111',
        links: { code: 'https://github.com/example-lab/spectral-sparsifiers' },
        tags: ['selected'],
      },
      {
        id: 'okafor2024solo',
        venue: 'JMLR',
        url: 'https://www.jmlr.org/papers/v25/00-0000.html',
        links: { pdf: 'https://www.jmlr.org/papers/volume25/00-0000/00-0000.pdf' },
        tags: ['selected'],
      },
      {
        id: 'okafor2023arxiv',
        venue: 'arXiv',
        status: 'preprint',
        url: 'https://arxiv.org/abs/2309.05555',
      },
      { id: 'okafor2022physics', venue: 'PhysRev', releaseDate: '2022-05' },
    ]);
    expect(publications[3]).not.toHaveProperty('tags');
  });
});

describe('solo stays solo', () => {
  test('a paper by the owner alone keeps its one-name list, and the export writes that name alone', async () => {
    const { publications } = await imported({ file: 'al-folio.bib' }, 'Adaeze Okafor');
    const solo = publications.find((p) => p.id === 'okafor2024solo')!;
    expect(solo.authors).toEqual(['Adaeze Okafor']);
    const { text } = writeBib({ basics: { name: 'Adaeze Okafor' }, publications: [solo] });
    expect(text).toMatch(/^ {2}author = \{Okafor, Adaeze\},$/m);
    expect(text).not.toMatch(/others/);
  });
});

describe('status only from explicit signals', () => {
  test('Scholar: a journal that says "Submitted to X" or "Under Journal Review" is a submission; "submitted" inside a note is not', async () => {
    const { publications } = await imported(
      { file: 'scholar-particles.bib' },
      'Marcos Sanz del Valle',
    );
    const statusOf = (name: string) => {
      const found = byName(publications, name);
      return [found?.status, found?.venue];
    };
    expect(statusOf('Notes on Capillary Rise')).toEqual([
      'under-review',
      'Journal of Colloid Science',
    ]);
    expect(statusOf('Wetting Dynamics: Under Journal Review')).toEqual(['under-review', undefined]);
    expect(statusOf('Jet Breakup at Low Weber Number')).toEqual([
      'published',
      'Experiments in Fluids',
    ]);
  });

  test('journal = {submitted} is a submission; an entry with no venue at all is a preprint', async () => {
    const { publications } = await imported(
      {
        text:
          '@article{a, title={A}, author={Zhang, Binjie and Doe, Jan}, journal={submitted}, year=2024}\n' +
          '@misc{b, title={B}, author={Zhang, Binjie and Doe, Jan}, year=2023}\n' +
          '@article{c, title={C}, author={Zhang, Binjie and Doe, Jan}, journal={Journal of Tests}, note={To appear in the special issue.}, year=2025}\n',
      },
      'Binjie Zhang',
    );
    expect(publications.map((p) => [p.name, p.status, p.venue])).toEqual([
      ['C', 'accepted', 'Journal of Tests'],
      ['A', 'under-review', undefined],
      ['B', 'preprint', undefined],
    ]);
  });
});

describe('owners as people write them', () => {
  test.each([
    'Sanz del Valle, Marcos',
    'Marcos Sanz del Valle',
    'M. Sanz del Valle',
    'Sanz del Valle, M.',
  ])(
    'Scholar: --owner "%s" finds the owner in every entry, whatever form the entry uses',
    async (owner) => {
      const { result, publications } = await imported({ file: 'scholar-particles.bib' }, owner);
      expect(result.bibDiagnostics).toEqual([]);
      expect(publications.map((p) => [p.name, p.firstAuthor])).toEqual([
        ['Fluid Transport in Layered Porous Media', true],
        ['Droplet Coalescence on Soft Substrates', false],
        ['Mixing Layers in Stratified Flows', false],
        ['Notes on Capillary Rise', true],
        ['Wetting Dynamics: Under Journal Review', true],
        ['Jet Breakup at Low Weber Number', true],
      ]);
    },
  );

  test('Scholar: "Klein, Niek de" is Niek de Klein; initials with and without dots are one person', async () => {
    const { publications } = await imported({ file: 'scholar-particles.bib' }, 'Niek de Klein');
    expect(byName(publications, 'Droplet Coalescence on Soft Substrates')).toMatchObject({
      firstAuthor: true,
      authors: ['Niek de Klein', 'M Sanz del Valle', 'Joost van den Berg'],
    });
    for (const owner of ['Art F. Y. Poon', 'AFY Poon', 'Poon, A.F.Y.']) {
      const { publications: poon } = await imported({ file: 'scholar-particles.bib' }, owner);
      expect(
        poon.map((p) => p.firstAuthor),
        owner,
      ).toEqual([false, undefined, true, undefined, undefined, false]);
    }
  });

  test('ADS: "{Martínez Ríos}, Lucía" is found from "Lucía Martínez Ríos", accents folded or not', async () => {
    for (const owner of ['Lucía Martínez Ríos', 'Lucia Martinez Rios', 'L. Martinez Rios']) {
      const { result, publications } = await imported({ file: 'ads.bib' }, owner);
      expect(result.bibDiagnostics, owner).toEqual([]);
      expect(
        publications.map((p) => p.firstAuthor),
        owner,
      ).toEqual([true, false, true, true, false]);
    }
  });
});

describe('every entry read or named', () => {
  test('a $ in an abstract, an undefined @string for the venue: the entries are read', async () => {
    const { result, publications } = await imported(
      {
        text:
          '@article{a, title={Cheap Sensors}, author={Zhang, Binjie and Doe, Jan}, journal={Journal of Tests}, abstract={Each costs $5 to build.}, year=2024}\n' +
          '@article{b, title={Unknown Venue}, author={Zhang, Binjie and Doe, Jan}, journal=ub, year=2023}\n',
      },
      'Binjie Zhang',
    );
    expect(publications.map((p) => [p.name, p.venue])).toEqual([
      ['Cheap Sensors', 'Journal of Tests'],
      ['Unknown Venue', undefined],
    ]);
    expect(result.bibDiagnostics).toMatchObject([{ severity: 'warning', path: 'b', line: 2 }]);
    expect(publications[1]?.publisher).not.toMatch(/ub/);
  });

  test('an empty file says it found no entries', async () => {
    const { result } = await imported({ text: '% nothing here yet\n' }, 'Binjie Zhang');
    expect(result.bibDiagnostics).toMatchObject([
      {
        severity: 'warning',
        path: '(file)',
        message: expect.stringMatching(/holds no BibTeX entries/),
      },
    ]);
  });
});

test('a comma-separated author list is a warning at its entry, with the fix; its authors are left out', async () => {
  const { result, publications } = await imported(
    {
      text:
        '@misc{first, title={First}, author={Zhang, Binjie and Doe, Jan}, year=2024}\n' +
        '@article{c, title={Commas}, author={Zhang, B., Roe, R., Poe, P.}, journal={Journal of Tests}, year={2023}}\n',
    },
    'Binjie Zhang',
  );
  expect(result.bibDiagnostics).toMatchObject([
    { severity: 'warning', path: 'c', line: 2, column: 1, hint: expect.stringContaining(' and ') },
  ]);
  expect(byName(publications, 'Commas')).not.toHaveProperty('authors');
});
