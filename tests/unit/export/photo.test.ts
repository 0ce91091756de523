/**
 * embedPhoto: the photo file beside the résumé (really inside its folder, symlinks resolved) is
 * decoded, scaled to its printed size and embedded; an https address is fetched from public
 * addresses only; whatever cannot be had is a warning that names why and the fix, and leaves no
 * photo and no address — or with `strict` an error. The export command is tests/e2e/photo.test.ts.
 */
import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { exitCodeFor } from '../../../src/cli/run-command.js';
import { PhotoError } from '../../../src/errors.js';
import { PHOTO_LIMIT_BYTES, embedPhoto, type PhotoOptions } from '../../../src/export/photo.js';
import { listenerForSuite } from '../../support/network-watch.js';
import { CORRUPT_PNG, JPEG, PNG, WEBP, folderWith } from '../../support/photos.js';

async function embed(
  basics: Record<string, unknown>,
  folder: string,
  options: Partial<PhotoOptions> = {},
) {
  const warnings: string[] = [];
  const resume = await embedPhoto(
    { basics },
    { folder, warn: (w) => warnings.push(w), ...options },
  );
  const image = resume.basics?.image;
  return { image, basics: resume.basics, warnings };
}

/** The pixels of a data: URL, as a decoder reads them. */
async function decoded(dataUrl: unknown) {
  const match = /^data:image\/(png|jpeg);base64,(.+)$/.exec(String(dataUrl));
  if (!match) throw new Error(`not an embedded PNG or JPEG: ${String(dataUrl).slice(0, 40)}`);
  const bytes = Buffer.from(match[2]!, 'base64');
  const { width, height, format } = await sharp(bytes).metadata();
  return { width, height, format, bytes: bytes.length };
}

/** A photo that is no photo: shown as neither image nor address. */
function expectNoPhoto(basics: Record<string, unknown> | undefined) {
  expect(basics).not.toHaveProperty('image');
  expect(basics).not.toHaveProperty('picture');
}

describe('embedPhoto: files beside the résumé', () => {
  it.each([
    ['me.png', 'png', PNG],
    ['me.jpg', 'jpeg', JPEG],
    ['me.webp', 'jpeg', WEBP],
  ])('embeds %s as a %s it decodes to', async (name, format, data) => {
    const { image, warnings } = await embed({ image: name }, folderWith({ [name]: data }));
    expect(await decoded(image)).toMatchObject({ width: 1, height: 1, format });
    expect(warnings).toEqual([]);
  });

  it('scales a photo already embedded as a data: URL, and says when it is no image', async () => {
    const big = await sharp({
      create: { width: 1600, height: 1600, channels: 3, background: '#345' },
    })
      .png()
      .toBuffer();
    const inline = await embed(
      { image: `data:image/png;base64,${big.toString('base64')}` },
      folderWith({}),
    );
    expect(inline.warnings).toEqual([]);
    expect(await decoded(inline.image)).toMatchObject({ width: 295, height: 295 });

    const corrupt = `data:image/png;base64,${CORRUPT_PNG.toString('base64')}`;
    const broken = await embed({ name: 'Ada', image: corrupt }, folderWith({}));
    expect(broken.basics).toEqual({ name: 'Ada' });
    expect(broken.warnings).toEqual([
      expect.stringMatching(
        /^basics\.image: "data:image\/png;base64,iVBORw0K…" is not an image that can be read/,
      ),
    ]);
  });

  it('embeds a pre-1.0 `picture` as the image', async () => {
    const { basics } = await embed({ picture: 'p.png' }, folderWith({ 'p.png': PNG }));
    expect(basics?.image).toMatch(/^data:image\/png;base64,/);
    expect(basics).not.toHaveProperty('picture');
  });

  it('scales a 12-megapixel photo to its printed size, about 300 dpi of 25 mm', async () => {
    const camera = await sharp({
      create: {
        width: 4000,
        height: 3000,
        channels: 3,
        background: '#7a6a5a',
        noise: { type: 'gaussian', mean: 120, sigma: 40 },
      },
    })
      .jpeg({ quality: 95 })
      .toBuffer();
    expect(camera.length).toBeGreaterThan(5 * 1024 * 1024);
    const { image, warnings } = await embed({ image: 'me.jpg' }, folderWith({ 'me.jpg': camera }));
    expect(warnings).toEqual([]);
    // The shorter side fills the 25 mm square at 300 dpi (295.3 px); the aspect ratio is kept.
    expect(await decoded(image)).toMatchObject({ width: 393, height: 295, format: 'jpeg' });
    expect((await decoded(image)).bytes).toBeLessThan(150 * 1024);
  });

  it('leaves out a photo over 20 MB with a warning that says the size, the limit and the fix', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(PHOTO_LIMIT_BYTES)]);
    const { basics, warnings } = await embed({ image: 'big.png' }, folderWith({ 'big.png': big }));
    expectNoPhoto(basics);
    expect(warnings).toEqual([
      expect.stringMatching(
        /^basics\.image: "big\.png" is 20\.0 MB; the limit is 20\.0 MB; the page shows no photo\. Fix: save a smaller copy/,
      ),
    ]);
  });

  it.each([
    [
      'missing.jpg',
      /^basics\.image: "missing\.jpg" cannot be read \(ENOENT.*Fix: check the file name/,
    ],
    ['../outside.png', /^basics\.image: "\.\.\/outside\.png" is outside the résumé's folder/],
    ['/etc/hostname', /^basics\.image: "\/etc\/hostname" is outside the résumé's folder/],
    ['notes.txt', /^basics\.image: "notes\.txt" is not an image that can be read \(.+\).*Fix: /],
    [
      'broken.png',
      /^basics\.image: "broken\.png" is not an image that can be read \(Input buffer has corrupt header\); the page shows no photo\. Fix: open the photo in an image viewer/,
    ],
  ])('leaves out %s with one warning, naming why and the fix', async (name, message) => {
    const folder = folderWith({ 'notes.txt': Buffer.from('hello'), 'broken.png': CORRUPT_PNG });
    const { basics, warnings } = await embed({ name: 'Ada', image: name }, folder);
    expectNoPhoto(basics);
    expect(basics).toEqual({ name: 'Ada' });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(message);
  });

  it('with strict, fails with exit 1 instead of warning', async () => {
    const folder = folderWith({});
    const outcome = embed({ image: 'missing.jpg' }, folder, { strict: true });
    await expect(outcome).rejects.toBeInstanceOf(PhotoError);
    await expect(outcome).rejects.toThrow(
      /cannot be read.*Fix: check the file name.*, or export without --strict\./,
    );
    expect(exitCodeFor(await outcome.catch((error: unknown) => error))).toBe(1);
  });

  it('refuses a symlink in the folder that points at a file outside it', async () => {
    // The file outside starts like an image (and is one): only its real place refuses it.
    const elsewhere = folderWith({ 'secret.png': PNG, 'magic.png': CORRUPT_PNG });
    const folder = folderWith({});
    symlinkSync(join(elsewhere, 'secret.png'), join(folder, 'me.png'));
    symlinkSync(join(elsewhere, 'magic.png'), join(folder, 'magic.png'));
    mkdirSync(join(folder, 'photos'));
    symlinkSync(elsewhere, join(folder, 'photos', 'linked'));
    for (const name of ['me.png', 'magic.png', 'photos/linked/secret.png']) {
      const { basics, warnings } = await embed({ image: name }, folder);
      expectNoPhoto(basics);
      expect(warnings).toEqual([
        expect.stringMatching(
          /is outside the résumé's folder.*Fix: copy the photo itself \(not a link to it\)/,
        ),
      ]);
    }
  });

  it('accepts a link inside the folder to a photo inside it, and a folder reached through a link', async () => {
    const real = folderWith({ 'me.png': PNG });
    symlinkSync(join(real, 'me.png'), join(real, 'alias.png'));
    const linkedFolder = join(mkdtempSync(join(tmpdir(), 'photo-link-')), 'cv');
    symlinkSync(real, linkedFolder);
    for (const [name, folder] of [
      ['alias.png', real],
      ['me.png', linkedFolder],
    ] as const) {
      const { image, warnings } = await embed({ image: name }, folder);
      expect(warnings).toEqual([]);
      expect(await decoded(image)).toMatchObject({ format: 'png' });
    }
  });
});

describe('embedPhoto: addresses', () => {
  // A real listener on 127.0.0.1: any connection the photo step makes is counted.
  const { connections, port } = listenerForSuite();

  /** A resolver for one made-up name; every look-up is recorded. */
  function resolverTo(addresses: string[]) {
    const asked: string[] = [];
    return {
      asked,
      resolve: async (hostname: string) => {
        asked.push(hostname);
        return addresses;
      },
    };
  }

  it.each([
    ['https://127.0.0.1:PORT/me.jpg', '127.0.0.1 is not a public address (loopback)'],
    ['https://[::1]:PORT/me.jpg', '::1 is not a public address (loopback)'],
    ['https://[::ffff:127.0.0.1]:PORT/me.jpg', 'is not a public address (loopback)'],
    ['https://10.1.2.3/me.jpg', '10.1.2.3 is not a public address (private)'],
    [
      'https://169.254.169.254/latest/meta-data/',
      '169.254.169.254 is not a public address (linkLocal)',
    ],
    ['https://224.0.0.1/me.jpg', '224.0.0.1 is not a public address (multicast)'],
  ])('refuses %s without connecting', async (template, why) => {
    const before = connections();
    const dns = resolverTo(['93.184.215.14']);
    const address = template.replace('PORT', String(port()));
    const { basics, warnings } = await embed({ name: 'Ada', image: address }, folderWith({}), {
      resolve: dns.resolve,
    });
    expect(basics).toEqual({ name: 'Ada' });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`basics.image: "${address}" was not fetched: `);
    expect(warnings[0]).toContain(why);
    expect(warnings[0]).toMatch(/the page shows no photo\. Fix: save the photo next to the résumé/);
    expect(dns.asked).toEqual([]);
    expect(connections()).toBe(before);
  });

  it.each([
    [['127.0.0.1'], 'photos.example.org (127.0.0.1) is not a public address (loopback)'],
    [['10.0.0.7'], 'photos.example.org (10.0.0.7) is not a public address (private)'],
    [
      ['169.254.169.254'],
      'photos.example.org (169.254.169.254) is not a public address (linkLocal)',
    ],
    // One private answer among public ones is enough: the next look-up could pick it.
    [['93.184.215.14', '127.0.0.1'], 'photos.example.org (127.0.0.1) is not a public address'],
  ])('refuses a name that resolves to %j without connecting', async (addresses, why) => {
    const before = connections();
    const dns = resolverTo(addresses);
    const address = `https://photos.example.org:${port()}/me.jpg`;
    const { basics, warnings } = await embed({ image: address }, folderWith({}), {
      resolve: dns.resolve,
    });
    expectNoPhoto(basics);
    expect(warnings).toEqual([expect.stringContaining(why)]);
    expect(dns.asked).toEqual(['photos.example.org']);
    expect(connections()).toBe(before);
  });

  it('fetches nothing over http, and nothing at all offline', async () => {
    const dns = resolverTo(['127.0.0.1']);
    const before = connections();
    const http = await embed(
      { image: `http://photos.example.org:${port()}/me.jpg` },
      folderWith({}),
      {
        resolve: dns.resolve,
      },
    );
    expect(http.warnings).toEqual([
      expect.stringMatching(/was not fetched: only https addresses are fetched, not http;/),
    ]);
    const offline = await embed({ picture: 'https://photos.example.org/me.jpg' }, folderWith({}), {
      resolve: dns.resolve,
      offline: true,
    });
    expectNoPhoto(offline.basics);
    expect(offline.warnings).toEqual([
      expect.stringMatching(
        /^basics\.picture: "https:\/\/photos\.example\.org\/me\.jpg" is not fetched with --offline; the page shows no photo\. Fix: save the photo next to the résumé/,
      ),
    ]);
    expect(dns.asked).toEqual([]);
    expect(connections()).toBe(before);
  });

  it('says a name that does not resolve was not found', async () => {
    const { warnings } = await embed({ image: 'https://photos.invalid/me.jpg' }, folderWith({}), {
      resolve: () => Promise.reject(Object.assign(new Error('nope'), { code: 'ENOTFOUND' })),
    });
    expect(warnings).toEqual([expect.stringContaining('photos.invalid was not found (ENOTFOUND)')]);
  });
});
