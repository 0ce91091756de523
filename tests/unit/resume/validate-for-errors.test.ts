/**
 * The quick validation the import runs on the text it writes: the same verdict and errors as the
 * full one, a valid résumé without its warnings.
 */
import { describe, expect, it } from 'vitest';
import { validateForErrors, validateText } from '../../../src/resume/validate.js';

const deep = `{"basics":{"name":"A"},"x":${'['.repeat(300)}${']'.repeat(300)}}`;

describe('validateForErrors', () => {
  const cases: [string, string][] = [
    ['valid', '{ "basics": { "name": "Ada" } }'],
    [
      'valid with a warning (an unknown pre-1.0 field)',
      '{ "basics": { "name": "Ada", "website": "https://a.example" } }',
    ],
    ['an official schema error', '{ "basics": { "name": 42 } }'],
    [
      'an extension shape problem only (a warning)',
      '{ "meta": { "themeOptions": { "paper": "a3" } } }',
    ],
    ['a syntax error', '{ "basics": { "name": "Ada", } }'],
    ['a byte-order mark', '\uFEFF{ "basics": { "name": "Ada" } }'],
    ['not an object', '[1, 2]'],
    ['nested past the limit', deep],
  ];
  it.each(cases)('agrees with validateText on %s', (_, text) => {
    const quick = validateForErrors(text, 'r.json');
    const full = validateText(text, 'r.json');
    expect(quick.status).toBe(full.status);
    expect(quick.resume).toEqual(full.resume);
    expect(quick.diagnostics.filter((d) => d.severity === 'error')).toEqual(
      full.diagnostics.filter((d) => d.severity === 'error'),
    );
  });

  it('leaves out the warnings of a valid résumé', () => {
    const text = cases[1]![1];
    expect(validateText(text, 'r.json').diagnostics.length).toBeGreaterThan(0);
    expect(validateForErrors(text, 'r.json').diagnostics).toEqual([]);
  });
});
