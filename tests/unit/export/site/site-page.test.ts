/**
 * The site's page, piece by piece: the standard JSON it links, the metadata it adds (escaped, with
 * the canonical address and card only when they can be given), and the bar that print hides.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { standardResume } from '../../../../src/export/site/standard-resume.js';
import {
  affiliationOf,
  headElements,
  initials,
  jsonLd,
  scriptJson,
  sitePage,
} from '../../../../src/export/site/site-page.js';
import { inspectHtml } from '../../../support/html.js';
import { seedResumePath } from '../../../support/paths.js';

const require = createRequire(import.meta.url);
const official = require('@jsonresume/schema') as {
  validate(resume: unknown, callback: (errors: { property: string }[] | null) => void): void;
};
function officialErrors(resume: unknown): string[] {
  let found: string[] = [];
  official.validate(resume, (errors) => (found = (errors ?? []).map((e) => e.property)));
  return found;
}

const seed = JSON.parse(readFileSync(seedResumePath, 'utf8')) as Resume;
const files = { pdf: 'resume.pdf', json: 'resume.json', card: 'card.png' };
const settings = { noIndex: false, updated: '2026-11-24' };
const hostileName = '</script><script>alert(1)</script> "Q" & <b>';
const hostile: Resume = {
  basics: {
    name: hostileName,
    label: 'Lecturer <img src=x onerror=alert(1)>',
    url: 'javascript:alert(1)',
    profiles: [
      { network: 'Site', url: 'https://example.org/a?b=1&c="2"' },
      { network: 'Bad', url: 'javascript:alert(2)' },
    ],
  },
  publications: [{ name: 'On </script> tags', publisher: 'Venue <x>', releaseDate: '2024' }],
};

/** The JSON-LD object as a page's reader parses it out of the script element. */
function readJsonLd(html: string): unknown {
  const match = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
  return match ? JSON.parse(match[1]!) : undefined;
}

describe('the standard JSON Resume of a site', () => {
  it('is valid for the official validator and keeps none of our extensions', () => {
    const standard = standardResume(seed);
    expect(officialErrors(standard)).toEqual([]);
    const text = JSON.stringify(standard);
    for (const extension of ['"tags"', '"variants"', '"themeOptions"', '"phones"', '"$schema"']) {
      expect(text).not.toContain(extension);
    }
    // The standard fields are all still there.
    expect(standard['basics']).toMatchObject({
      name: seed.basics?.name,
      email: seed.basics?.email,
    });
    expect((standard['publications'] as unknown[]).length).toBe(seed.publications?.length);
    expect(standard['meta']).toEqual({ version: 'v1.0.0', lastModified: '2026-11-24T00:00:00' });
  });

  it('drops a value of a type the official schema does not allow there', () => {
    const odd = { basics: { name: 'A', location: 'Paris' } } as unknown as Resume;
    expect(standardResume(odd)).toEqual({ basics: { name: 'A' } });
  });
});

describe('the site head', () => {
  it('escapes every value, and JSON-LD cannot close its script element', () => {
    const head = headElements(hostile, settings, files, 'data:image/svg+xml,x').join('\n');
    const parsed = inspectHtml(
      `<!DOCTYPE html><html lang="en"><head>${head}</head><body></body></html>`,
    );
    expect(parsed.parseErrors).toEqual([]);
    expect(head.match(/<script/g)).toHaveLength(1);
    expect(head.match(/<\/script>/g)).toHaveLength(1);
    expect(head).not.toContain('<img');
    expect(head).not.toContain('<b>');
    expect(head).toContain('\\u003c/script\\u003e');
    expect(head).toContain(
      `<title>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; "Q" &amp; &lt;b&gt;`,
    );
    // In attributes too, `<` is escaped, though the HTML standard would allow it there.
    expect(head).toContain(`content="&lt;/script&gt;`);
    // What a reader of the JSON-LD gets back is the name as written.
    const ld = readJsonLd(head) as { '@graph': { name: string; sameAs?: string[] }[] };
    expect(ld['@graph'][0]!.name).toBe(hostileName);
    expect(ld['@graph'][0]!.sameAs).toEqual(['https://example.org/a?b=1&c=%222%22']);
    expect(head).not.toContain('javascript:');
  });

  it('escapes the line separators JavaScript once ended strings at', () => {
    expect(scriptJson({ a: '\u2028\u2029<>&' })).toBe(
      '{"a":"\\u2028\\u2029\\u003c\\u003e\\u0026"}',
    );
  });

  it('gives a canonical address and the card only when there is an address', () => {
    const without = headElements(seed, settings, files, 'x').join('\n');
    expect(without).not.toContain('rel="canonical"');
    expect(without).not.toContain('og:image');
    expect(without).not.toContain('robots');
    const published = headElements(
      seed,
      { ...settings, url: 'https://cv.example.org/me' },
      files,
      'x',
    ).join('\n');
    expect(published).toContain('<link rel="canonical" href="https://cv.example.org/me/">');
    expect(published).toContain(
      '<meta property="og:image" content="https://cv.example.org/me/card.png">',
    );
    expect(published).toContain('<meta name="twitter:card" content="summary_large_image">');
    expect(published).toContain('<meta property="og:url" content="https://cv.example.org/me/">');
  });

  it('with --no-index asks robots not to index and gives no card', () => {
    const head = headElements(
      seed,
      { ...settings, noIndex: true, url: 'https://cv.example.org/' },
      files,
      'x',
    ).join('\n');
    expect(head).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(head).not.toContain('twitter:');
    expect(head).not.toContain('og:image');
  });

  it('describes the person and each publication for schema.org', () => {
    const ld = jsonLd(seed, { ...settings, url: 'https://cv.example.org/' }) as {
      '@graph': Record<string, unknown>[];
    };
    const [person, ...articles] = ld['@graph'];
    expect(person).toEqual({
      '@type': 'Person',
      '@id': 'https://cv.example.org/#person',
      name: seed.basics?.name,
      jobTitle: seed.basics?.label,
      affiliation: { '@type': 'Organization', name: 'National University of Singapore (NUS)' },
      url: 'https://cv.example.org/',
    });
    expect(articles.map((article) => article['name'])).toEqual(
      seed.publications?.map((publication) => publication.name),
    );
    expect(articles.every((article) => article['@type'] === 'ScholarlyArticle')).toBe(true);
  });
});

describe('the affiliation', () => {
  it('is the current job, under its pre-1.0 name `company` too, else the latest study', () => {
    // The shape of tests/fixtures/real-world/script-zh.json: a current job under `company`.
    const current = {
      work: [{ company: '云栈科技有限公司', startDate: '2020-03' }],
      education: [{ institution: '浙江大学' }],
    } as Resume;
    expect(affiliationOf(current)).toBe('云栈科技有限公司');
    const past = { ...current, work: [{ name: 'Old Co', endDate: '2019-01' }] } as Resume;
    expect(affiliationOf(past)).toBe('浙江大学');
  });
});

describe('the site page', () => {
  const theme =
    '<!DOCTYPE html>\n<html lang="de" dir="ltr">\n<head>\n<meta charset="utf-8">\n<title>Theme title</title>\n<meta name="description" content="theme">\n</head>\n<body class="x">\n<main>CV</main>\n</body>\n</html>';
  const page = sitePage(theme, ['<title>Site title</title>'], { files, updated: '2026-11-24' });

  it('keeps one title, the site’s, after the charset, and the bar first in the body', () => {
    expect(page.match(/<title>/g)).toHaveLength(1);
    expect(page).not.toContain('content="theme"');
    expect(page.indexOf('<meta charset')).toBeLessThan(page.indexOf('<title>Site title'));
    expect(page).toMatch(/<body class="x">\n<nav class="site-bar"/);
    expect(page).toContain('<a href="resume.pdf" download>Download PDF</a>');
    expect(page).toContain('<a href="resume.json" type="application/json">JSON Resume</a>');
    expect(page).toContain('Updated <time datetime="2026-11-24">24 November 2026</time>');
    expect(inspectHtml(page).parseErrors).toEqual([]);
  });

  it('shows the bar on screen only', () => {
    expect(page).toContain('@media print { .site-bar { display: none !important; } }');
    expect(page).toMatch(/@media screen \{\s*\.site-bar \{ display: flex;/);
  });

  it('refuses a page with no head or body start tag, naming the fix', () => {
    expect(() => sitePage('<p>bare</p>', [], { files, updated: '2026-01-01' })).toThrow(
      /no <head> and <body> start tags.*--format html/,
    );
  });
});

describe('the favicon', () => {
  it('shows the initials of the first and last names', () => {
    expect(initials('Ada María López')).toBe('AL');
    expect(initials('李华')).toBe('李');
    expect(initials('  ')).toBe('CV');
  });
});
