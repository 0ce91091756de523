/**
 * The exporter's browser parts that need no browser: the request filter and the browser lookup.
 * (The export's own modules are tested in tests/unit/export/.)
 */
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../../src/browser/find-or-install.js';
import { isAllowedRequest } from '../../../src/browser/page.js';
import { writeFiles } from '../../support/files.js';

const work = mkdtempSync(join(tmpdir(), 'export-units-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('isAllowedRequest', () => {
  const folder = join(work, 'cv');
  it('allows inline data and the résumé’s own folder, nothing else', () => {
    expect(isAllowedRequest('data:font/woff2;base64,AAAA', folder)).toBe(true);
    expect(isAllowedRequest('about:blank', folder)).toBe(true);
    expect(isAllowedRequest(pathToFileURL(join(folder, 'photo.jpg')).href, folder)).toBe(true);
    expect(isAllowedRequest(pathToFileURL(`${folder}-other/photo.jpg`).href, folder)).toBe(false);
    expect(isAllowedRequest('file:///etc/passwd', folder)).toBe(false);
    expect(isAllowedRequest('https://fonts.googleapis.com/css', folder)).toBe(false);
  });

  it('refuses a file reached through a link in the folder that points outside it', () => {
    const received = mkdtempSync(join(work, 'received-'));
    const secret = join(work, 'secret.png');
    writeFileSync(secret, '\x89PNG\r\n\x1a\n private');
    writeFileSync(join(received, 'own.png'), '\x89PNG\r\n\x1a\n');
    symlinkSync(secret, join(received, 'photo.png'));
    symlinkSync(work, join(received, 'up'));
    expect(isAllowedRequest(pathToFileURL(join(received, 'own.png')).href, received)).toBe(true);
    expect(isAllowedRequest(pathToFileURL(join(received, 'photo.png')).href, received)).toBe(false);
    expect(isAllowedRequest(pathToFileURL(join(received, 'up/secret.png')).href, received)).toBe(
      false,
    );
  });
});

describe('findBrowser', () => {
  it('trusts an explicit PUPPETEER_EXECUTABLE_PATH and never falls back from it', async () => {
    const lookup = await findBrowser({
      PUPPETEER_EXECUTABLE_PATH: '/nonexistent',
      PATH: '/usr/bin',
    });
    expect(lookup).toEqual({
      found: false,
      explicit: true,
      reason: 'PUPPETEER_EXECUTABLE_PATH is set to /nonexistent, which does not exist.',
    });
  });

  it('finds a system browser on PATH', async () => {
    const folder = writeFiles(join(work, 'bin'), { chromium: '' });
    const lookup = await findBrowser({ PATH: folder, PUPPETEER_CACHE_DIR: join(work, 'none') });
    expect(lookup).toMatchObject({ found: true, path: join(folder, 'chromium'), source: 'system' });
  });

  it('prefers a headless shell to a full browser on PATH', async () => {
    const browsers = writeFiles(join(work, 'browsers'), { chromium: '' });
    const shells = writeFiles(join(work, 'shells'), { 'chromium-headless-shell': '' });
    const lookup = await findBrowser({
      PATH: `${browsers}:${shells}`,
      PUPPETEER_CACHE_DIR: join(work, 'none'),
    });
    expect(lookup).toMatchObject({
      found: true,
      path: join(shells, 'chromium-headless-shell'),
      source: 'system',
    });
  });
});
