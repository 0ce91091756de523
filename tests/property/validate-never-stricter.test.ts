/**
 * The converse of schema-official.test.ts: whatever the official validator (@jsonresume/schema)
 * accepts, ours accepts too (warnings allowed). Résumés are generated from the official schema
 * itself, every standard field with values of every form its type allows (dates the calendar
 * lacks, URLs with any scheme or non-ASCII characters, text with markup and every script), plus
 * extra fields, and now and then a value of another type, which the official validator refuses
 * (those cases are counted apart).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { validateText } from '../../src/resume/validate.js';
import { themeDir } from '../support/paths.js';

interface OfficialError {
  property: string;
}
const official = createRequire(import.meta.url)('@jsonresume/schema') as {
  validate(resume: unknown, callback: (errors: OfficialError[] | null) => void): void;
};

function officiallyValid(resume: unknown): boolean {
  let valid = false;
  official.validate(resume, (errors) => {
    valid = (errors ?? []).length === 0;
  });
  return valid;
}

interface SchemaNode {
  $ref?: string;
  type?: string;
  format?: string;
  pattern?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  definitions?: Record<string, SchemaNode>;
}

const schema = JSON.parse(
  readFileSync(join(themeDir, 'schema', 'jsonresume.schema.json'), 'utf8'),
) as SchemaNode;

const words = fc.constantFrom(
  'Ada',
  'Zadrożny',
  'Škoda',
  'Işıl',
  'Nguyễn Thị',
  'Παπαδόπουλος',
  'Жаворонков',
  '研究员',
  '東京大学',
  '한국어',
  'جامعة',
  'אוניברסיטה',
  'رحیم‌زاده',
  '**bold**',
  '[link](https://example.org)',
  '<b>raw</b>',
  'line\nbreak',
  '',
  ' ',
  '😀',
);
const text = fc.oneof(
  { weight: 3, arbitrary: fc.array(words, { maxLength: 4 }).map((w) => w.join(' ')) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
);

/** Forms of each kind of value the official validator accepts … */
const acceptedForms = {
  uri: fc.oneof(
    { weight: 4, arbitrary: fc.webUrl({ withQueryParameters: true, withFragments: true }) },
    {
      weight: 2,
      arbitrary: fc
        .string({ unit: 'grapheme', minLength: 1, maxLength: 12 })
        .map((path) => `https://example.org/${path.replace(/\s/g, '')}`),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'https://πρακτικά.example.gr/άρθρο',
        'https://例え.jp/論文',
        'mailto:ada@example.org',
        'urn:isbn:0451450523',
        'a:b',
        'tel:+4930123',
      ),
    },
  ),
  email: fc.emailAddress(),
  date: fc.stringMatching(/^[12]\d{3}(-[01]\d(-[0-3]\d)?)?$/),
  text,
};

/** … and forms it refuses, mixed in by the loose generator. */
const refusedForms = {
  uri: fc.constantFrom('pub/2021/paper.pdf', 'example.org', '', '#', 'https://example.org/a b'),
  email: fc.constantFrom('a@b', 'ada@example', '', 'mailto:a@b.co'),
  date: fc.constantFrom('', 'Present', '2020/01', '2020-1', '2019-03-01T00:00:00Z'),
  text: fc.constant(null),
};

/** Extra field names: never one of the camera-ready extension names, which have types. */
const extraKey = fc.stringMatching(/^[a-z]{1,8}$/).map((name) => `x_${name}`);
const anyValue = fc.jsonValue({ maxDepth: 2 });

function resolve(node: SchemaNode): SchemaNode {
  if (!node.$ref) return node;
  const name = node.$ref.replace('#/definitions/', '');
  const target = schema.definitions?.[name];
  if (!target) throw new Error(`unresolved ${node.$ref}`);
  return target;
}

/**
 * Values of the form `node` describes. Loose: now and then a refused form or any JSON value at
 * all, so that some résumés fail the official validator.
 */
function valueFor(raw: SchemaNode, depth: number, loose: boolean): fc.Arbitrary<unknown> {
  const node = resolve(raw);
  let typed: fc.Arbitrary<unknown>;
  if (node.properties) {
    const fields = Object.fromEntries(
      Object.entries(node.properties).map(([key, child]) => [
        key,
        valueFor(child, depth + 1, loose),
      ]),
    );
    typed = fc
      .tuple(
        fc.record(fields, { requiredKeys: [] }),
        fc.dictionary(extraKey, anyValue, { maxKeys: depth === 0 ? 3 : 1 }),
      )
      .map(([known, extra]) => ({ ...extra, ...known }));
  } else if (node.type === 'array') {
    typed = fc.array(node.items ? valueFor(node.items, depth + 1, loose) : anyValue, {
      maxLength: 2,
    });
  } else if (node.type === 'string') {
    const kind =
      node.format === 'uri' || node.format === 'email'
        ? node.format
        : node.pattern
          ? 'date'
          : 'text';
    const forms = [{ weight: 8, arbitrary: acceptedForms[kind === 'uri' ? 'uri' : kind] }];
    if (loose) forms.push({ weight: 1, arbitrary: refusedForms[kind] as fc.Arbitrary<string> });
    typed = fc.oneof(...forms);
  } else {
    typed = anyValue;
  }
  return loose
    ? fc.oneof({ weight: 30, arbitrary: typed }, { weight: 1, arbitrary: anyValue })
    : typed;
}

const resumes = fc.oneof(
  { weight: 4, arbitrary: valueFor(schema, 0, false) },
  { weight: 1, arbitrary: valueFor(schema, 0, true) },
);

describe('our validator is never stricter than the official one', () => {
  test('every résumé the official validator accepts, ours accepts (1,000+ accepted cases)', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(resumes, (resume) => {
        if (!officiallyValid(resume)) {
          refused += 1;
          return;
        }
        accepted += 1;
        const outcome = validateText(JSON.stringify(resume, null, 2), 'generated.json');
        const errors = outcome.diagnostics.filter((d) => d.severity === 'error');
        expect(errors).toEqual([]);
        expect(outcome.status).toBe('ok');
      }),
      { numRuns: 1400 },
    );
    expect(accepted).toBeGreaterThanOrEqual(1000);
    // The generator also reaches values the official schema refuses, so the condition is real.
    expect(refused).toBeGreaterThan(0);
  });
});
