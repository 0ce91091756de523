/**
 * No fact dropped: every string and number a person writes, in standard, pre-1.0 and unknown
 * fields, is visible in the page (an address at least as a link's target). Examples of single
 * fields shown in place are in tests/unit/theme/facts.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { expectedFacts, missingFacts } from '../support/facts.js';
import { theme } from '../support/theme.js';

/** What a generated leaf becomes: each kind is replaced by a unique marker of that shape. */
type Leaf = 'text' | 'url' | 'number' | 'email';
type Shape = Leaf | Shape[] | { [key: string]: Shape };

const text = fc.constant<Leaf>('text');
const url = fc.constant<Leaf>('url');
const list = fc.array(fc.constantFrom<Leaf>('text', 'number'), { minLength: 1, maxLength: 3 });

/** Fields the theme does not know, in the shapes people write them. */
const extras = fc.dictionary(
  fc.constantFrom('salary', 'nationality', 'xNote', 'team', 'visa', 'hobby', 'source'),
  fc.oneof(
    fc.constantFrom<Shape>('text', 'number', 'url'),
    fc.constant<Shape>({ inner: 'text', deeper: { value: 'number' } }),
    fc.constant<Shape>(['text', 'number']),
  ),
  { maxKeys: 2 },
);

function entry(fields: Record<string, fc.Arbitrary<Shape>>): fc.Arbitrary<Shape> {
  return fc
    .tuple(fc.record(fields, { requiredKeys: [] }), extras)
    .map(([known, extra]) => ({ ...extra, ...known }) as Shape);
}

const dated = { startDate: text, endDate: text };
const location = entry({
  state: text,
  address: text,
  postalCode: text,
  city: text,
  countryCode: text,
  region: text,
});
const basics = entry({
  name: text,
  label: text,
  email: fc.constant<Leaf>('email'),
  phone: text,
  phones: list,
  url,
  website: url,
  picture: url,
  image: url,
  summary: text,
  location,
  profiles: fc.array(entry({ network: text, username: text, url }), { maxLength: 2 }),
});
const subProject = entry({
  name: text,
  type: text,
  summary: text,
  highlights: list,
  url,
  keywords: list,
});
const sections: Record<string, fc.Arbitrary<Shape>> = {
  work: entry({
    ...dated,
    name: text,
    company: text,
    position: text,
    url,
    website: url,
    location: fc.oneof(text, location),
    description: text,
    summary: text,
    highlights: list,
    projects: fc.array(subProject, { maxLength: 2 }),
  }),
  volunteer: entry({
    ...dated,
    organization: text,
    position: text,
    url,
    website: url,
    summary: text,
    highlights: list,
  }),
  education: entry({
    ...dated,
    institution: text,
    url,
    area: text,
    studyType: text,
    score: fc.constantFrom<Leaf>('text', 'number'),
    gpa: fc.constantFrom<Leaf>('text', 'number'),
    courses: list,
    field: text,
    advisor: text,
    location: fc.oneof(text, location),
  }),
  awards: entry({ title: text, date: text, awardDate: text, awarder: text, summary: text }),
  certificates: entry({ name: text, date: text, url, issuer: text }),
  publications: entry({
    name: text,
    publisher: text,
    releaseDate: text,
    url,
    website: url,
    summary: text,
    status: text,
    venue: text,
    authors: list,
    scores: fc.array(fc.constant<Leaf>('number'), { minLength: 1, maxLength: 4 }),
    distinctions: list,
  }),
  skills: fc.oneof(entry({ name: text, level: text, keywords: list }), text),
  languages: entry({ language: text, fluency: text }),
  interests: fc.oneof(entry({ name: text, keywords: list }), text),
  hobbies: entry({ name: text, keywords: list }),
  references: entry({ name: text, reference: text }),
  projects: entry({
    ...dated,
    name: text,
    description: text,
    highlights: list,
    keywords: list,
    url,
    roles: list,
    entity: text,
    type: text,
  }),
  patents: entry({ title: text, number: fc.constant<Leaf>('number'), url }),
};

const resumeShape = fc.record(
  {
    basics,
    ...Object.fromEntries(
      Object.entries(sections).map(([key, item]) => [
        key,
        fc.array(item, { minLength: 1, maxLength: 2 }),
      ]),
    ),
    summaryNote: text,
  },
  { requiredKeys: [] },
);

/** Replaces every leaf with a marker no other leaf contains. */
function mark(shape: Shape): unknown {
  let n = 0;
  const fill = (s: Shape): unknown => {
    if (Array.isArray(s)) return s.map(fill);
    if (typeof s === 'object')
      return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, fill(v)]));
    n += 1;
    const id = String(n).padStart(4, '0');
    switch (s) {
      case 'text':
        return `mk${id}q`;
      case 'number':
        return 7_000_000 + n;
      case 'url':
        return `https://example.org/mk${id}q`;
      case 'email':
        return `mk${id}q@example.org`;
    }
  };
  return fill(shape);
}

describe('no fact dropped', () => {
  it('shows every leaf of generated résumés with standard, pre-1.0 and unknown fields', () => {
    fc.assert(
      fc.property(resumeShape, (shape) => {
        const resume = mark(shape) as Resume;
        const facts = expectedFacts(resume);
        expect(missingFacts(theme.render(resume), facts)).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('the check fails when a field is not shown', () => {
    const resume = { work: [{ company: 'mk0001q', salary: 'mk0002q' }] } as unknown as Resume;
    const facts = expectedFacts(resume);
    expect(missingFacts('<p>mk0001q</p>', facts).map((f) => f.path)).toEqual(['work[0].salary']);
  });
});
