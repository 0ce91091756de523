/**
 * Reading real export shapes (Google Scholar, DBLP, arXiv, Zotero with Better BibLaTeX, a thesis
 * bibliography), LaTeX to Unicode, the owner's name in every form, and malformed entries. Each
 * expected value is written here from the fixture text, not taken from the code's output.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  isContainer,
  isOwner,
  mapEntry,
  READ_FIELDS,
  type BibFacts,
} from '../../../src/bib/map.js';
import { prescan } from '../../../src/bib/prescan.js';
import { parseBib, type Person } from '../../../src/bib/read.js';
import { repoRoot } from '../../support/paths.js';

const fixtures = join(repoRoot, 'tests', 'fixtures', 'bib');
const OWNER = { name: 'Tomás Ferreira', shownAs: 'Tomás Ferreira' };
const BINJIE = { name: 'Binjie Zhang', shownAs: 'Binjie Zhang' };

async function factsOf(file: string): Promise<Record<string, BibFacts>> {
  const text = await readFile(join(fixtures, file), 'utf8');
  const { entries, diagnostics } = parseBib(text);
  expect(diagnostics).toEqual([]);
  const facts: Record<string, BibFacts> = {};
  for (const entry of entries.filter((e) => !isContainer(e))) {
    const mapped = mapEntry(entry, OWNER);
    expect(mapped.problems).toEqual([]);
    facts[entry.key] = mapped.facts;
  }
  return facts;
}

function titleOf(source: string): string {
  const { entries, diagnostics } = parseBib(`@misc{k, title = {${source}}}`);
  expect(diagnostics).toEqual([]);
  return entries[0]!.fields['title']!;
}

describe('real export shapes', () => {
  test('Google Scholar: accents in braces, "and others", arXiv as a journal, long venue names', async () => {
    expect(await factsOf('google-scholar.bib')).toEqual({
      ferreira2024sparse: {
        name: 'Sparse Routing for Multi-Camera Scene Graphs',
        authors: ['Tomás Ferreira', 'Ingrid Solberg', 'Kwame Mensah'],
        firstAuthor: true,
        venue: 'Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition',
        releaseDate: '2024',
        status: 'published',
      },
      solberg2023tidal: {
        name: 'Tidal: Streaming Video Retrieval under Label Drift',
        authors: ['Ingrid Solberg', 'Tomás Ferreira', 'Yuki Tanabe', 'Ana Lúcia Prado', 'et al.'],
        firstAuthor: false,
        venue: 'arXiv',
        releaseDate: '2023',
        url: 'https://arxiv.org/abs/2310.99417',
        status: 'preprint',
      },
      ferreira2022graph: {
        name: 'Graph Priors for Long-Tail Retrieval',
        authors: ['Tomás Ferreira', 'Kwame Mensah'],
        firstAuthor: true,
        venue: 'Transactions on Machine Learning Research',
        releaseDate: '2022',
        status: 'published',
      },
    });
  });

  test('DBLP: "Given Family 0001" names, {ICLR} 2025 in a long booktitle, CoRR with an arXiv DOI', async () => {
    expect(await factsOf('dblp.bib')).toEqual({
      'DBLP:conf/iclr/FerreiraST25': {
        name: 'Contrastive Memory Banks for Continual 3D Perception',
        authors: ['Tomás Ferreira', 'Ingrid Solberg', 'Yuki Tanabe'],
        firstAuthor: true,
        venue: 'ICLR',
        releaseDate: '2025',
        url: 'https://openreview.net/forum?id=xYz0AbC123',
        status: 'published',
      },
      'DBLP:journals/corr/abs-2402.99876': {
        name: 'Calibrated Uncertainty for Retrieval-Augmented Agents',
        authors: ['Kwame Mensah', 'Tomás Ferreira'],
        firstAuthor: false,
        venue: 'arXiv',
        releaseDate: '2024',
        url: 'https://arxiv.org/abs/2402.99876',
        status: 'preprint',
      },
      'DBLP:conf/aaai/TanabeF23': {
        name: 'Label-Efficient Segmentation with Hierarchical Prompts',
        authors: ['Yuki Tanabe', 'Tomás Ferreira'],
        firstAuthor: false,
        venue: 'AAAI',
        releaseDate: '2023',
        url: 'https://doi.org/10.5555/AAAI.2023.0042',
        status: 'published',
      },
    });
  });

  test('arXiv: @misc with eprint and archivePrefix, UTF-8 names, a versioned link', async () => {
    const facts = await factsOf('arxiv.bib');
    expect(facts['ferreira2025lattice']).toEqual({
      name: 'Lattice Tokenizers for Egocentric Video',
      authors: ['Tomás Ferreira', 'Ana Lúcia Prado', 'Kwame Mensah'],
      firstAuthor: true,
      venue: 'arXiv',
      releaseDate: '2025',
      url: 'https://arxiv.org/abs/2503.99122',
      status: 'preprint',
    });
    expect(facts['prado2024probing']).toMatchObject({
      url: 'https://arxiv.org/abs/2411.99788',
      firstAuthor: false,
    });
  });

  test('Zotero Better BibLaTeX: date, journaltitle, pubstate, {{double}} braces, eprinttype', async () => {
    expect(await factsOf('zotero-better-biblatex.bib')).toEqual({
      ferreiraSelfCorrectingPlannersLongHorizon2025: {
        name: 'Self-Correcting Planners for Long-Horizon Tool Use',
        authors: ['Tomás Ferreira', 'Ingrid Solberg'],
        firstAuthor: true,
        venue: 'ICML',
        releaseDate: '2025-07-13',
        status: 'accepted',
      },
      mensahTemporalAlignmentWearable2024: {
        name: 'Temporal Alignment of Wearable Sensor Streams',
        authors: ['Kwame Mensah', 'Tomás Ferreira', 'Søren Østergaard'],
        firstAuthor: false,
        venue: 'Journal of Sensor Learning',
        releaseDate: '2024-03',
        url: 'https://doi.org/10.5555/jsl.2024.0012',
        status: 'published',
      },
      ferreiraCounterfactualDataCuration2024: {
        name: 'Counterfactual Data Curation for Robot Imitation',
        authors: ['Tomás Ferreira', 'Yuki Tanabe'],
        firstAuthor: true,
        venue: 'arXiv',
        releaseDate: '2024-11-20',
        url: 'https://arxiv.org/abs/2411.99001',
        status: 'under-review',
      },
      // Sole author: the list stays as given, so an export writes one name, not "… and others".
      ferreiraHandObjectPriors2023: {
        name: 'Hand-Object Priors for Video Prediction',
        authors: ['Tomás Ferreira'],
        firstAuthor: true,
        venue: 'arXiv',
        releaseDate: '2023-12-09',
        url: 'https://arxiv.org/abs/2312.99455',
        status: 'preprint',
      },
    });
  });

  test('a thesis bibliography: @STRING, month macros, crossref to @PROCEEDINGS, quoted values', async () => {
    expect(await factsOf('thesis-template.bib')).toEqual({
      ferreira2021kernels: {
        name: 'Kernel Methods for Robust Tracking – a Study',
        authors: ['Tomás Ferreira', 'Jörg Müller-Weiß'],
        firstAuthor: true,
        venue: 'ECML',
        releaseDate: '2021-09',
        status: 'published',
      },
      ferreira2022regret: {
        name: 'Regret Bounds for Curriculum Selection & Replay',
        authors: ['Tomás Ferreira', 'Kwame Mensah', 'Deniz Çelik'],
        firstAuthor: true,
        venue: 'Journal of Machine Learning Research',
        releaseDate: '2022-03',
        status: 'accepted',
      },
      ferreira2026thesis: {
        name: 'Learning to Remember: Memory in Embodied Agents',
        authors: ['Tomás Ferreira'],
        firstAuthor: true,
        venue: 'Universidade do Porto Norte',
        releaseDate: '2026',
        status: 'in-preparation',
      },
    });
  });
});

describe('LaTeX to plain Unicode', () => {
  test.each([
    [String.raw`M{\"u}ller and M\"uller and \"{u}`, 'Müller and Müller and ü'],
    [
      String.raw`Caf\'{e} \`a la \^{o} \~n \c{c} \v{S} \u{g} \H{o} \r{a} \k{e}`,
      'Café à la ô ñ ç Š ğ ő å ę',
    ],
    [String.raw`{\o}ster {\O} {\ss} {\ae} {\AA} \l{} {\i}`, 'øster Ø ß æ Å ł ı'],
    [String.raw`Search \& Rescue: 50\% of \$5 \#1`, 'Search & Rescue: 50% of $5 #1'],
    ["pages 1--2 --- a dash, ``quoted'' text", 'pages 1–2 — a dash, “quoted” text'],
    [String.raw`{ReGRPO}: {Tool-Using} {{Agents}}`, 'ReGRPO: Tool-Using Agents'],
    [String.raw`\textit{Deep} \emph{nets} \textbf{now} \textsc{Sc}`, 'Deep nets now Sc'],
    [
      String.raw`H\textsubscript{2}O and x\textsuperscript{2}, $\alpha$-decay`,
      'H₂O and x², α-decay',
    ],
    [String.raw`Fig.~1 and  many   spaces`, 'Fig. 1 and many spaces'],
    [String.raw`a $<$ b`, 'a < b'],
    // Angle brackets of the title itself, never taken for the markup \textit becomes.
    [String.raw`\textless{}i\textgreater{} a`, '<i> a'],
    [String.raw`<b>bold</b> \textit{it} \textless i`, '<b>bold</b> it <i'],
  ])('%s', (source, expected) => {
    expect(titleOf(source)).toBe(expected);
  });

  test('places what follows a \\textless where it is in the file', () => {
    const file = '@misc{a,\n  title = {\\textless{}\\textless{}}}\n@misc{b,\n  title = {B \\foo}}';
    const { entries, diagnostics } = parseBib(file);
    expect(entries.map((e) => [e.key, e.fields['title'], e.line, e.column])).toEqual([
      ['a', '<<', 1, 1],
      ['b', 'B', 3, 1],
    ]);
    expect(diagnostics).toMatchObject([{ path: 'b', line: 3, column: 1 }]);
  });

  test('an unknown command is reported as a warning, its argument kept', () => {
    const { entries, diagnostics } = parseBib('@misc{k,\n  title = {A \\foo{bar} title}}');
    expect(entries[0]!.fields['title']).toBe('A bar title');
    expect(diagnostics).toMatchObject([{ severity: 'warning', path: 'k', line: 1, column: 1 }]);
    expect(diagnostics[0]!.message).toContain('\\foo');
  });
});

describe('a dollar sign and a CV’s macro for its owner', () => {
  test.each([
    ['@misc{k, title = {Cost of $5 items}, year = 2024}', 'Cost of $5 items'],
    ['@misc{k, title = "A $\\alpha$-stable $x", note = {only $5}}', 'A $α$-stable $x'],
    ['@misc{k, title = {Math $x^2$ here}, abstract = {costs $5}}', 'Math x² here'],
  ])('a $ the file leaves open is a dollar sign; the entry is read: %s', (text, title) => {
    for (const read of [undefined, READ_FIELDS]) {
      const { entries, diagnostics } = parseBib(text, read);
      expect(diagnostics).toEqual([]);
      expect(entries.map((e) => [e.key, e.fields['title']])).toEqual([['k', title]]);
    }
  });

  test('a name written as a LaTeX command is a located warning, the rest of the list read', () => {
    // Shapes of LaTeX CVs that keep their own publications in a .bib beside the CV.
    const file = [
      '@preamble{"\\newcommand{\\myname}{Ferreira, Tom\\\'as}"}',
      '@article{a1,',
      '  author = {\\myname and Roe, Rita},',
      '  title = {First}}',
      '@article{a2,',
      '  author = {Roe, Rita and \\textbf{\\me}},',
      '  title = {Second}}',
    ].join('\n');
    for (const read of [undefined, READ_FIELDS]) {
      const { entries, diagnostics } = parseBib(file, read);
      expect(entries.map((e) => [e.key, e.authors.map((p) => `${p.given} ${p.family}`)])).toEqual([
        ['a1', ['Rita Roe']],
        ['a2', ['Rita Roe']],
      ]);
      expect(diagnostics).toMatchObject([
        { severity: 'warning', path: 'a1', line: 3, column: 13 },
        { severity: 'warning', path: 'a2', line: 6, column: 35 },
      ]);
      expect(diagnostics[0]!.message).toMatch(
        /names \\myname, a LaTeX command .* defines it in its @preamble/,
      );
      expect(diagnostics[1]!.message).toMatch(/names \\me, a LaTeX command/);
      expect(diagnostics[1]!.message).not.toContain('@preamble');
    }
  });
});

describe('the owner in an author list', () => {
  const person = (family: string, given: string, extra: Partial<Person> = {}): Person => ({
    family,
    given,
    prefix: '',
    suffix: '',
    literal: '',
    others: false,
    ...extra,
  });
  const listed = (authors: string) => {
    const { entries } = parseBib(`@misc{k, author = {${authors}}}`);
    return entries[0]!.authors;
  };

  test.each([
    'Zhang, Binjie',
    'Binjie Zhang',
    'B. Zhang',
    'Zhang, B.',
    'Zhang, B',
    "Zh{\\={a}}ng, B{\\'i}njie",
    'Zhang Binjie',
    'ZHANG, Binjie',
    'Zhang, Bin-Jie',
    'Zhang, Binjie Q.',
  ])('"%s" is Binjie Zhang', (written) => {
    const [first] = listed(written);
    expect(isOwner(first!, 'Binjie Zhang')).toBe(true);
    expect(isOwner(first!, 'Zhang, Binjie')).toBe(true);
  });

  test.each([
    'Zhang, Bo',
    'Zheng, Binjie',
    'Y. Zhang',
    'Binjie',
    'others',
    'Zhang, Bo Q.',
    'Zhang, Q. Binjie',
  ])('"%s" is not Binjie Zhang', (written) => {
    const [first] = listed(written);
    expect(isOwner(first!, 'Binjie Zhang')).toBe(false);
  });

  test('particles and accents on the owner’s side too', () => {
    expect(isOwner(person('Berg', 'Anna', { prefix: 'van der' }), 'Anna van der Berg')).toBe(true);
    expect(isOwner(person('Berg', 'A.', { prefix: 'van der' }), 'van der Berg, Anna')).toBe(true);
    expect(isOwner(person('Ferreira', 'Tomas'), 'Tomás Ferreira')).toBe(true);
    expect(isOwner(person('Berg', 'Anna'), 'Anna van der Berg')).toBe(false);
  });

  test('the owner is written as the résumé names them, so the theme emphasises the name', () => {
    const { entries } = parseBib('@misc{k, title={T}, author = {Roe, R. and Zhang, B.}}');
    const { facts } = mapEntry(entries[0]!, BINJIE);
    expect(facts.authors).toEqual(['R. Roe', 'Binjie Zhang']);
    expect(facts.firstAuthor).toBe(false);
    // --owner "Zhang, Binjie" finds the name; the list still writes it as basics.name has it.
    const given = mapEntry(entries[0]!, { name: 'Zhang, Binjie', shownAs: 'Binjie Zhang' });
    expect(given.facts.authors).toEqual(['R. Roe', 'Binjie Zhang']);
  });

  test('an owner missing from the list is a warning and leaves the first-author mark alone', () => {
    const { entries } = parseBib('@misc{k, title={T}, author = {Roe, R. and Doe, J.}}');
    const mapped = mapEntry(entries[0]!, BINJIE);
    expect(mapped.facts.firstAuthor).toBeUndefined();
    expect(mapped.facts.authors).toEqual(['R. Roe', 'J. Doe']);
    expect(mapped.problems.map((p) => p.severity)).toEqual(['warning']);
  });
});

describe('malformed entries', () => {
  test('reported with line, column and key; the entries around them are still read', async () => {
    const file = join(fixtures, 'malformed.bib');
    const text = await readFile(file, 'utf8');
    const { entries, diagnostics } = parseBib(text);
    expect(entries.map((e) => e.key)).toEqual(['good-first', 'good-last']);
    expect(diagnostics).toHaveLength(1);
    const [problem] = diagnostics;
    // The parser stops at "author", on the line after the title that lacks its comma.
    const lines = text.split('\n');
    const line =
      lines.findIndex(
        (l) => l.includes('author') && lines[lines.indexOf(l) - 1]!.includes('Missing Its Comma'),
      ) + 1;
    expect(problem).toMatchObject({ severity: 'error', path: 'broken-comma', line, column: 3 });
    expect(problem!.hint).toMatch(/comma/);
    expect(entries[1]!.line).toBe(lines.indexOf('@article{good-last,') + 1);
  });

  test('positions stay those of the file when unread values (abstracts) are left out', () => {
    const text = [
      '@article{a,',
      '  abstract = {A long abstract',
      '    over three lines, with {braces}',
      '    and a \\textless{} sign.},',
      '  title = {First \\textless{} Second},',
      '  year = {2020}',
      '}',
      '',
      '@article{b,',
      '  keywords = {one, two, three, four},',
      '  title = {Lacks Its Comma}',
      '  year = {2021}',
      '}',
      '',
      '@article{c,',
      '  note = {skipped},',
      '  title = {Third}',
      '}',
    ].join('\n');
    const { entries, diagnostics } = parseBib(text, READ_FIELDS);
    expect(entries.map((e) => [e.key, e.fields['title'], e.line, e.column])).toEqual([
      ['a', 'First < Second', 1, 1],
      ['c', 'Third', 15, 1],
    ]);
    expect(diagnostics).toMatchObject([{ path: 'b', line: 12, column: 3 }]);
  });

  test('lines are counted the same in a file with Windows line ends', () => {
    const text =
      '@article{a,\r\n  title={One}\r\n}\r\n\r\n@article{b,\r\n  title={Two}\r\n  year={2020}\r\n}\r\n';
    const { entries, diagnostics } = parseBib(text);
    expect(entries.map((e) => [e.key, e.line])).toEqual([['a', 1]]);
    expect(diagnostics).toMatchObject([{ path: 'b', line: 7, column: 3 }]);
  });

  test('a key BibTeX refuses is reported, also when the pre-pass reads every field', () => {
    const file = '@misc{k\u001b,\n  title = {T}}\n@misc{ok,\n  title = {U}}';
    const { entries, diagnostics } = parseBib(file, READ_FIELDS);
    expect(entries.map((e) => e.key)).toEqual(['ok']);
    expect(diagnostics).toMatchObject([{ severity: 'error', line: 1 }]);
  });

  test('an unclosed brace is reported at the start of its entry', () => {
    const text =
      '@article{ok1, title={One}}\n\n@article{open, title={Two, year=2021}\n@article{ok2, title={Three}}\n';
    const { entries, diagnostics } = parseBib(text);
    expect(entries.map((e) => e.key)).toEqual(['ok1', 'ok2']);
    expect(diagnostics).toMatchObject([{ severity: 'error', path: 'open', line: 3, column: 1 }]);
  });

  test('an undefined @string is a warning where it is used: that field is left out, the entry read', () => {
    const text = '@article{a, title={One}, journal=nosuch, year=2020}\n@article{b, title={Two}}\n';
    const { entries, diagnostics } = parseBib(text);
    expect(entries.map((e) => [e.key, e.fields])).toEqual([
      ['a', { title: 'One', year: '2020' }],
      ['b', { title: 'Two' }],
    ]);
    expect(diagnostics).toMatchObject([{ severity: 'warning', path: 'a', line: 1, column: 34 }]);
    expect(diagnostics[0]!.message).toMatch(/journal field is left out/);
    expect(diagnostics[0]!.hint).toContain('@string{nosuch');
  });

  test('an entry without a title is an error, an entry without a key too', () => {
    const { entries, diagnostics } = parseBib('@article{,title={T}}\n@article{k, year=2020}\n');
    expect(diagnostics).toMatchObject([{ severity: 'error', line: 1, column: 1 }]);
    const mapped = mapEntry(entries[0]!, OWNER);
    expect(mapped.problems.map((p) => p.severity)).toEqual(['error']);
  });
});

describe('values read without the LaTeX parser', () => {
  test.each([
    'ads.bib',
    'al-folio.bib',
    'dblp-crossref.bib',
    'dblp.bib',
    'google-scholar.bib',
    'scholar-particles.bib',
    'thesis-template.bib',
    'zotero-better-biblatex.bib',
    'arxiv.bib',
    'seed-cv.bib',
  ])('%s: every field the import reads is the same as the parser reads it', async (file) => {
    const text = await readFile(join(fixtures, file), 'utf8');
    const whole = parseBib(text);
    const fast = parseBib(text, READ_FIELDS);
    const readOnly = (fields: Record<string, string>) =>
      Object.fromEntries(Object.entries(fields).filter(([name]) => READ_FIELDS.has(name)));
    expect(fast.entries.map((e) => ({ ...e, fields: readOnly(e.fields) }))).toEqual(
      whole.entries.map((e) => ({ ...e, fields: readOnly(e.fields) })),
    );
  });

  test('a title with case braces, an apostrophe, a hyphen and non-ASCII letters', () => {
    const text =
      "@misc{k, title = {The {3D} Owner's Self-Supervised Naïve {{Ωmega}} Model}, year = {2024}, doi = {10.1/x-y}}";
    const fast = parseBib(text, READ_FIELDS).entries[0]!.fields;
    expect(fast).toEqual(parseBib(text).entries[0]!.fields);
    expect(fast['title']).toBe("The 3D Owner's Self-Supervised Naïve Ωmega Model");
  });

  test('quoted values, and values followed by spaces, are read whole, quotes and all left out', () => {
    // Thesis templates write "…" values and put a space or a line end before the comma.
    const text = [
      '@misc{k,',
      '  title = "Quoted {T}itle" ,',
      '  url = "https://example.org/a\\_b"',
      '  , note = {To appear}',
      '}',
    ].join('\n');
    const scanned = prescan(text, READ_FIELDS);
    expect(scanned.plain.get(0)).toEqual({
      title: 'Quoted Title',
      url: 'https://example.org/a\\_b',
      note: 'To appear',
    });
    expect(parseBib(text, READ_FIELDS).entries[0]!.fields).toEqual(
      parseBib(text).entries[0]!.fields,
    );
  });

  test.each([
    [String.raw`Pages 1--2 --- a dash, 1990----2000`, 'Pages 1–2 — a dash, 1990—-2000'],
    [String.raw`50\% of \$5 \#1 in C\_x`, '50% of $5 #1 in C_x'],
    [
      String.raw`Updates in O(n{\^{}}2) and a\~{}b, not -{}- a ligature`,
      'Updates in O(n^2) and a~b, not -- a ligature',
    ],
    // NASA ADS titles: math of letters and symbols.
    [
      String.raw`Star Formation at $z\sim2$ from H$\alpha$ and $\mu$ Maps`,
      'Star Formation at z∼2 from Hα and 𝜇 Maps',
    ],
  ])(
    'signs, dashes and simple math read without the parser, as the parser reads them: %s',
    (title, expected) => {
      const text = `@misc{k, title={${title}}, year = 2024}`;
      expect(parseBib(text, READ_FIELDS).entries).toEqual(parseBib(text).entries);
      expect(parseBib(text, READ_FIELDS).entries[0]!.fields['title']).toBe(expected);
      // The pre-pass read the whole entry, so the parser was given none of it.
      expect(prescan(text, READ_FIELDS).whole).toMatchObject([{ key: 'k' }]);
    },
  );

  test.each([
    'van der Berg, Anna and Anna van der Berg and Smith, Jr., John',
    '{Acme Lab} and Doe, J. and de la Fuente, Irene and AFY Poon and Poon, AFY',
    'Jean-Luc Picard and Ludwig van Beethoven and {van Gogh}, Vincent and Doe, J. and others',
    'Zhang Binjie and María José García-López and {Okafor}, Chidi N. and Klein, Niek de',
    'Tomás Ferreira 0001 and Ana {de} Souza and Ingrid {S}olberg',
  ])('names read without the parser, as the parser reads them: %s', (authors) => {
    const text = `@misc{k, title={T}, author={${authors}}}`;
    expect(parseBib(text, READ_FIELDS).entries[0]!.authors).toEqual(
      parseBib(text).entries[0]!.authors,
    );
  });

  test.each([
    String.raw`Ma{\'\i}z, Ma\'{\i}z, Ma{\'i}z and Tom\'{a}s`,
    String.raw`\c{C}elik, M{\"u}ller-Wei{\ss}, \v{S}koda, {\o}stergaard, R\&D`,
    String.raw`G{\"{o}}del, \'Etienne, \^{o}, \~n, \u{g}, \H{o}, \k{a}, \r{a}, \=a, \.z`,
  ])('accents read without the parser, as the parser reads them: %s', (title) => {
    const text = `@misc{k, title={${title}}, author={${title.replaceAll(',', ' and')}}}`;
    const fast = parseBib(text, READ_FIELDS).entries[0]!;
    const whole = parseBib(text).entries[0]!;
    expect([fast.fields['title'], fast.authors]).toEqual([whole.fields['title'], whole.authors]);
    // And the pre-pass did read them, not the parser.
    expect(Object.keys(prescan(text, READ_FIELDS).plain.get(0) ?? {})).toEqual(['title', 'author']);
  });
});
