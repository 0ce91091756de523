/**
 * The validator as a module: one test per kind of message, each checking the path, the place in
 * the file and the wording people see.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { getLocation } from 'jsonc-parser';
import { describe, expect, test } from 'vitest';
import { editDistance, closestMatch } from '../../../src/resume/schema-diagnostics.js';
import { formatPath, lineIndex } from '../../../src/resume/json-syntax.js';
import { formatReport } from '../../../src/resume/diagnostics.js';
import { compileResumeValidator, schemaFingerprint } from '../../../src/resume/schema.js';
import { validateFile, validateText, type Diagnostic } from '../../../src/resume/validate.js';
import { seedResumePath } from '../../support/paths.js';

/** Validates `resume` written as pretty JSON; returns the errors and warnings with the text. */
function check(resume: unknown) {
  const text = JSON.stringify(resume, null, 2);
  const outcome = validateText(text, 'cv.json');
  return {
    text,
    outcome,
    errors: outcome.diagnostics.filter((d) => d.severity === 'error'),
    warnings: outcome.diagnostics.filter((d) => d.severity === 'warning'),
  };
}

/** Line and column of the first `needle` in `text`, counted independently of the validator. */
function where(text: string, needle: string): { line: number; column: number } {
  const before = text.slice(0, text.indexOf(needle));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1) ?? '').length + 1 };
}

function only(diagnostics: Diagnostic[]): Diagnostic {
  expect(diagnostics).toHaveLength(1);
  return diagnostics[0] as Diagnostic;
}

describe('valid résumés', () => {
  test('the seed CV: exit 0, the résumé back, no report', async () => {
    const outcome = await validateFile(seedResumePath);
    expect(outcome.status).toBe('ok');
    expect(outcome.diagnostics).toEqual([]);
    expect(outcome.report).toBe('');
    expect(outcome.resume).toEqual(JSON.parse(await readFile(seedResumePath, 'utf8')));
  });

  test('unknown fields that are no misspelling pass silently', () => {
    const { outcome } = check({
      basics: { name: 'Ada', pronouns: 'she/her' },
      publications: [{ doi: '10.1/x' }],
    });
    expect(outcome.diagnostics).toEqual([]);
  });
});

describe('JSON syntax', () => {
  // Line and column of each case counted by hand from its text.
  test.each([
    [
      'a trailing comma, at the comma',
      '{\n  "basics": {\n    "name": "Ada",\n  }\n}',
      3,
      18,
      "a trailing comma before '}'.",
    ],
    [
      'a missing comma, where it belongs',
      '{\n  "basics": {\n    "name": "Ada"\n    "label": "Analyst"\n  }\n}',
      3,
      18,
      "expected a ',' or '}' after the property.",
    ],
    ['an unterminated string', '{\n  "basics": {"name": "Ada\n}}', 2, 22, 'unterminated string.'],
    ['a comment', '{\n  // my CV\n  "basics": {}\n}', 2, 3, 'JSON does not allow comments.'],
    ['an empty file', '', 1, 1, 'the file is empty.'],
    ['a file of blank lines', '  \n\n', 1, 1, 'the file is empty.'],
  ])('%s', (_name, text, line, column, message) => {
    const outcome = validateText(text, 'cv.json');
    expect(outcome.status).toBe('invalid');
    expect(only(outcome.diagnostics)).toMatchObject({ severity: 'error', line, column, message });
    expect(outcome.report).toContain(`cv.json:${line}:${column}  error`);
  });

  test('single quotes and bare words', () => {
    expect(only(validateText("{'basics': {}}", 'cv.json').diagnostics).message).toMatch(
      /double quotes/,
    );
    expect(only(validateText('{"a": undefined}', 'cv.json').diagnostics)).toMatchObject({
      column: 7,
      message: 'undefined is not a JSON value.',
    });
  });

  test('a byte-order mark is a warning, and columns still count from the first visible character', () => {
    const outcome = validateText('\uFEFF{"work": [{"endDate": "now"}]}', 'cv.json');
    expect(outcome.status).toBe('invalid');
    expect(outcome.diagnostics.map((d) => [d.severity, d.line, d.column])).toEqual([
      ['error', 1, 23],
      ['warning', 1, 1],
    ]);
  });

  test('JSON that is not an object', () => {
    for (const [text, kind] of [
      ['[{"basics": {}}]', 'a list (JSON array)'],
      ['"resume"', 'a single string'],
      ['42', 'a single number'],
      ['null', 'only null'],
    ]) {
      const outcome = validateText(`\n  ${text}`, 'cv.json');
      expect(outcome.status).toBe('invalid');
      expect(only(outcome.diagnostics)).toMatchObject({ path: '(root)', line: 2, column: 3 });
      expect(outcome.diagnostics[0]?.message).toContain(`the file holds ${kind}, not a résumé`);
    }
  });

  test('a key given twice is a warning', () => {
    const text = '{\n  "basics": {"name": "A"},\n  "basics": {"name": "B"}\n}';
    const outcome = validateText(text, 'cv.json');
    expect(outcome.status).toBe('ok');
    expect(only(outcome.diagnostics)).toMatchObject({
      severity: 'warning',
      path: 'basics',
      line: 3,
      column: 3,
    });
    expect(outcome.resume).toEqual({ basics: { name: 'B' } });
  });
});

describe('schema errors with fixes', () => {
  test.each(['Present', 'present', 'PRESENT', 'current'])('%s as an end date', (value) => {
    const { text, outcome } = check({ work: [{ name: 'Lab', endDate: value }] });
    expect(outcome.status).toBe('invalid');
    expect(only(outcome.diagnostics)).toEqual({
      severity: 'error',
      path: 'work[0].endDate',
      ...where(text, `"${value}"`),
      value,
      message: `"${value}" is not a date. Expected YYYY, YYYY-MM or YYYY-MM-DD.`,
      hint: 'omit endDate for a current role (or give the planned end date and "expected": true).',
    });
  });

  test.each([
    ['2020-1', 'write "2020-01" (two-digit month and day).'],
    ['2020-1-5', 'write "2020-01-05" (two-digit month and day).'],
    ['2020-01-15T09:30:00Z', 'keep only the date part: "2020-01-15".'],
    ['2020/03', 'write "2020-03".'],
    ['03/2020', 'write "2020-03".'],
    ['March 2020', 'write "2020-03".'],
  ])('date %s', (value, hint) => {
    const { errors } = check({ education: [{ startDate: value }] });
    expect(only(errors)).toMatchObject({ path: 'education[0].startDate', value, hint });
  });

  test.each([
    ['github.com/ada', 'add the scheme: "https://github.com/ada".'],
    ['www.example.com', 'add the scheme: "https://www.example.com".'],
    ['', 'remove url; leave the field out when there is none.'],
    ['#', 'remove url; leave the field out when there is none.'],
    ['https://example.com/my page', expect.stringMatching(/percent-encode/)],
  ])('url %j', (value, hint) => {
    const { text, errors } = check({ basics: { profiles: [{ network: 'GitHub', url: value }] } });
    expect(only(errors)).toMatchObject({
      path: 'basics.profiles[0].url',
      line: where(text, `"url": ${JSON.stringify(value)}`).line,
      column: where(text, `"url": ${JSON.stringify(value)}`).column + '"url": '.length,
      message: expect.stringContaining('is not a full URL'),
      hint,
    });
  });

  test.each([
    ['', 'remove email; leave the field out when there is none.'],
    ['#', 'remove email; leave the field out when there is none.'],
    ['mailto:ada@example.com', 'drop the "mailto:": "ada@example.com".'],
  ])('email %j', (value, hint) => {
    const { errors } = check({ basics: { email: value } });
    expect(only(errors)).toMatchObject({
      path: 'basics.email',
      hint,
      message: expect.stringContaining('not an email address'),
    });
  });

  test('an unknown publication status lists the allowed ones and suggests one, as a warning', () => {
    const { warnings, outcome } = check({ publications: [{ name: 'P', status: 'submitted' }] });
    expect(outcome.status).toBe('ok');
    expect(only(warnings)).toMatchObject({
      path: 'publications[0].status',
      message: expect.stringMatching(
        /^"submitted" is not a known publication status\. Expected one of: published, accepted, under-review, in-preparation, preprint\. The official JSON Resume schema allows it/,
      ),
      hint: 'use "under-review".',
    });
    expect(only(check({ publications: [{ status: 'Under Review' }] }).warnings).hint).toBe(
      'use "under-review".',
    );
    expect(only(check({ publications: [{ status: 'rejected' }] }).warnings).hint).toBeUndefined();
  });

  test.each([
    [
      { work: 'Lab' },
      'work',
      'Expected a list [ … ], found text in double quotes.',
      'wrap it in a list: ["Lab"].',
    ],
    [
      { basics: { name: 42 } },
      'basics.name',
      'Expected text in double quotes, found a whole number.',
      'put it in double quotes: "42".',
    ],
    [{ basics: [] }, 'basics', 'Expected an object { … }, found a list [ … ].', undefined],
  ])('wrong type %j', (resume, path, message, hint) => {
    // `work` is an array in both schemas: each complains, the problem is reported once.
    const d = only(check(resume).errors);
    expect(d).toMatchObject({ path, message });
    expect(d.hint).toBe(hint);
  });

  test.each([
    [
      { publications: [{ firstAuthor: 'yes' }] },
      'publications[0].firstAuthor',
      'Expected true or false, found text in double quotes.',
      undefined,
    ],
    [
      { publications: [{ scores: ['8'] }] },
      'publications[0].scores[0]',
      'Expected a number, found text in double quotes.',
      'write 8 without quotes.',
    ],
  ])('wrong type in an extension field %j: a warning', (resume, path, message, hint) => {
    const { errors, warnings } = check(resume);
    expect(errors).toEqual([]);
    const d = only(warnings);
    expect(d).toMatchObject({ path, message: expect.stringContaining(message) });
    expect(d.hint).toBe(hint);
  });

  test('an object where text goes: the hint offers its name, never glued to an identifier', () => {
    const hint = (resume: unknown) => only(check(resume).errors).hint;
    expect(hint({ work: [{ position: { name: 'Engineer', id: 'pos-1' } }] })).toBe(
      'write it as text: "Engineer".',
    );
    expect(hint({ basics: { label: { text: 'Engineer', orcidId: '0000-0001' } } })).toBe(
      'write it as text: "Engineer".',
    );
  });

  test('all problems in one pass, in file order', () => {
    const { errors, warnings } = check({
      basics: { url: '#' },
      work: [{ endDate: 'Present' }],
      publications: [{ status: 'submitted' }],
      meta: {
        themeOptions: { paper: 'A4', accentColor: 'navy', sectionTitles: { experience: 'Jobs' } },
      },
    });
    // The official schema's problems are errors; the extensions' (the theme ignores what it
    // cannot use) are warnings.
    expect(errors.map((d) => d.path)).toEqual(['basics.url', 'work[0].endDate']);
    const shapes = warnings.filter((d) => d.message.includes('official JSON Resume schema allows'));
    expect(shapes.map((d) => d.path)).toEqual([
      'publications[0].status',
      'meta.themeOptions.paper',
      'meta.themeOptions.accentColor',
      'meta.themeOptions.sectionTitles.experience',
    ]);
    for (const list of [errors, shapes]) {
      expect(list.map((d) => d.line)).toEqual([...list.map((d) => d.line)].sort((a, b) => a - b));
    }
    expect(shapes[1]?.hint).toBe('use "a4".');
    expect(shapes[2]?.message).toContain('Expected a CSS hex colour');
    expect(shapes[3]?.message).toContain('"experience" is not allowed as a name here');
  });

  test('required fields and closed objects of the extensions; variants stay strict', () => {
    const { text, errors, warnings } = check({
      work: [{ projects: [{ summary: 'no name' }] }],
      meta: { variants: { short: { pageBudgte: 1 } } },
    });
    expect(only(warnings)).toMatchObject({
      path: 'work[0].projects[0].name',
      message: expect.stringContaining('name is missing; it is required here.'),
    });
    // Variants are this project's own instructions, which `variant` and `export` follow.
    expect(only(errors)).toMatchObject({
      path: 'meta.variants.short.pageBudgte',
      ...where(text, '"pageBudgte"'),
      hint: 'did you mean "pageBudget"?',
    });
  });
});

describe('$schema', () => {
  test('a path relative to the file is a warning that names the validators rejecting it', () => {
    const { text, outcome, errors } = check({ $schema: './theme/schema/resume.schema.json' });
    expect(errors).toEqual([]);
    expect(outcome.status).toBe('ok');
    const warning = only(outcome.diagnostics);
    expect(warning).toMatchObject({ severity: 'warning', path: '$schema' });
    expect(warning).toMatchObject(where(text, '"./theme'));
    expect(warning.message).toContain('resume-cli and resumed want a full URL');
  });

  test('anything else that is no full URL stays an error', () => {
    for (const $schema of ['theme/schema/resume.schema.json', '.hidden/x.json', 'not a url']) {
      const { outcome, errors } = check({ $schema });
      expect(outcome.status, $schema).toBe('invalid');
      expect(only(errors).path).toBe('$schema');
    }
  });
});

describe('misspelt fields', () => {
  test('a field one or two edits from a known one is a warning with a suggestion', () => {
    const { text, outcome } = check({
      work: [{ name: 'Lab', endDat: '2020', hightlights: [] }],
      education: [{ advsior: 'Prof. X' }],
      publications: [{ stauts: 'published' }],
      interets: [],
    });
    expect(outcome.status).toBe('ok');
    expect(
      outcome.diagnostics.map((d) => [d.severity, d.path, d.message, d.line, d.column]),
    ).toEqual(
      [
        ['work[0].endDat', 'endDate'],
        ['work[0].hightlights', 'highlights'],
        ['education[0].advsior', 'advisor'],
        ['publications[0].stauts', 'status'],
        ['interets', 'interests'],
      ].map(([path, meant]) => {
        const name = String(path).split('.').at(-1);
        return [
          'warning',
          path,
          `unknown field "${name}": did you mean "${meant}"?`,
          ...Object.values(where(text, `"${name}"`)),
        ];
      }),
    );
  });

  test('short names need a closer match: "doi" is not taken for "id"', () => {
    expect(closestMatch('doi', ['id', 'url'])).toBeUndefined();
    expect(closestMatch('ur', ['id', 'url'])).toBe('url');
    expect(editDistance('stauts', 'status')).toBe(1);
    expect(editDistance('advsior', 'advisor')).toBe(1);
  });
});

describe('files that are not UTF-8 JSON', () => {
  test('a UTF-16 file is read but is no résumé: exit 1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'validate-'));
    try {
      const file = join(dir, 'utf16.json');
      await writeFile(file, Buffer.from('\uFEFF{"basics": {}}', 'utf16le'));
      const outcome = await validateFile(file);
      expect(outcome.status).toBe('invalid');
      expect(outcome.diagnostics[0]?.message).toBe(
        'the file is UTF-16 text; JSON files must be UTF-8.',
      );
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});

describe('unreadable files', () => {
  test('a missing file and a directory are exit code 2', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'validate-'));
    try {
      const missing = await validateFile(join(dir, 'missing.json'));
      expect(missing).toMatchObject({
        status: 'unreadable',
        diagnostics: [{ path: '(file)', line: 0 }],
      });
      expect(missing.report).toContain('no such file');
      const folder = await validateFile(dir);
      expect(folder.status).toBe('unreadable');
      expect(folder.report).toContain('it is a folder, not a file');
      await writeFile(join(dir, 'plain.txt'), 'text');
      const throughFile = await validateFile(join(dir, 'plain.txt', 'resume.json'));
      expect(throughFile.status).toBe('unreadable');
      expect(throughFile.report).toContain('is a file, not a folder');
      expect(throughFile.report).not.toContain('ENOTDIR');
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});

describe('locations and report', () => {
  test('positions count lines by \\n, \\r\\n and \\r, columns from 1', () => {
    expect(lineIndex('ab\r\ncd\ref\ngh')(11)).toEqual({ line: 4, column: 2 });
    expect(lineIndex('abc')(0)).toEqual({ line: 1, column: 1 });
  });

  test('line and column from the index agree with counting by hand, for any text (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\r', '\r\n', 'é', '😀') });
    fc.assert(
      fc.property(text, fc.nat(), (value, at) => {
        const offset = value.length === 0 ? 0 : at % (value.length + 1);
        const lines = value.slice(0, offset).split(/\r\n|\r|\n/);
        const expected = { line: lines.length, column: (lines.at(-1) ?? '').length + 1 };
        // A \r at the offset whose \n follows is one line break, counted once the pair is read.
        if (value[offset - 1] === '\r' && value[offset] === '\n') return;
        expect(lineIndex(value)(offset)).toEqual(expected);
      }),
    );
  });

  test('many trailing commas at every depth: each located where jsonc-parser locates it', () => {
    const items = Array.from({ length: 300 }, (_, i) =>
      i % 3 === 0
        ? `{"name": "Lab ${i}", "highlights": ["a", "b",],}`
        : i % 3 === 1
          ? `{"name": "Lab ${i}", "keywords": [[1,], {"x": 2,}],}`
          : `{"name": "Lab ${i}",}`,
    );
    const text = `{"basics": {"name": "Ada Example"},\n"work": [\n${items.join(',\n')}\n]}`;
    const { diagnostics } = validateText(text, 'cv.json');
    const commas = [...text.matchAll(/,(?=\s*[\]}])/g)].map((match) => match.index);
    expect(diagnostics).toHaveLength(commas.length);
    diagnostics.forEach((diagnostic, index) => {
      const offset = commas[index]!;
      const before = text.slice(0, offset).split('\n');
      expect(diagnostic).toMatchObject({
        line: before.length,
        column: (before.at(-1) ?? '').length + 1,
        path: formatPath(getLocation(text, offset).path.filter((segment) => segment !== '')),
      });
    });
  });

  test('paths in JavaScript notation', () => {
    expect(formatPath(['work', 0, 'endDate'])).toBe('work[0].endDate');
    expect(formatPath(['meta', 'variants', 'one-page', 'sections', 2])).toBe(
      'meta.variants["one-page"].sections[2]',
    );
    expect(formatPath([])).toBe('(root)');
  });

  test('colour only when asked for', () => {
    const { outcome } = check({ work: [{ endDate: 'Present' }] });
    expect(outcome.report).not.toContain('\u001b[');
    expect(formatReport(outcome.diagnostics, 'cv.json', { color: true })).toContain('\u001b[');
    expect(outcome.report.trimEnd().split('\n').at(-1)).toBe('1 error, 0 warnings in cv.json');
  });
});

describe('the validator generated at build time', () => {
  const prebuilt = () =>
    createRequire(import.meta.url)('../../../build/src/resume/resume-validator.cjs') as ((
      data: unknown,
    ) => boolean) & {
      fingerprint: string;
      errors?: unknown;
    };

  test('is current with the schema files and is the one the compiled commands use', async () => {
    const built = prebuilt();
    expect(built.fingerprint).toBe(schemaFingerprint());
    // A path typed as plain text: the compiled output has no declarations to check it against.
    const compiledModule: string = '../../../build/src/resume/schema.js';
    const compiled = (await import(
      compiledModule
    )) as typeof import('../../../src/resume/schema.js');
    expect(compiled.resumeValidator()).toBe(built);
  });

  test('reports exactly what the schema compiled now reports', async () => {
    const resume = JSON.parse(await readFile(seedResumePath, 'utf8')) as Record<string, unknown>;
    const faulty = {
      ...resume,
      basics: { name: 7, email: 'not an email', profiles: [{ url: 'no url' }] },
      work: [{ name: 'Lab', startDate: '2020-13' }],
      meta: { themeOptions: { paper: 'A5' } },
    };
    const built = prebuilt();
    const { validate: compiled } = compileResumeValidator();
    for (const data of [resume, faulty]) {
      expect(built(data)).toBe(compiled(data));
      expect(built.errors).toEqual(compiled.errors);
    }
    expect(built(faulty)).toBe(false);
  });
});

describe('pre-1.0 field names', () => {
  test('one warning per legacy field, at its name, naming the 1.0 field; the file stays valid', () => {
    const { text, outcome } = check({
      basics: { name: 'Ada', website: 'https://ada.example.org', picture: 'ada.jpg' },
      work: [{ company: 'Lab A' }, { company: 'Lab B', website: 'https://b.example.org' }],
      education: [{ institution: 'U', gpa: '3.9' }],
      awards: [{ title: 'Prize', awardDate: '2020-01' }],
      hobbies: [{ name: 'Chess' }],
    });
    expect(outcome.status).toBe('ok');
    const legacy = (name: string, current: string, version: string) =>
      `"${name}" is the pre-1.0 name of "${current}" (renamed in JSON Resume ${version}); themes made for 1.0 look only for "${current}".`;
    expect(outcome.diagnostics).toEqual([
      {
        severity: 'warning',
        path: 'basics.website',
        ...where(text, '"website"'),
        message: legacy('website', 'url', '0.0.17'),
        hint: 'rename it to "url".',
      },
      {
        severity: 'warning',
        path: 'basics.picture',
        ...where(text, '"picture"'),
        message: legacy('picture', 'image', '0.0.17'),
        hint: 'rename it to "image".',
      },
      expect.objectContaining({ path: 'work[0].company', hint: 'rename it to "name".' }),
      expect.objectContaining({ path: 'work[1].company', hint: 'rename it to "name".' }),
      expect.objectContaining({ path: 'work[1].website', hint: 'rename it to "url".' }),
      expect.objectContaining({
        path: 'education[0].gpa',
        message: legacy('gpa', 'score', '1.0.0'),
        hint: 'rename it to "score".',
      }),
      expect.objectContaining({ path: 'awards[0].awardDate', hint: 'rename it to "date".' }),
      expect.objectContaining({ path: 'hobbies', hint: 'rename it to "interests".' }),
    ]);
  });

  test('beside its 1.0 field: silent when both say the same, a "keep one" fix when they differ', () => {
    expect(check({ work: [{ name: 'Lab', company: 'Lab' }] }).outcome.diagnostics).toEqual([]);
    const d = only(check({ work: [{ name: 'Lab', company: 'Other Lab' }] }).outcome.diagnostics);
    expect(d).toMatchObject({
      path: 'work[0].company',
      hint: 'this entry also has "name": keep one of the two, under "name".',
    });
  });

  test('a value the 1.0 field would refuse: the fix says what it must be', () => {
    const d = only(check({ basics: { website: 'ada.example.org' } }).outcome.diagnostics);
    expect(d.hint).toBe(
      'rename it to "url", whose value must be a full URL such as "https://example.com/page".',
    );
    const gpa = only(check({ education: [{ gpa: 3.9 }] }).outcome.diagnostics);
    expect(gpa.hint).toBe('rename it to "score", whose value must be text in double quotes.');
  });

  test('the table is data the theme can read: every 1.0 name is a field of the official schema', async () => {
    const { LEGACY_FIELDS } = await import('jsonresume-theme-camera-ready');
    const official = JSON.parse(
      await readFile(
        new URL('../../../theme/schema/jsonresume.schema.json', import.meta.url),
        'utf8',
      ),
    ) as { properties: Record<string, { properties?: object; items?: { properties?: object } }> };
    for (const { parent, legacy, current } of LEGACY_FIELDS) {
      const [section = '', inner] = parent.replace('[]', '').split('.');
      const node =
        parent === '(root)'
          ? official
          : inner
            ? (official.properties[section]?.properties as Record<string, { properties?: object }>)[
                inner
              ]
            : parent.endsWith('[]')
              ? official.properties[section]?.items
              : official.properties[section];
      expect(Object.keys(node?.properties ?? {}), `${parent} ${legacy}`).toContain(current);
      expect(Object.keys(node?.properties ?? {}), `${parent} ${legacy}`).not.toContain(legacy);
    }
  });
});

describe('fixes for the commonest real mistakes', () => {
  test.each([
    [
      { work: [{ endDate: '' }] },
      'work[0].endDate',
      'remove endDate for a current role: themes print "Present" when it is missing (or give the planned end date and "expected": true).',
    ],
    [
      { education: [{ startDate: '' }] },
      'education[0].startDate',
      'remove startDate, or give a date such as "2021-09".',
    ],
    [
      { basics: { label: null } },
      'basics.label',
      'remove label: JSON Resume has no null values, leave a field out when there is none.',
    ],
    [{ skills: [null] }, 'skills[0]', 'remove the null from the list.'],
    [
      { basics: { location: 'Berlin, Germany' } },
      'basics.location',
      'write it as an object: {"address": "Berlin, Germany"}.',
    ],
    [
      { basics: { profiles: ['https://code.example.org/ada'] } },
      'basics.profiles[0]',
      'write it as an object: {"url": "https://code.example.org/ada"}.',
    ],
    [
      { basics: { profiles: ['GitHub'] } },
      'basics.profiles[0]',
      'write it as an object: {"network": "GitHub"}.',
    ],
    [{ languages: ['English'] }, 'languages[0]', 'write it as an object: {"language": "English"}.'],
    [
      { work: [{ location: { city: 'Lyon', countryCode: 'FR' } }] },
      'work[0].location',
      'write it as text: "Lyon, FR".',
    ],
    [
      { skills: { Languages: ['Go', 'C'] } },
      'skills',
      'write a list with one entry per key: [{"name":"Languages","keywords":["Go","C"]}, …].',
    ],
  ])('%j', (resume, path, hint) => {
    const d = only(check(resume).errors);
    expect(d).toMatchObject({ path, hint });
  });

  test('no fix when the obvious one would not validate either', () => {
    // The first text field of themeOptions is accentColor, which takes only a hex colour.
    const d = only(check({ meta: { themeOptions: 'navy' } }).errors);
    expect(d.path).toBe('meta.themeOptions');
    expect(d.hint).toBeUndefined();
  });

  test.each([
    [{ basics: { label: null } }],
    [{ basics: { location: 'Berlin, Germany' } }],
    [{ basics: { profiles: ['https://code.example.org/ada'] } }],
    [{ languages: ['English'] }],
    [{ work: [{ location: { city: 'Lyon', countryCode: 'FR' } }] }],
  ])('following the fix for %j gives a valid file', (resume) => {
    const [d] = check(resume).errors;
    const fix = /^write it as (?:an object|text): (.*)\.$/.exec(d?.hint ?? '')?.[1];
    const path = (d?.path ?? '').replace(/\[(\d+)\]/g, '.$1').split('.');
    const fixed = structuredClone(resume) as Record<string, unknown>;
    let holder: Record<string, unknown> = fixed;
    for (const key of path.slice(0, -1)) holder = holder[key] as Record<string, unknown>;
    const last = path.at(-1) ?? '';
    if (fix) holder[last] = JSON.parse(fix);
    else delete holder[last];
    expect(check(fixed).outcome.status).toBe('ok');
  });
});

describe('what the schema lets pass but the page loses', () => {
  test.each([
    ['2024-09-31', 'September 2024 has 30 days', '"2024-09"'],
    ['2023-02-29', 'February 2023 has 28 days', '"2023-02"'],
    ['2019-04-00', 'April 2019 has 30 days', '"2019-04"'],
  ])('%s is a warning with a fix', (value, reason, monthOnly) => {
    const { text, outcome } = check({ work: [{ name: 'Lab', startDate: value }] });
    expect(outcome.status).toBe('ok');
    expect(only(outcome.diagnostics)).toEqual({
      severity: 'warning',
      path: 'work[0].startDate',
      ...where(text, `"${value}"`),
      value,
      message: `"${value}" is not a calendar date: ${reason}.`,
      hint: `check the day, or give the month only: ${monthOnly}.`,
    });
  });

  test('a month that does not exist; real dates, leap days and year-months pass silently', () => {
    const d = only(check({ awards: [{ date: '2019-13' }] }).outcome.diagnostics);
    expect(d).toMatchObject({
      path: 'awards[0].date',
      message: expect.stringContaining('no month 13'),
    });
    const fine = check({
      work: [{ startDate: '2024-02-29', endDate: '2024-12-31' }],
      publications: [{ releaseDate: '2020-06' }],
      awards: [{ date: '2000' }],
    });
    expect(fine.outcome.diagnostics).toEqual([]);
    // Not a date field: a day-like text elsewhere is no concern of the calendar.
    expect(check({ basics: { summary: '2024-09-31' } }).outcome.diagnostics).toEqual([]);
  });

  test('raw HTML in text is a warning at the field; generics, comparisons and URLs are not HTML', () => {
    const { text, outcome } = check({
      basics: { summary: 'Led <b>three</b> teams' },
      work: [{ highlights: ['Line one<hr/>line two', 'Typed List<String> APIs', 'a < b > c'] }],
      projects: [{ url: 'https://example.org/?q=<b>' }],
    });
    expect(outcome.status).toBe('ok');
    expect(outcome.diagnostics.map((d) => [d.path, d.line])).toEqual([
      ['basics.summary', where(text, '"Led').line],
      ['work[0].highlights[0]', where(text, '"Line one').line],
    ]);
    expect(outcome.diagnostics[0]).toMatchObject({
      message:
        'raw HTML "<b>" in the text: camera-ready shows it as written, tags and all; other themes may run it as markup.',
      hint: 'use Markdown instead: **bold**, *italic*, [text](https://…); write a line break as \\n.',
    });
  });
});

test('a typed <br> is no warning: the theme prints it as a line break; other tags beside it are', () => {
  const { outcome } = check({
    basics: { summary: 'Line one<br/>line two<br>three<br />four' },
    work: [{ highlights: ['One<br>two <i>three</i>'] }],
  });
  expect(outcome.diagnostics.map((d) => [d.path, d.message.slice(0, 16)])).toEqual([
    ['work[0].highlights[0]', 'raw HTML "<i>" i'],
  ]);
});

describe('"did you mean" only when following it gives a valid file', () => {
  test('not when the suggested name is already there', () => {
    const { outcome } = check({ work: [{ name: 'Lab', nmae: 'Lab 2' }] });
    expect(outcome.diagnostics).toEqual([]);
  });

  test('not when the value does not fit the suggested field', () => {
    // `summary` is text: renaming a list to it would make the file invalid.
    expect(check({ work: [{ summery: ['a', 'b'] }] }).outcome.diagnostics).toEqual([]);
    expect(check({ work: [{ summery: 'fits' }] }).outcome.diagnostics).toHaveLength(1);
  });

  test('in a closed object, the error keeps its place but loses a suggestion that would not validate', () => {
    const bad = only(check({ meta: { variants: { short: { pageBudgte: 'one' } } } }).errors);
    expect(bad.path).toBe('meta.variants.short.pageBudgte');
    expect(bad.hint).toBeUndefined();
    const good = only(check({ meta: { variants: { short: { pageBudgte: 1 } } } }).errors);
    expect(good.hint).toBe('did you mean "pageBudget"?');
  });
});

describe('never stricter than the official schema where the theme renders the value', () => {
  test('education location as an object, non-ASCII URLs in publications, projects and sub-projects', () => {
    const { outcome } = check({
      education: [{ institution: 'U', location: { city: 'Kraków', countryCode: 'PL' } }],
      publications: [{ url: 'https://πρακτικά.example.gr/2023/ποντιακά.pdf' }],
      projects: [{ url: 'https://example.org/プロジェクト' }],
      work: [{ projects: [{ name: 'P', url: 'https://example.org/проект' }] }],
    });
    expect(outcome.diagnostics).toEqual([]);
    expect(outcome.status).toBe('ok');
  });

  test('education location of another type is a warning: the official schema has no such field', () => {
    const { errors, warnings } = check({ education: [{ location: 7 }] });
    expect(errors).toEqual([]);
    expect(only(warnings).path).toBe('education[0].location');
  });
});

describe('messages', () => {
  test('a shortened text keeps its closing quote and whole characters', async () => {
    const { quote } = await import('../../../src/resume/diagnostics.js');
    const long = `${'é'.repeat(40)}😀${'x'.repeat(40)}`;
    const shown = quote(long);
    expect(shown.length).toBeLessThanOrEqual(60);
    expect(shown.startsWith('"é')).toBe(true);
    expect(shown.endsWith('…"')).toBe(true);
    expect(JSON.parse(shown)).toMatch(/^é+(😀x*)?…$/);
    // Escapes are never cut in half.
    expect(JSON.parse(quote('\n'.repeat(100)))).toMatch(/^\n+…$/);
    const list = quote(Array.from({ length: 30 }, (_, i) => `item ${i}`));
    expect(list.startsWith('["item 0"')).toBe(true);
    expect(list.endsWith('…"]')).toBe(true);
    expect(quote('short')).toBe('"short"');
  });

  test('a control character is located at the character itself, and named', () => {
    const text = '{\n  "basics": {\n    "name": "Ada\tLovelace"\n  }\n}';
    const d = only(validateText(text, 'cv.json').diagnostics);
    expect(d).toMatchObject({
      line: 3,
      column: where(text, '\tLovelace').column,
      message: 'a raw tab (U+0009) inside a string.',
      hint: 'write \\t instead.',
    });
    const bell = only(validateText('{"basics": {"summary": "ab\u0007c"}}', 'cv.json').diagnostics);
    expect(bell).toMatchObject({
      column: 27,
      message: 'a raw control character (U+0007) inside a string.',
    });
  });
});
