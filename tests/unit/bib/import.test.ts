/**
 * The import end to end in process: the seed CV's .bib into a résumé without publications and
 * into (a frozen copy of) resume.json itself, merging rules, formatting kept byte for byte, dry
 * runs and refusals. Files live in a scratch folder; the fixtures are never written.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { applyEdits, findNodeAtLocation, modify, parseTree } from 'jsonc-parser';
import {
  buildViewModel,
  render,
  type Publication,
  type Resume,
} from 'jsonresume-theme-camera-ready';
import { beforeAll, describe, expect, test } from 'vitest';
import { importBib } from '../../../src/bib/import.js';
import { scratchFiles } from '../../support/files.js';
import { repoRoot, seedResumePath } from '../../support/paths.js';

const fixtures = join(repoRoot, 'tests', 'fixtures', 'bib');
const seedBib = join(fixtures, 'seed-cv.bib');
let frozenText: string;
const scratchFile = scratchFiles('bib-import-');

beforeAll(async () => {
  frozenText = await readFile(seedResumePath, 'utf8');
});

function withoutPublications(text: string): string {
  return applyEdits(text, modify(text, ['publications'], undefined, {}));
}

function publicationsView(resume: Resume) {
  const section = buildViewModel(resume).sections.find((s) => s.key === 'publications');
  if (!section || section.key !== 'publications') throw new Error('no publications section');
  return section.entries.map((entry) => ({
    title: entry.title.text,
    venue: entry.venue,
    status: entry.status?.label ?? null,
    firstAuthor: entry.firstAuthor,
  }));
}

describe('the seed CV’s eight publications', () => {
  test('into a résumé without publications: eight entries the theme shows as resume.json does', async () => {
    const resumePath = await scratchFile('resume.json', withoutPublications(frozenText));
    const result = await importBib({ bibPath: seedBib, resumePath, dryRun: false });
    expect(result.status).toBe('ok');
    expect(result.bibDiagnostics).toEqual([]);
    expect(result.changes.filter((c) => c.kind === 'add')).toHaveLength(8);

    const imported = JSON.parse(await readFile(resumePath, 'utf8')) as Resume;
    const today = JSON.parse(frozenText) as Resume;
    expect(imported.publications).toHaveLength(8);
    // Same titles, venue + year, statuses and first-author marks, in the same order.
    expect(publicationsView(imported)).toEqual(publicationsView(today));
    // The ids are the citation keys, so the projects' cross-references resolve again.
    expect(imported.publications!.map((p) => p.id)).toEqual(today.publications!.map((p) => p.id));
    const html = render(imported);
    const text = html.replace(/<[^>]+>/g, '');
    for (const publication of today.publications!) expect(text).toContain(publication.name);
    expect(html).toContain('href="#pub-regrpo"');
    // The human text for other themes, built as resume.json writes it (scores aside).
    expect(imported.publications!.map((p) => p.publisher)).toEqual([
      'ECCV 2026 (under review)',
      'ICML 2026 (under review)',
      'ICML 2026 (under review)',
      'NeurIPS 2026 (in preparation)',
      'arXiv preprint, 2023',
      'AAAI 2023',
      'IJCAI 2022',
      'ICLR 2022',
    ]);
    // No co-authors are invented: the list names only the owner, which the first-author mark says.
    expect(imported.publications!.every((p) => p.authors === undefined)).toBe(true);
  });

  test('into resume.json itself: no value changes, no entry is added, the file is not rewritten', async () => {
    const resumePath = await scratchFile('resume.json', frozenText);
    const result = await importBib({ bibPath: seedBib, resumePath, dryRun: false });
    expect(result.status).toBe('ok');
    expect(result.changes.map((c) => c.kind)).toEqual(Array(8).fill('unchanged'));
    expect(result.written).toBe(false);
    expect(await readFile(resumePath, 'utf8')).toBe(frozenText);
  });
});

const NEW_AND_UPDATED = String.raw`
@inproceedings{hot-refresh-2022,
  title     = {Hot-Refresh Model Upgrades with Regression-Alleviating Compatible Training in Image Retrieval},
  author    = {Zhang, Binjie and Doe, Jane},
  booktitle = {International Conference on Learning Representations (ICLR)},
  year      = {2022},
  doi       = {10.5555/iclr.2022.0001}
}
@inproceedings{zhang2024fresh,
  title     = {A Fresh Paper on Retrieval},
  author    = {Roe, Richard and Zhang, B.},
  booktitle = {Conference on Robot Learning (CoRL)},
  year      = {2024},
  month     = nov
}
@inproceedings{rcfc-moved,
  title     = {{RCFC}: Lifelong Imitation Learning via Prototype Replay and Coarse-to-Fine Compatibility},
  author    = {Zhang, Binjie and others},
  booktitle = {Conference on Robot Learning (CoRL)},
  year      = {2026},
  note      = {Under review}
}
`;

describe('merging', () => {
  test('updates bibliographic fields, keeps the hand-kept ones, adds new entries in date order', async () => {
    const resumePath = await scratchFile('resume.json', frozenText);
    const bibPath = await scratchFile('refs.bib', NEW_AND_UPDATED);
    const result = await importBib({ bibPath, resumePath, dryRun: false });
    expect(result.status).toBe('ok');
    const before = JSON.parse(frozenText) as Resume;
    const after = JSON.parse(await readFile(resumePath, 'utf8')) as Resume;
    const pubs = after.publications!;
    expect(pubs).toHaveLength(9);
    // Newest first: the 2024 paper goes after the four from 2026, before those from 2023.
    expect(pubs.map((p) => p.id)).toEqual([
      'regrpo',
      'rcfc',
      'ego-predictive',
      'agent-memory',
      'zhang2024fresh',
      'taca',
      'darwinian',
      'universal-bct',
      'hot-refresh',
    ]);
    const fresh = pubs[4]!;
    expect(fresh).toEqual({
      id: 'zhang2024fresh',
      name: 'A Fresh Paper on Retrieval',
      authors: ['Richard Roe', 'Binjie Zhang'],
      publisher: 'CoRL 2024',
      releaseDate: '2024-11',
      venue: 'CoRL',
      status: 'published',
      firstAuthor: false,
    });
    const hot = pubs[8]!;
    const hotBefore = before.publications![7]!;
    expect(hot).toEqual({
      ...hotBefore,
      authors: ['Binjie Zhang', 'Jane Doe'],
      url: 'https://doi.org/10.5555/iclr.2022.0001',
    });
    // The venue changed: the human text is rebuilt, and still carries the kept scores.
    const rcfc = pubs[1]!;
    expect(rcfc.venue).toBe('CoRL');
    expect(rcfc.scores).toEqual([4, 4, 4, 2]);
    expect(rcfc.tags).toEqual(['robotics']);
    expect(rcfc.id).toBe('rcfc');
    expect(rcfc.publisher).toBe('CoRL 2026 (under review; review scores 4, 4, 4, 2)');
    // Entries the .bib lacks are reported, never removed.
    const absent = result.changes.filter((c) => c.kind === 'absent').map((c) => c.index);
    expect(absent).toEqual([0, 2, 3, 4, 5, 6]);
    expect(pubs.map((p) => p.name)).toEqual(
      expect.arrayContaining(before.publications!.map((p) => p.name)),
    );
  });

  test('importing the same file twice changes nothing the second time', async () => {
    const resumePath = await scratchFile('resume.json', frozenText);
    const bibPath = await scratchFile('refs.bib', NEW_AND_UPDATED);
    await importBib({ bibPath, resumePath, dryRun: false });
    const once = await readFile(resumePath, 'utf8');
    const again = await importBib({ bibPath, resumePath, dryRun: false });
    expect(again.written).toBe(false);
    expect(again.changes.filter((c) => c.kind === 'add' || c.kind === 'update')).toEqual([]);
    expect(await readFile(resumePath, 'utf8')).toBe(once);
  });

  test('a publication is found again by DOI, then arXiv id, even when its title changed', async () => {
    const start = withoutPublications(frozenText);
    const pubs: Publication[] = [
      { id: 'by-doi', name: 'Old Title One', url: 'https://doi.org/10.5555/ABC.1', scores: [5] },
      {
        id: 'by-arxiv',
        name: 'Old Title Two',
        url: 'https://arxiv.org/abs/2301.00001v3',
        distinctions: ['oral'],
      },
    ];
    const resumePath = await scratchFile(
      'resume.json',
      applyEdits(
        start,
        modify(start, ['publications'], pubs, {
          formattingOptions: { tabSize: 2, insertSpaces: true },
        }),
      ),
    );
    const bibPath = await scratchFile(
      'refs.bib',
      String.raw`@article{a, title={New Title One}, author={Zhang, Binjie}, journal={Journal of Tests}, year=2024, doi={10.5555/abc.1}}
@misc{b, title={New Title Two}, author={Zhang, Binjie}, year=2023, eprint={2301.00001}, archiveprefix={arXiv}}`,
    );
    const result = await importBib({ bibPath, resumePath, dryRun: false });
    expect(result.status).toBe('ok');
    const after = (JSON.parse(await readFile(resumePath, 'utf8')) as Resume).publications!;
    expect(after).toHaveLength(2);
    expect(after[0]).toMatchObject({ id: 'by-doi', name: 'New Title One', scores: [5] });
    expect(after[1]).toMatchObject({
      id: 'by-arxiv',
      name: 'New Title Two',
      url: 'https://arxiv.org/abs/2301.00001',
      status: 'preprint',
      distinctions: ['oral'],
    });
  });

  test('a status set by hand stays unless the .bib states another; its venue stays for an arXiv-only entry', async () => {
    const resumePath = await scratchFile('resume.json', frozenText);
    const bibPath = await scratchFile(
      'refs.bib',
      // Google Scholar's shape for a submission (no status anywhere), a published preprint, and
      // a stated change of status.
      String.raw`@article{a, title={Ego-centric Predictive Model Conditioned on Hand Trajectories}, author={Zhang, Binjie and Roe, Richard}, journal={arXiv preprint arXiv:2601.99123}, year={2026}}
@inproceedings{b, title={{TaCA}: Upgrading Your Visual Foundation Model with a Task-Agnostic Compatible Adapter}, author={Zhang, Binjie and others}, booktitle={Conference on Robot Learning (CoRL)}, year={2024}}
@inproceedings{c, title={{ReGRPO}: Reflection-Augmented Policy Optimization for Tool-Using Agents}, author={Zhang, Binjie and others}, booktitle={European Conference on Computer Vision (ECCV)}, year={2026}, pubstate={forthcoming}}
`,
    );
    const result = await importBib({ bibPath, resumePath, dryRun: false });
    expect(result.status).toBe('ok');
    const pubs = (JSON.parse(await readFile(resumePath, 'utf8')) as Resume).publications!;
    const ego = pubs.find((p) => p.id === 'ego-predictive')!;
    expect(ego).toMatchObject({
      venue: 'ICML',
      status: 'under-review',
      url: 'https://arxiv.org/abs/2601.99123',
      authors: ['Binjie Zhang', 'Richard Roe'],
      publisher: 'ICML 2026 (under review; review scores 4, 4, 4, 5; top 15%)',
    });
    const taca = pubs.find((p) => p.id === 'taca')!;
    expect(taca).toMatchObject({ venue: 'CoRL', status: 'published', releaseDate: '2024' });
    expect(taca.publisher).toBe('CoRL 2024');
    const regrpo = pubs.find((p) => p.id === 'regrpo')!;
    expect(regrpo).toMatchObject({ status: 'accepted', publisher: 'ECCV 2026 (accepted)' });
  });

  test('a preprint and its published version are one publication: the published one’s venue, both links', async () => {
    const resumePath = await scratchFile('resume.json', withoutPublications(frozenText));
    const bibPath = await scratchFile(
      'refs.bib',
      '@misc{pre, title={Same Paper}, author={Zhang, Binjie}, year=2023, eprint={2301.99999}, archiveprefix={arXiv}}\n' +
        '@inproceedings{pub, title={Same paper.}, author={Zhang, Binjie}, booktitle={Conference on Robot Learning (CoRL)}, year=2024}\n',
    );
    const result = await importBib({ bibPath, resumePath, dryRun: false });
    expect(result.status).toBe('ok');
    expect(result.changes.map((c) => [c.kind, 'entry' in c && c.entry.versions])).toEqual([
      ['add', ['pre']],
    ]);
    expect(result.bibDiagnostics).toEqual([]);
    const after = JSON.parse(await readFile(resumePath, 'utf8')) as Resume;
    expect(after.publications).toMatchObject([
      {
        id: 'pub',
        venue: 'CoRL',
        status: 'published',
        releaseDate: '2024',
        url: 'https://arxiv.org/abs/2301.99999',
      },
    ]);
  });

  test('a byte-order mark at the start of the résumé stays, and the edit still lands', async () => {
    const resumePath = await scratchFile('resume.json', `\uFEFF${frozenText}`);
    const bibPath = await scratchFile('refs.bib', NEW_AND_UPDATED);
    const result = await importBib({ bibPath, resumePath, dryRun: false });
    expect(result.status).toBe('ok');
    const after = await readFile(resumePath, 'utf8');
    expect(after.startsWith('\uFEFF{')).toBe(true);
    expect((JSON.parse(after.slice(1)) as Resume).publications).toHaveLength(9);
  });
});

describe('every export shape', () => {
  test.each([
    ['google-scholar.bib', 3],
    ['dblp.bib', 3],
    ['arxiv.bib', 2],
    ['zotero-better-biblatex.bib', 4],
    ['thesis-template.bib', 3],
  ])(
    '%s: imported whole into a résumé that validates, and a second import changes nothing',
    async (file, count) => {
      const resumePath = await scratchFile(
        'resume.json',
        `${JSON.stringify({ basics: { name: 'Tomás Ferreira' } }, null, 2)}\n`,
      );
      const bibPath = join(fixtures, file);
      const first = await importBib({ bibPath, resumePath, dryRun: false });
      expect(first.status).toBe('ok');
      expect(first.bibDiagnostics).toEqual([]);
      const once = await readFile(resumePath, 'utf8');
      expect((JSON.parse(once) as Resume).publications).toHaveLength(count);
      const again = await importBib({ bibPath, resumePath, dryRun: false });
      expect(again.changes.map((c) => c.kind)).toEqual(Array(count).fill('unchanged'));
      expect(await readFile(resumePath, 'utf8')).toBe(once);
    },
  );
});

describe('the résumé file', () => {
  test('keeps its formatting: only the publications it touches change, byte for byte', async () => {
    const resumePath = await scratchFile('resume.json', frozenText);
    const bibPath = await scratchFile('refs.bib', NEW_AND_UPDATED);
    await importBib({ bibPath, resumePath, dryRun: false });
    const after = await readFile(resumePath, 'utf8');
    const region = (text: string) => {
      const node = findNodeAtLocation(parseTree(text)!, ['publications'])!;
      return { start: node.offset, end: node.offset + node.length, node };
    };
    const old = region(frozenText);
    const now = region(after);
    expect(now.start).toBe(old.start);
    expect(after.slice(0, now.start)).toBe(frozenText.slice(0, old.start));
    expect(after.slice(now.end)).toBe(frozenText.slice(old.end));
    // Publications the .bib did not touch keep their exact text (indentation, inline arrays).
    const itemText = (text: string, node: typeof old.node, index: number) => {
      const child = node.children![index]!;
      return text.slice(child.offset, child.offset + child.length);
    };
    for (const [oldIndex, newIndex] of [
      [0, 0],
      [2, 2],
      [3, 3],
      [4, 5],
      [5, 6],
      [6, 7],
    ] as const) {
      expect(itemText(after, now.node, newIndex)).toBe(itemText(frozenText, old.node, oldIndex));
    }
    expect(after).toContain('"tags": ["robotics"]');
  });

  test('a field added to every publication leaves their other fields as written', async () => {
    const resumePath = await scratchFile('resume.json', frozenText);
    // Under another owner, the author lists the résumé leaves out are written: each publication
    // gains `authors`, a member its object did not have.
    const owner = 'Tomás Ferreira';
    const result = await importBib({ bibPath: seedBib, resumePath, owner, dryRun: false });
    expect(result.changes.filter((c) => c.kind === 'update')).toHaveLength(8);
    const after = await readFile(resumePath, 'utf8');
    expect((JSON.parse(after) as Resume).publications?.every((p) => p.authors)).toBe(true);
    const tagsText = (text: string, index: number) => {
      const node = findNodeAtLocation(parseTree(text)!, ['publications', index, 'tags']);
      return node && text.slice(node.offset, node.offset + node.length);
    };
    for (let index = 0; index < 8; index++) {
      expect(tagsText(after, index)).toBe(tagsText(frozenText, index));
    }
    expect(tagsText(after, 0)).toMatch(/^\[[^\n]*\]$/);
  });

  test('--dry-run reports the same changes and writes nothing', async () => {
    const resumePath = await scratchFile('resume.json', frozenText);
    const bibPath = await scratchFile('refs.bib', NEW_AND_UPDATED);
    const result = await importBib({ bibPath, resumePath, dryRun: true });
    expect(result.written).toBe(false);
    expect(result.changes.filter((c) => c.kind === 'add')).toHaveLength(1);
    expect(result.changes.filter((c) => c.kind === 'update')).toHaveLength(2);
    expect(await readFile(resumePath, 'utf8')).toBe(frozenText);
  });
});
