/**
 * Our copy of the official schema is the published one, the official validator accepts
 * resume.json, and our validator is at least as strict as the official one on dates, links and
 * email addresses.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { validateText } from '../../../src/resume/validate.js';
import { officialErrors } from '../../support/official-schema.js';
import { repoRoot, seedResumePath, themeDir } from '../../support/paths.js';

function ourErrors(resume: unknown): string[] {
  return validateText(JSON.stringify(resume), 'probe.json')
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => d.path);
}

function readPackageVersion(): string {
  const manifest = JSON.parse(readFileSync(join(themeDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

describe('official JSON Resume schema', () => {
  test('theme/schema/jsonresume.schema.json is @jsonresume/schema but for its $id', () => {
    const ours = readFileSync(join(themeDir, 'schema', 'jsonresume.schema.json'), 'utf8');
    const published = readFileSync(
      join(repoRoot, 'node_modules', '@jsonresume', 'schema', 'schema.json'),
      'utf8',
    );
    // The published file's $id is a placeholder (http://example.com/example.json); ours is the
    // address the package publishes it at, so that generic tools can resolve references to it.
    const placeholder = '"$id": "http://example.com/example.json"';
    expect(published).toContain(placeholder);
    const version = readPackageVersion();
    expect(ours).toBe(
      published.replace(
        placeholder,
        `"$id": "https://unpkg.com/jsonresume-theme-camera-ready@${version}/schema/jsonresume.schema.json"`,
      ),
    );
  });

  test('every shipped schema names the versioned address of this version', () => {
    const base = `https://unpkg.com/jsonresume-theme-camera-ready@${readPackageVersion()}/schema/`;
    for (const file of ['resume.schema.json', 'extensions.schema.json', 'jsonresume.schema.json']) {
      const schema = JSON.parse(readFileSync(join(themeDir, 'schema', file), 'utf8')) as {
        $id: string;
      };
      expect(schema.$id).toBe(`${base}${file}`);
    }
  });

  test('the official validator (the jsonschema package) finds no errors in the seed CV', () => {
    const resume: unknown = JSON.parse(readFileSync(seedResumePath, 'utf8'));
    expect(officialErrors(resume)).toEqual([]);
    expect(ourErrors(resume)).toEqual([]);
  });

  test('both validators reject the classic mistakes', () => {
    const resume = {
      basics: { url: '#', email: '', profiles: [{ url: 'github.com/ada' }] },
      work: [{ startDate: '2020-1', endDate: 'Present' }],
      education: [{ endDate: '2020-01-02T00:00:00Z' }],
    };
    const expected = [
      'basics.url',
      'basics.email',
      'basics.profiles[0].url',
      'work[0].startDate',
      'work[0].endDate',
      'education[0].endDate',
    ];
    expect(ourErrors(resume).sort()).toEqual([...expected].sort());
    expect(
      officialErrors(resume)
        .map((p) => p.replace(/^instance\./, ''))
        .sort(),
    ).toEqual([...expected].sort());
  });

  // Ours uses Ajv's full RFC 3986 / RFC 5322-style formats, the official validator the looser
  // regular expressions of `jsonschema`: whatever we accept, the official validator must accept.
  const probes: Record<string, fc.Arbitrary<string>> = {
    url: fc.oneof(
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.string(),
      fc.string({ unit: 'grapheme' }).map((s) => `https://${s}`),
      fc.constantFrom('#', '', 'mailto:ada@example.com', 'http://', 'https:/x', 'ftp://x y', 'a:b'),
    ),
    email: fc.oneof(
      fc.emailAddress(),
      fc.string(),
      fc.emailAddress().map((e) => e.replace('@', '@@')),
      fc.constantFrom('#', '', 'a@b', 'a@b.c', 'a.@b.co', 'a@-b.co', 'mailto:a@b.co'),
    ),
    startDate: fc.oneof(
      fc.string(),
      fc.stringMatching(/^\d{4}(-\d{1,2}){0,2}$/),
      fc.constantFrom('Present', '2020-13', '2020-00', '0999', '2020-01-32'),
    ),
  };

  for (const [field, arbitrary] of Object.entries(probes)) {
    test(`${field}: what we accept, the official validator accepts`, () => {
      fc.assert(
        fc.property(arbitrary, (value) => {
          const resume =
            field === 'startDate'
              ? { work: [{ startDate: value }] }
              : { basics: { [field]: value } };
          if (ourErrors(resume).length === 0) expect(officialErrors(resume)).toEqual([]);
        }),
        { numRuns: 400 },
      );
    });
  }
});
