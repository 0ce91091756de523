/**
 * Photos through the export command and the preview: a camera's photo beside the résumé prints
 * small; a missing photo, a link out of the folder or a refused address is one warning and the
 * export goes on (with --strict it fails); the preview shows what the export embeds and nothing
 * else. (embedPhoto itself is tests/unit/export/photo.test.ts.)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { Agent, createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { Duplex } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview } from '../../src/dev/preview.js';
import { createProgress } from '../../src/runtime.js';
import { embedPhoto } from '../../src/export/photo.js';
import { REMOTE_PHOTO_LIMITS } from '../../src/export/photo-fetch.js';
import { runScript, stackLines } from '../support/cli.js';
import { visibleFacts } from '../support/facts.js';
import { listenerForSuite } from '../support/network-watch.js';
import { repoRoot, seedResumePath } from '../support/paths.js';
import { CORRUPT_PNG, PNG, cameraPhoto, folderWith } from '../support/photos.js';

const seed = JSON.parse(readFileSync(seedResumePath, 'utf8')) as {
  basics: Record<string, unknown>;
};

/** Writes the seed résumé into `folder` with `image` as its photo (none when undefined). */
function resumeIn(folder: string, image: string | undefined, name = 'cv.json'): string {
  const { image: _old, ...basics } = seed.basics;
  const resume = { ...seed, basics: image === undefined ? basics : { ...basics, image } };
  writeFileSync(join(folder, name), JSON.stringify(resume, null, 2));
  return join(folder, name);
}

function exportIn(folder: string, resume: string, extra: string[] = []) {
  return runScript('export', ['--resume', resume, '--out', join(folder, 'out'), ...extra]);
}

const warningLines = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith('⚠'));

/** The images a PDF carries, as `pdfimages -list` reads them: width and height. */
function pdfImages(path: string): { width: number; height: number }[] {
  const listing = execFileSync('pdfimages', ['-list', path], { encoding: 'utf8' });
  return listing
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => line.trim().split(/\s+/))
    .map((cols) => ({ width: Number(cols[3]), height: Number(cols[4]) }));
}

describe('npm run export with a photo', () => {
  it('prints a 6 MB camera photo beside the résumé, and the PDF stays under 400 KB', async () => {
    const camera = await cameraPhoto();
    expect(camera.length).toBeGreaterThan(6 * 1000 * 1000);
    const folder = folderWith({ 'camera.jpg': camera });
    const withPhoto = await exportIn(folder, resumeIn(folder, 'camera.jpg'));
    expect(withPhoto.stderr).not.toContain('⚠');
    expect(withPhoto.code).toBe(0);
    const pdf = join(folder, 'out', 'resume.pdf');
    const size = statSync(pdf).size;
    expect(size).toBeLessThan(400 * 1024);
    // The photo is in the page, at its printed size (25 mm at about 300 dpi).
    expect(pdfImages(pdf)).toEqual([{ width: 393, height: 295 }]);
    const html = readFileSync(join(folder, 'out', 'resume.html'), 'utf8');
    expect(visibleFacts(html).targets.filter((t) => t.startsWith('data:image/jpeg'))).toHaveLength(
      1,
    );

    // What the photo costs: at most 150 KB over the same résumé without it.
    const bare = folderWith({});
    expect((await exportIn(bare, resumeIn(bare, undefined))).code).toBe(0);
    const growth = size - statSync(join(bare, 'out', 'resume.pdf')).size;
    expect(growth).toBeGreaterThan(0);
    expect(growth).toBeLessThan(150 * 1024);
    console.log(`photo PDF ${size} bytes, ${growth} bytes over the same résumé without it`);
  });

  it('exits 0 with exactly one warning when the photo is missing; --strict fails with exit 1', async () => {
    const folder = folderWith({});
    const resume = resumeIn(folder, 'me.jpg');
    const result = await exportIn(folder, resume, ['--format', 'html']);
    expect(result.code).toBe(0);
    expect(warningLines(result.stderr)).toEqual([
      expect.stringMatching(
        /^⚠ basics\.image: "me\.jpg" cannot be read \(ENOENT.*\); the page shows no photo\. Fix: check the file name/,
      ),
    ]);
    const html = readFileSync(join(folder, 'out', 'resume.html'), 'utf8');
    expect(html).not.toContain('me.jpg');
    expect(html).not.toMatch(/<img/);

    const strict = await exportIn(folder, resume, ['--format', 'html', '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(
      /basics\.image: "me\.jpg" cannot be read.*Fix: check the file name.*, or export without --strict\./,
    );
    expect(stackLines(strict.stderr)).toEqual([]);
  });

  it('says in words that a corrupt "PNG" is no image, and shows no broken-image icon', async () => {
    const folder = folderWith({ 'me.png': CORRUPT_PNG });
    const result = await exportIn(folder, resumeIn(folder, 'me.png'), ['--format', 'html']);
    expect(result.code).toBe(0);
    expect(warningLines(result.stderr)).toEqual([
      expect.stringContaining(
        '"me.png" is not an image that can be read (Input buffer has corrupt header)',
      ),
    ]);
    expect(readFileSync(join(folder, 'out', 'resume.html'), 'utf8')).not.toMatch(/<img/);
  });

  describe('an https photo at a private address', () => {
    // A real listener on 127.0.0.1: any connection the photo step makes is counted.
    const { connections, port } = listenerForSuite();

    it.each([[[]], [['--offline']]])(
      'is refused with one warning, no connection, no photo and no address (%j)',
      async (extra) => {
        const address = `https://127.0.0.1:${port()}/me.jpg`;
        const folder = folderWith({});
        const result = await exportIn(folder, resumeIn(folder, address), [
          '--format',
          'html',
          ...extra,
        ]);
        expect(result.code).toBe(0);
        expect(warningLines(result.stderr)).toEqual([
          expect.stringMatching(
            extra.length
              ? /"https:\/\/127\.0\.0\.1:\d+\/me\.jpg" is not fetched with --offline; the page shows no photo/
              : /"https:\/\/127\.0\.0\.1:\d+\/me\.jpg" was not fetched: 127\.0\.0\.1 is not a public address \(loopback\)/,
          ),
        ]);
        const html = readFileSync(join(folder, 'out', 'resume.html'), 'utf8');
        expect(html).not.toContain('127.0.0.1');
        expect(html).not.toMatch(/<img/);
        expect(connections()).toBe(0);
      },
    );
  });
});

describe('a symlink in the résumé folder that points outside it', () => {
  // A file outside that starts with PNG's magic bytes, and a real image outside: neither leaks.
  const outside = folderWith({
    'magic.png': Buffer.concat([CORRUPT_PNG, Buffer.from('private')]),
    'secret.png': PNG,
  });
  const folder = folderWith({});
  symlinkSync(join(outside, 'magic.png'), join(folder, 'magic.png'));
  symlinkSync(join(outside, 'secret.png'), join(folder, 'me.png'));
  const leaks = [
    Buffer.from('private').toString('base64').slice(0, 8),
    PNG.toString('base64'),
    'data:image',
  ];

  it('is not embedded in resume.html', async () => {
    for (const name of ['magic.png', 'me.png']) {
      const result = await exportIn(folder, resumeIn(folder, name), ['--format', 'html']);
      expect(result.code).toBe(0);
      expect(warningLines(result.stderr)).toEqual([
        expect.stringContaining(`"${name}" is outside the résumé's folder`),
      ]);
      const html = readFileSync(join(folder, 'out', 'resume.html'), 'utf8');
      for (const leak of leaks) expect(html).not.toContain(leak);
    }
  });

  it('is not served by the preview, which shows the photo the export embeds', async () => {
    const inside = folderWith({ 'real.png': PNG });
    const cases = [
      { folder, name: 'me.png', shows: false },
      { folder: inside, name: 'real.png', shows: true },
    ];
    for (const { folder: where, name, shows } of cases) {
      const lines: string[] = [];
      const resumePath = resumeIn(where, name, 'dev.json');
      const server = await startPreview({
        port: 0,
        resume: resumePath,
        theme: './theme',
        variant: undefined,
        pdf: false,
        out: join(where, 'out'),
        maxBytes: 1024 * 1024,
        offline: false,
        cwd: repoRoot,
        progress: createProgress({ write: (line) => lines.push(line) }),
        log: (line) => lines.push(line),
      });
      try {
        const page = await fetchText(server.url);
        expect(page).toContain(seed.basics['name']);
        const images = visibleFacts(page).targets.filter((t) => t.startsWith('data:image'));
        if (shows) {
          expect(images).toHaveLength(1);
          expect(lines.filter((l) => l.startsWith('⚠'))).toEqual([]);
        } else {
          for (const leak of leaks) expect(page).not.toContain(leak);
          expect(lines).toContainEqual(
            expect.stringContaining(`"${name}" is outside the résumé's folder`),
          );
          // Nor under any path of its own.
          for (const path of [`/${name}`, '/magic.png', `/..${outside}/secret.png`]) {
            expect(await fetchText(new URL(path, server.url).href)).toBe('Not found\n');
          }
        }
      } finally {
        await server.close();
      }
    }
  });
});

describe('an https photo at a public address', () => {
  // A real TLS server on 127.0.0.1 with a certificate for the photo's host, reached through an
  // agent that connects there whatever address the host was checked at (a public one).
  const HOST = 'photos.example.org';
  let server: HttpsServer;
  let agent: Agent;
  let ca: string;
  const requests: string[] = [];
  const connectedTo: string[] = [];
  let photo: Buffer;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'photo-tls-'));
    execFileSync(
      'openssl',
      [
        ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2'],
        ...['-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')],
        ...['-subj', `/CN=${HOST}`, '-addext', `subjectAltName=DNS:${HOST}`],
      ],
      { stdio: 'ignore' },
    );
    ca = readFileSync(join(dir, 'cert.pem'), 'utf8');
    photo = await sharp({
      create: { width: 1200, height: 900, channels: 3, background: '#8a6f5c' },
    })
      .jpeg()
      .toBuffer();
    const tooBig = Buffer.alloc(REMOTE_PHOTO_LIMITS.bytes + 1);
    server = createHttpsServer(
      { key: readFileSync(join(dir, 'key.pem')), cert: ca },
      (request, response) => {
        const path = request.url ?? '';
        requests.push(path);
        const routes: Record<string, () => void> = {
          '/me.jpg': () => response.writeHead(200, { 'content-type': 'image/jpeg' }).end(photo),
          '/moved': () => response.writeHead(302, { location: '/me.jpg' }).end(),
          '/to-inside': () =>
            response.writeHead(302, { location: 'https://intranet.example.org/me.jpg' }).end(),
          '/loop': () => response.writeHead(302, { location: '/loop' }).end(),
          '/page': () => response.writeHead(200, { 'content-type': 'text/html' }).end('<p>hi</p>'),
          '/gone': () => response.writeHead(404).end(),
          // No length given: the limit holds while the bytes arrive.
          '/huge.jpg': () => {
            response.writeHead(200, { 'content-type': 'image/jpeg' });
            response.end(tooBig);
          },
        };
        (routes[path] ?? routes['/gone']!)();
      },
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    agent = new (class extends Agent {
      override createConnection(
        ...args: Parameters<Agent['createConnection']>
      ): Duplex | null | undefined {
        const [options, callback] = args;
        // Where the request would connect: the address that was checked, not a new look-up.
        options.lookup?.(options.host ?? '', { all: false }, (_error, address) =>
          connectedTo.push(typeof address === 'string' ? address : JSON.stringify(address)),
        );
        return super.createConnection({ ...options, host: '127.0.0.1', port }, callback);
      }
    })({ keepAlive: false });
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** The photo step with the host at a public address and the intranet's name at a private one. */
  async function fetched(path: string) {
    requests.length = 0;
    connectedTo.length = 0;
    const warnings: string[] = [];
    const asked: string[] = [];
    const resume = await embedPhoto(
      { basics: { name: 'Ada', image: `https://${HOST}${path}` } },
      {
        folder: mkdtempSync(join(tmpdir(), 'photo-')),
        warn: (w) => warnings.push(w),
        resolve: async (name) => {
          asked.push(name);
          return name === HOST ? ['93.184.215.14'] : ['10.0.0.7'];
        },
        fetch: { ca, agent },
      },
    );
    return {
      basics: resume.basics,
      warnings,
      asked,
      requests: [...requests],
      connectedTo: [...connectedTo],
    };
  }

  it('is fetched once, scaled and embedded like a local photo', async () => {
    const { basics, warnings, asked, requests, connectedTo } = await fetched('/me.jpg');
    expect(warnings).toEqual([]);
    expect(asked).toEqual([HOST]);
    expect(connectedTo).toEqual(['93.184.215.14']);
    expect(requests).toEqual(['/me.jpg']);
    const match = /^data:image\/jpeg;base64,(.+)$/.exec(String(basics?.image));
    expect(match).not.toBeNull();
    const { width, height } = await sharp(Buffer.from(match![1]!, 'base64')).metadata();
    expect([width, height]).toEqual([393, 295]);
  });

  it('follows a redirect, checking the new address again', async () => {
    const moved = await fetched('/moved');
    expect(moved.warnings).toEqual([]);
    expect(moved.requests).toEqual(['/moved', '/me.jpg']);
    expect(moved.basics?.image).toMatch(/^data:image\/jpeg;base64,/);

    const inside = await fetched('/to-inside');
    expect(inside.basics).toEqual({ name: 'Ada' });
    expect(inside.asked).toEqual([HOST, 'intranet.example.org']);
    expect(inside.requests).toEqual(['/to-inside']);
    expect(inside.warnings).toEqual([
      expect.stringContaining(
        'was not fetched: intranet.example.org (10.0.0.7) is not a public address (private)',
      ),
    ]);
  });

  it.each([
    ['/loop', 'it redirects more than 3 times'],
    ['/page', 'the server sent text/html, not an image'],
    ['/gone', 'the server answered 404'],
    ['/huge.jpg', 'it is over the limit of 5.0 MB'],
  ])('leaves out %s with a warning that says why', async (path, why) => {
    const { basics, warnings } = await fetched(path);
    expect(basics).toEqual({ name: 'Ada' });
    expect(warnings).toEqual([
      expect.stringMatching(
        new RegExp(
          `^basics\\.image: "https://${HOST}${path}" was not fetched: ${why}; the page shows no photo\\. Fix: `,
        ),
      ),
    ]);
  });
});

function fetchText(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    get(url, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve(body));
    }).on('error', reject);
  });
}
