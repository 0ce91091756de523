/**
 * Layout in real Chromium: a wrapped contact line has no "·" at the start or end of a line, an
 * entry taller than half a page breaks between its bullets instead of leaving the page before it
 * a third empty, and a typed `<br>` is a line break.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { pdfPageTexts } from '../../src/maintainer/read-output.js';
import { launchTestBrowser, type TestBrowser } from '../support/browser.js';
import { theme } from '../support/theme.js';

let chromium: TestBrowser;
let dir: string;

beforeAll(async () => {
  chromium = await launchTestBrowser();
  dir = await mkdtemp(join(tmpdir(), 'theme-layout-'));
});
afterAll(async () => {
  await chromium?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function printed<T>(resume: Resume, use: (page: Page) => Promise<T>): Promise<T> {
  const page = await chromium.browser.newPage();
  try {
    await page.emulateMediaType('print');
    await page.setViewport({ width: 794, height: 1123 });
    await page.setContent(theme.render(resume), { waitUntil: 'load' });
    return await use(page);
  } finally {
    await page.close();
  }
}

/** Twelve contacts: more than one line holds, as in files with many profiles. */
const contacts = (name: string, city: string): Resume => ({
  basics: {
    name,
    email: 'long.address.for.testing@example.org',
    phone: '+49 30 1234 5678',
    url: 'https://example.org/a-rather-long-personal-site',
    location: { city, countryCode: 'DE' },
    profiles: ['GitHub', 'GitLab', 'ORCID', 'Scholar', 'Mastodon', 'LinkedIn', 'Codeberg'].map(
      (network, index) => ({ network, username: `user-${index}-${network.toLowerCase()}` }),
    ),
  },
});

interface ContactItem {
  top: number;
  /** Where the separator before the item sits, in px from the list's clipped edge. */
  separatorStart: number;
  separatorWidth: number;
  after: string;
}

async function contactItems(page: Page): Promise<ContactItem[]> {
  return page.evaluate(() => {
    const list = document.querySelector('.contacts')!;
    const rtl = getComputedStyle(list).direction === 'rtl';
    const box = list.getBoundingClientRect();
    return [...list.querySelectorAll('li')].map((li) => {
      const rect = li.getBoundingClientRect();
      const before = getComputedStyle(li, '::before');
      const width = before.content === 'none' ? 0 : parseFloat(before.width);
      // The list is clipped by one separator's width on its starting side.
      return {
        top: Math.round(rect.top),
        separatorStart: rtl ? box.right - rect.right : rect.left - box.left,
        separatorWidth: width,
        after: getComputedStyle(li, '::after').content,
      };
    });
  });
}

describe('the contact line', () => {
  it.each([
    ['left to right', contacts('Katrin Oberländer', 'Leipzig')],
    [
      'right to left',
      {
        ...contacts('ليلى حداد', 'عمّان'),
        basics: {
          ...contacts('ليلى حداد', 'عمّان').basics,
          summary: 'مهندسة برمجيات تعمل على أنظمة الدفع منذ ثماني سنوات.',
        },
      },
    ],
  ])('%s: no separator starts or ends a wrapped line', async (_, resume) => {
    const items = await printed(resume, contactItems);
    const lines = [...new Set(items.map((item) => item.top))];
    expect(lines.length).toBeGreaterThan(1);
    for (const [index, item] of items.entries()) {
      expect(item.after, `item ${index}`).toMatch(/^(none|normal)$/);
      expect(item.separatorWidth, `item ${index}`).toBeGreaterThan(0);
      const startsLine = index === 0 || items[index - 1]!.top !== item.top;
      // The clipped strip is one separator wide: a line's first separator lies in it, every
      // other one after it.
      if (startsLine) expect(item.separatorStart, `item ${index}`).toBeLessThan(1);
      else expect(item.separatorStart, `item ${index}`).toBeGreaterThanOrEqual(item.separatorWidth);
    }
  });
});

describe('a very tall entry', () => {
  const sentence =
    'Designed and ran the measurement campaign for the coastal sensor network, wrote the calibration software and trained the field team in its use';
  const resume: Resume = {
    basics: { name: 'Ines Albrecht', summary: `${sentence}. `.repeat(6) },
    education: Array.from({ length: 5 }, (_, index) => ({
      institution: `University ${index + 1}`,
      studyType: 'MSc',
      area: 'Oceanography',
      startDate: '2010',
      endDate: '2012',
      courses: ['Waves', 'Tides', 'Sediments'],
    })),
    work: [
      {
        name: 'Coastal Observatory',
        position: 'Lead Engineer TALLENTRY',
        startDate: '2015-01',
        highlights: Array.from({ length: 22 }, (_, index) => `${sentence} (${index + 1}).`),
      },
    ],
  };

  it('starts on the page before rather than leaving it a third empty', async () => {
    const pages = await printed(resume, async (page) => {
      const file = join(dir, 'tall.pdf');
      await page.pdf({ path: file, format: 'A4', preferCSSPageSize: true, printBackground: true });
      return pdfPageTexts(file);
    });
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]).toContain('TALLENTRY');
    // Its head stays with its first bullet.
    expect(pages[0]).toContain('(1).');
    expect(theme.buildViewModel(resume).sections.find((s) => s.key === 'work')).toMatchObject({
      entries: [{ breaksBetweenBullets: true }],
    });
  });

  it('an ordinary entry still moves whole', () => {
    const short = { ...resume, work: [{ ...resume.work![0]!, highlights: ['One line.'] }] };
    expect(theme.buildViewModel(short).sections.find((s) => s.key === 'work')).toMatchObject({
      entries: [{ breaksBetweenBullets: false }],
    });
  });
});

describe('a typed <br>', () => {
  it('breaks the line in Markdown and plain fields; other tags stay text', async () => {
    const resume: Resume = {
      basics: {
        name: 'Ana',
        label: 'Engineer<br>Researcher',
        summary: 'First<br/>Second <b>x</b>',
      },
    };
    const html = theme.render(resume);
    expect(html).toContain('Engineer<br>Researcher');
    expect(html).toContain('First<br>Second &lt;b&gt;x&lt;/b&gt;');
    const lines = await printed(resume, (page) =>
      page.evaluate(() => (document.querySelector('.summary') as HTMLElement).innerText),
    );
    expect(lines.split('\n')).toEqual(['First', 'Second <b>x</b>']);
  });
});
