/**
 * embedPhoto: a `basics.image` file next to the résumé is embedded before rendering, within a size
 * limit; addresses are never fetched and get a warning that names the field and the fix. The
 * export command with a photo is tests/e2e/photo.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { exitCodeFor } from '../../src/cli/exit-codes.js';
import { InvalidResumeError } from '../../src/errors.js';
import { PHOTO_LIMIT_BYTES, embedPhoto } from '../../src/export/photo.js';
import { JPEG, PNG, WEBP, folderWith } from '../support/photos.js';

function embed(basics: Record<string, unknown>, folder: string) {
  const warnings: string[] = [];
  const resume = embedPhoto({ basics }, folder, (w) => warnings.push(w));
  return { image: resume.basics?.image, basics: resume.basics, warnings };
}

describe('embedPhoto', () => {
  it.each([
    ['me.png', PNG, 'image/png'],
    ['me.jpg', JPEG, 'image/jpeg'],
    ['me.webp', WEBP, 'image/webp'],
  ])('embeds %s as a data: URL of its real type', (name, data, type) => {
    const folder = folderWith({ [name]: data });
    const { image, warnings } = embed({ image: name }, folder);
    expect(image).toBe(`data:${type};base64,${data.toString('base64')}`);
    expect(warnings).toEqual([]);
  });

  it('embeds a pre-1.0 `picture` as the image', () => {
    const folder = folderWith({ 'p.png': PNG });
    const { basics } = embed({ picture: 'p.png' }, folder);
    expect(basics?.image).toMatch(/^data:image\/png;base64,/);
    expect(basics).not.toHaveProperty('picture');
  });

  it('refuses a photo over the limit, saying the size, the limit and the fix', () => {
    const big = Buffer.concat([PNG, Buffer.alloc(PHOTO_LIMIT_BYTES)]);
    const folder = folderWith({ 'big.png': big });
    expect(() => embed({ image: 'big.png' }, folder)).toThrow(
      /basics\.image: "big\.png" is 1\.0 MB; the limit is 1\.0 MB\. Fix: save a smaller copy/,
    );
  });

  it.each([
    ['missing.jpg', /cannot read "missing\.jpg"/],
    ['../outside.png', /outside the résumé's folder/],
    ['notes.txt', /not a PNG, JPEG or WebP image/],
  ])('refuses %s with a user error', (name, message) => {
    const folder = folderWith({ 'notes.txt': Buffer.from('hello') });
    let thrown: unknown;
    try {
      embed({ image: name }, folder);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidResumeError);
    expect(exitCodeFor(thrown)).toBe(1);
    expect((thrown as InvalidResumeError).message).toMatch(message);
  });

  it('warns about an address, naming the field and the fix, and fetches nothing', () => {
    const { image, warnings } = embed({ image: 'https://example.org/me.jpg' }, folderWith({}));
    expect(image).toBe('https://example.org/me.jpg');
    expect(warnings).toEqual([
      expect.stringMatching(
        /^basics\.image: "https:\/\/example\.org\/me\.jpg" is an address.*Fix: save the photo next to the résumé/,
      ),
    ]);
  });
});
