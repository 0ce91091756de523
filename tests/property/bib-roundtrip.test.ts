/**
 * Property: any publications list → `npm run export -- --format bib`'s writer → import into a
 * résumé without publications gives back the same bibliographic facts; a second import of the
 * same file changes nothing.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Publication, PublicationStatus, Resume } from 'jsonresume-theme-camera-ready';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { importBib } from '../../src/bib/import.js';
import { titleKey } from '../../src/bib/map.js';
import { writeBib } from '../../src/bib/write.js';

const OWNER = 'Tomás Ferreira';
const GIVEN = ['Ana', 'Ana Lúcia', 'Kwame', 'Søren', 'Zoë', 'Jörg', 'Yuki', 'Deniz', 'Émile', 'Li'];
const FAMILY = [
  'Solberg',
  'Mensah',
  'Østergaard',
  'Çelik',
  'van der Berg',
  'Müller-Weiß',
  'Tanabe',
  'de la Cruz',
  'Nguyễn',
  'Ng',
];
// Letters, accents, other scripts, and every character LaTeX treats specially.
const CHARS = [
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  'é',
  'ü',
  'ø',
  'ß',
  'ł',
  'ñ',
  'Å',
  'ç',
  'α',
  '漢',
  '字',
  'Ж',
  '&',
  '%',
  '$',
  '#',
  '_',
  '{',
  '}',
  '~',
  '^',
  '\\',
  '<',
  '>',
  '"',
  "'",
  '–',
  '—',
  '“',
  '”',
  ':',
  '-',
  '?',
  '!',
  '(',
  ')',
  '/',
  '+',
  '@',
];

const word = fc
  .array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 9 })
  .map((c) => c.join(''));
const title = fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));
const person = fc
  .tuple(fc.constantFrom(...GIVEN), fc.constantFrom(...FAMILY))
  .map(([g, f]) => `${g} ${f}`);
const acronym = fc
  .array(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), { minLength: 2, maxLength: 6 })
  .map((c) => c.join(''));
const capitalised = fc
  .array(
    fc.constantFrom(
      'Journal',
      'of',
      'Learning',
      'Conference',
      'Systems',
      'Vision',
      'Ünited',
      'Robotics',
      '&',
    ),
    { minLength: 1, maxLength: 5 },
  )
  .map((w) => w.join(' '));
const date = fc.oneof(
  fc.integer({ min: 1990, max: 2030 }).map(String),
  fc
    .tuple(fc.integer({ min: 1990, max: 2030 }), fc.integer({ min: 1, max: 12 }))
    .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
  fc
    .tuple(
      fc.integer({ min: 1990, max: 2030 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 28 }),
    )
    .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
);
const url = fc.oneof(
  fc
    .stringMatching(/^[A-Za-z0-9]{1,8}(\.[A-Za-z0-9_-]{1,6}){0,2}$/)
    .map((s) => `https://doi.org/10.5555/${s}`),
  fc
    .tuple(fc.integer({ min: 1001, max: 2512 }), fc.integer({ min: 10000, max: 99999 }))
    .map(([a, b]) => `https://arxiv.org/abs/${a}.${b}`),
  fc.stringMatching(/^[a-z0-9]{1,10}$/).map((s) => `https://example.org/papers/${s}`),
);
const STATUSES: PublicationStatus[] = [
  'published',
  'accepted',
  'under-review',
  'in-preparation',
  'preprint',
];

const record: fc.Arbitrary<Publication> = fc
  .record(
    {
      id: fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/),
      name: title,
      coauthors: fc.array(person, { minLength: 1, maxLength: 4 }),
      ownerAt: fc.integer({ min: -1, max: 4 }),
      others: fc.boolean(),
      venue: fc.oneof(fc.constant('arXiv'), acronym, capitalised),
      status: fc.constantFrom(...STATUSES),
      releaseDate: date,
      url,
      ownerOnly: fc.boolean(),
    },
    { requiredKeys: ['name', 'coauthors', 'ownerAt', 'others', 'status'] },
  )
  .map((r) => {
    // Facts a .bib can say one way only: a paper with an arXiv link and no venue is an arXiv
    // paper, and an arXiv-only paper is not "published".
    const venue = !r.venue && r.url?.startsWith('https://arxiv.org/') ? 'arXiv' : r.venue;
    const status = venue === 'arXiv' && r.status === 'published' ? 'preprint' : r.status;
    const publication: Publication = { name: r.name, status };
    if (r.id) publication.id = r.id;
    if (venue) publication.venue = venue;
    if (r.releaseDate) publication.releaseDate = r.releaseDate;
    if (r.url) publication.url = r.url;
    if (r.ownerOnly) {
      // "Owner and others": the CV's own shape, a first-author mark and no list.
      publication.firstAuthor = true;
      return publication;
    }
    const named = [...new Set(r.coauthors)];
    if (r.ownerAt >= 0) named.splice(Math.min(r.ownerAt, named.length), 0, OWNER);
    publication.authors = r.others ? [...named, 'et al.'] : named;
    if (r.ownerAt >= 0) publication.firstAuthor = named[0] === OWNER;
    return publication;
  });

const publications = fc
  .uniqueArray(record, {
    maxLength: 8,
    selector: (p) => titleKey(p.name ?? ''),
  })
  .filter((list) => {
    // Two papers never share a link or an id.
    const links = list.map((p) => p.url).filter(Boolean);
    const ids = list.map((p) => p.id).filter(Boolean);
    return new Set(links).size === links.length && new Set(ids).size === ids.length;
  });

/** The facts a .bib entry carries (the human publisher text is derived from them). */
function facts(p: Publication) {
  const { name, authors, firstAuthor, venue, releaseDate, url, status, id } = p;
  return { name, authors, firstAuthor, venue, releaseDate, url, status, id };
}

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'bib-roundtrip-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

test('export → import gives the same facts; importing again changes nothing', async () => {
  let run = 0;
  await fc.assert(
    fc.asyncProperty(publications, async (list) => {
      const folder = join(scratch, String(run++));
      const bibPath = `${folder}.bib`;
      const resumePath = `${folder}.json`;
      const resume: Resume = { basics: { name: OWNER }, publications: list };
      await writeFile(bibPath, writeBib(resume).text);
      await writeFile(resumePath, `${JSON.stringify({ basics: { name: OWNER } }, null, 2)}\n`);

      const first = await importBib({ bibPath, resumePath, dryRun: false });
      expect(first.bibDiagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(first.status).toBe('ok');
      const imported =
        (JSON.parse(await readFile(resumePath, 'utf8')) as Resume).publications ?? [];
      const byTitle = (items: Publication[]) =>
        [...items].map(facts).sort((a, b) => (a.name! < b.name! ? -1 : 1));
      const expected = byTitle(list).map((f, i) => ({
        ...f,
        id: f.id ?? byTitle(imported)[i]?.id,
      }));
      expect(byTitle(imported)).toEqual(expected);

      const once = await readFile(resumePath, 'utf8');
      const second = await importBib({ bibPath, resumePath, dryRun: false });
      expect(second.changes.filter((c) => c.kind !== 'unchanged')).toEqual([]);
      expect(await readFile(resumePath, 'utf8')).toBe(once);
    }),
    { numRuns: 300 },
  );
});
