/**
 * The fix offered for an object where text belongs: the object's name when it has one, its words
 * otherwise, and never its identifiers or links glued into the text.
 */
import { describe, expect, it } from 'vitest';
import { validateText } from '../../../src/resume/validate.js';

function hintAt(resume: unknown, path: string): string | undefined {
  const outcome = validateText(JSON.stringify(resume, null, 2), 'cv.json');
  return outcome.diagnostics.find((d) => d.path === path)?.hint;
}

describe('an object where text belongs', () => {
  it.each([
    [
      // The shape cvkit files give authors ({name, url}), with an id, in a field that takes text.
      { skills: [{ name: 'Languages', keywords: [{ id: 'kw-12', name: 'Rust' }] }] },
      'skills[0].keywords[0]',
      'write it as text: "Rust".',
    ],
    [
      { work: [{ name: 'Acme', highlights: [{ text: 'Led the move', ref: 'h1' }] }] },
      'work[0].highlights[0]',
      'write it as text: "Led the move".',
    ],
    [
      { basics: { label: { id: 7, title: 'Engineer', url: 'https://example.org/x' } } },
      'basics.label',
      'write it as text: "Engineer".',
    ],
    [
      { work: [{ location: { city: 'Lyon', countryCode: 'FR', id: 'loc-3' } }] },
      'work[0].location',
      'write it as text: "Lyon, FR".',
    ],
  ])('%j → its name, or its words, without ids or links', (resume, path, hint) => {
    expect(hintAt(resume, path)).toBe(hint);
  });
});
