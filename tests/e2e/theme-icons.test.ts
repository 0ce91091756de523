/**
 * Contact icons: one before each contact, chosen by kind or by the profile's network, inline SVG
 * hidden from assistive technology, only those the page uses, none with `themeOptions.icons`
 * false, and no text added to the PDF's text layer.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { launchTestBrowser, type TestBrowser } from '../support/browser.js';
import { seedResumePath } from '../support/paths.js';
import { theme } from '../support/theme.js';

let chromium: TestBrowser;
let dir: string;
let seed: Resume;

beforeAll(async () => {
  chromium = await launchTestBrowser();
  dir = await mkdtemp(join(tmpdir(), 'theme-icons-'));
  seed = JSON.parse(await readFile(seedResumePath, 'utf8')) as Resume;
});
afterAll(async () => {
  await chromium?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/**
 * Profiles written the ways JSON Resume files write them: network names in several spellings
 * ("Twitter" where the service is now X, as in files exported before 2023), Google Scholar given
 * by its address alone (as the registry's LinkedIn importer leaves it), and a network no icon set
 * has.
 */
const contacts: Resume = {
  basics: {
    name: 'Ada Example',
    email: 'ada@example.org',
    phone: '+1 555 0100',
    url: 'https://ada.example.org',
    location: { city: 'Lyon', countryCode: 'FR' },
    profiles: [
      { network: 'GitHub', username: 'ada-example', url: 'https://github.com/ada-example' },
      { network: 'LinkedIn', username: 'ada', url: 'https://www.linkedin.com/in/ada' },
      { url: 'https://scholar.google.com/citations?user=AbCdEf' },
      { network: 'ORCID', username: '0000-0002-1825-0097' },
      { network: 'Twitter', username: 'ada_ex' },
      { network: 'Mastodon', username: '@ada@sigmoid.social' },
      { network: 'Goodreads', username: 'ada', url: 'https://www.goodreads.com/ada' },
    ],
  },
};

const withIcons = (resume: Resume, icons: boolean): Resume => ({
  ...resume,
  meta: { ...resume.meta, themeOptions: { ...resume.meta?.themeOptions, icons } },
});

async function opened<T>(html: string, use: (page: Page) => Promise<T>): Promise<T> {
  const page = await chromium.browser.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    return await use(page);
  } finally {
    await page.close();
  }
}

interface ContactIcon {
  text: string;
  /** The icon's name, from its class; '' when the contact has none. */
  icon: string;
  hidden: string | null;
  /** The icon's drawn size in px. */
  width: number;
}

const contactIcons = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.contacts li')].map((li): ContactIcon => {
      const svg = li.querySelector('svg');
      return {
        text: li.textContent ?? '',
        icon: [...(svg?.classList ?? [])].find((c) => c.startsWith('icon-'))?.slice(5) ?? '',
        hidden: svg?.getAttribute('aria-hidden') ?? null,
        width: svg?.getBoundingClientRect().width ?? 0,
      };
    }),
  );

describe('the contact line', () => {
  it('puts an icon hidden from screen readers before each contact, by kind and by network', async () => {
    const html = theme.render(contacts);
    const items = await opened(html, contactIcons);
    expect(items.map(({ text, icon }) => [text, icon])).toEqual([
      ['ada@example.org', 'email'],
      ['+1 555 0100', 'phone'],
      ['ada.example.org', 'website'],
      ['GitHub: ada-example', 'github'],
      ['LinkedIn: ada', 'linkedin'],
      ['scholar.google.com/citations?user=AbCdEf', 'googlescholar'],
      ['ORCID: 0000-0002-1825-0097', 'orcid'],
      ['Twitter: ada_ex', 'x'],
      ['Mastodon: @ada@sigmoid.social', 'mastodon'],
      ['Goodreads: ada', 'website'],
      ['Lyon, France', 'location'],
    ]);
    for (const item of items) {
      expect(item.hidden, item.text).toBe('true');
      // Drawn at text size: neither missing nor a page-wide glyph.
      expect(item.width, item.text).toBeGreaterThan(6);
      expect(item.width, item.text).toBeLessThan(20);
    }
    // Inline, one per contact: no sprite of unused icons, nothing to fetch.
    expect(html.match(/<svg\b/g)).toHaveLength(items.length);
    expect(html).not.toMatch(/<use\b|xlink:href|<image\b/);
  });

  it('has no icons with themeOptions.icons false', async () => {
    const html = theme.render(withIcons(contacts, false));
    const items = await opened(html, contactIcons);
    expect(items).toHaveLength(11);
    expect(items.filter((item) => item.icon !== '' || item.hidden !== null)).toEqual([]);
    expect(html).not.toContain('<svg');
  });

  it('adds no text to the printed page', async () => {
    const printed = (resume: Resume, name: string) =>
      opened(theme.render(resume), async (page) => {
        const { mediaType, ...pdfOptions } = theme.pdfRenderOptions;
        await page.emulateMediaType(mediaType);
        const path = join(dir, `${name}.pdf`);
        await page.pdf({ ...pdfOptions, path });
        // Plain pdftotext, as text extractors read it: a wide gap would break the line in blocks.
        return (await promisify(execFile)('pdftotext', ['-enc', 'UTF-8', path, '-'])).stdout;
      });
    const shown = await printed(withIcons(seed, true), 'icons');
    const plain = await printed(withIcons(seed, false), 'plain');
    expect(shown).toContain('\nbinjie97@u.nus.edu · +65 80273505 · +86 15216801797 · Singapore\n');
    expect(shown).toBe(plain);
  });
});
