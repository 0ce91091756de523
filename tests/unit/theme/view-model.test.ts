/**
 * What the page says: the view model of the seed CV carries each scholarly fact once, dates
 * read as a person writes them, options are honoured, and invalid ones are ignored.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type {
  PublicationEntry,
  Resume,
  ThemeOptions,
  ViewModel,
} from 'jsonresume-theme-camera-ready';
import { seedResumePath } from '../../support/paths.js';
import { htmlToText } from '../../../src/maintainer/read-output.js';
import { theme } from '../../support/theme.js';

const resume = JSON.parse(readFileSync(seedResumePath, 'utf8')) as Resume;
const html = theme.render(resume);
const text = htmlToText(html);

function section<K extends ViewModel['sections'][number]['key']>(view: ViewModel, key: K) {
  const found = view.sections.find((s) => s.key === key);
  if (!found) throw new Error(`no ${key} section`);
  return found as Extract<ViewModel['sections'][number], { key: K }>;
}

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

describe('the seed CV', () => {
  const view = theme.buildViewModel(resume);

  it('follows the configured section order and titles', () => {
    expect(view.sections.map((s) => s.key)).toEqual(resume.meta?.themeOptions?.sections);
    expect(section(view, 'work').title).toBe('Research & Work Experience');
    expect(section(view, 'publications').note).toBe('First-author works at top-tier venues');
    expect(view.title).toBe('Binjie Zhang — CV');
    expect(view.lang).toBe('en');
  });

  it('shows each publication fact once', () => {
    const pubs: PublicationEntry[] = section(view, 'publications').entries;
    expect(pubs.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(pubs.filter((p) => p.status?.label === 'under review')).toHaveLength(3);
    expect(pubs[2]).toMatchObject({
      anchor: 'pub-ego-predictive',
      venue: 'ICML 2026',
      scores: '4/4/4/5',
      distinctions: ['top 15%'],
      firstAuthor: true,
    });
    const list = htmlToText(
      html.slice(html.indexOf('<ol class="publications">')).split('</ol>')[0] ?? '',
    );
    expect(count(list, 'scores 4/4/4/5')).toBe(1);
    expect(count(list, 'top 15%')).toBe(1);
    expect(count(list, 'long oral')).toBe(1);
    expect(count(text, 'scores 4/4/4/5')).toBe(1);
    expect(count(html, 'class="badge status-under-review"')).toBe(3);
    // The venue replaces the publisher text, which repeats venue, status and scores.
    expect(text).not.toContain('ICML 2026 (under review');
    expect(count(text, 'ICML 2026')).toBe(2);
  });

  it('links a project to the publication it produced', () => {
    const projects = section(view, 'projects').entries;
    const ego = projects.find((p) => p.name.text.startsWith('Ego-Centric'));
    expect(ego?.refs).toEqual([{ number: 3, anchor: 'pub-ego-predictive' }]);
    expect(html).toContain('<a class="ref" href="#pub-ego-predictive">[3]</a>');
    expect(html).toContain('id="pub-ego-predictive"');
    expect(projects.find((p) => p.name.text.startsWith('Task-Agnostic'))?.refs[0]?.number).toBe(5);
  });

  it('shows sub-projects in place of the flat highlights, with the summary', () => {
    const [tiktok] = section(view, 'work').entries;
    expect(tiktok?.projects.map((p) => `#${p.number} ${p.name.text} (${p.type})`)).toEqual([
      '#1 FIRE-Core – Skill-Based Agent Harness (Agent Application)',
      '#2 EvoA – Auto-Evolution Agent (Agent-Native Self-Evolving ML)',
    ]);
    expect(tiktok?.highlights).toEqual([]);
    expect(tiktok?.summary?.html).toContain('<strong>2 weeks</strong>');
    expect(tiktok?.head.dates).toBe('Jan – Apr 2026');
    expect(count(text, 'cutting routing token cost by 97.8%')).toBe(1);
    expect(html).toContain('<strong>97.8%</strong>');
  });

  it('shows education with field, advisor, place and expected end', () => {
    const [phd, meng, beng] = section(view, 'education').entries;
    expect(phd?.head.title.text).toBe('Ph.D. in Computer Science');
    expect(phd?.head.dates).toBe('Jan 2023 – Jan 2027 (expected)');
    expect(phd?.head.detail).toBe('Advisor: Asst. Prof. Mike Zheng Shou');
    expect(phd?.head.place).toBe('Singapore');
    expect(meng?.head.dates).toBe('Aug 2019 – Jul 2022');
    expect(beng?.score).toBe('GPA 3.77/4.00, Rank 1/92');
    // `field` replaces `area`, which repeats the advisor for other themes.
    expect(text).not.toContain('Computer Science – Advisor');
    expect(count(text, '(expected)')).toBe(1);
  });

  it('puts every phone and the email in the contact line as links', () => {
    expect(view.header?.contacts.map(({ text, href }) => ({ text, href }))).toEqual([
      { text: 'binjie97@u.nus.edu', href: 'mailto:binjie97@u.nus.edu' },
      { text: '+65 80273505', href: 'tel:+6580273505' },
      { text: '+86 15216801797', href: 'tel:+8615216801797' },
      { text: 'Singapore', href: '' },
    ]);
  });
});

describe('dates', () => {
  const dates = (entry: Record<string, unknown>, locale?: string) =>
    theme.buildViewModel({
      work: [{ position: 'P', ...entry }],
      ...(locale ? { meta: { themeOptions: { locale } } } : {}),
    }).sections[0]?.entries[0];

  it.each([
    [{ startDate: '2023-01' }, 'Jan 2023 – Present'],
    [{ startDate: '2019-08', endDate: '2022-07' }, 'Aug 2019 – Jul 2022'],
    [{ startDate: '2020', endDate: '2023' }, '2020 – 2023'],
    [{ startDate: '2026-01', endDate: '2026-04' }, 'Jan – Apr 2026'],
    [
      { startDate: '2023-01', endDate: '2027-01', expected: true },
      'Jan 2023 – Jan 2027 (expected)',
    ],
    // UTC: the 1st of a month stays in that month whatever the machine's time zone.
    [{ startDate: '2021-03-01', endDate: '2021-12-31' }, 'Mar – Dec 2021'],
    [{ startDate: '2022', endDate: '2022' }, '2022'],
    [{}, ''],
  ])('%j → %s', (entry, expected) => {
    expect(dates(entry)).toMatchObject({ head: { dates: expected } });
  });

  it('names months in the locale and falls back to English for a bad one', () => {
    expect(dates({ startDate: '2024-03', endDate: '2025-05' }, 'de')).toMatchObject({
      head: { dates: 'März 2024 – Mai 2025' },
    });
    expect(dates({ startDate: '2024-03' }, '??-not-a-locale')).toMatchObject({
      head: { dates: 'Mar 2024 – Present' },
    });
    expect(theme.buildViewModel({ meta: { themeOptions: { locale: 'en-gb' } } }).lang).toBe(
      'en-GB',
    );
  });
});

describe('options', () => {
  const base: Resume = {
    basics: { name: 'A' },
    education: [{ institution: 'E' }],
    skills: [{ name: 'S' }],
    publications: [{ name: 'P', scores: [3, 4] }],
  };
  const withOptions = (themeOptions: ThemeOptions) =>
    theme.buildViewModel({ ...base, meta: { themeOptions } });

  it('orders and hides sections', () => {
    expect(withOptions({}).sections.map((s) => s.key)).toEqual([
      'education',
      'publications',
      'skills',
    ]);
    expect(withOptions({ sections: ['skills', 'education'] }).sections.map((s) => s.key)).toEqual([
      'skills',
      'education',
    ]);
  });

  it('accepts only hex accent colours', () => {
    expect(withOptions({ accentColor: '#a0C' }).style.accentColor).toBe('#a0C');
    for (const bad of ['red', '#12345', '#000;}body{x', 'url(x)'])
      expect(withOptions({ accentColor: bad }).style.accentColor).toBe('#1f4e79');
    expect(theme.render({ ...base, meta: { themeOptions: { accentColor: '#abcdef' } } })).toContain(
      '--accent: #abcdef',
    );
  });

  it('sets the paper size and hides review scores', () => {
    expect(withOptions({ paper: 'letter' }).style.pageSize).toBe('letter');
    expect(withOptions({}).style.pageSize).toBe('A4');
    expect(htmlToText(theme.render(base))).toContain('scores 3/4');
    expect(
      htmlToText(theme.render({ ...base, meta: { themeOptions: { hideReviewScores: true } } })),
    ).not.toContain('scores');
  });

  it('emphasises the owner among the authors', () => {
    const page = theme.render({
      basics: { name: 'Ada Lovelace' },
      publications: [{ name: 'Notes', authors: ['Charles Babbage', 'Ada  Lovelace'] }],
    });
    expect(page).toContain('<strong class="owner">Ada  Lovelace</strong>');
    expect(page).not.toContain('<strong class="owner">Charles Babbage</strong>');
  });
});

describe('publication venues', () => {
  const venueOf = (venue: string, releaseDate: string): string => {
    const section = theme
      .buildViewModel({ publications: [{ name: 'A paper', venue, releaseDate }] })
      .sections.find((s) => s.key === 'publications');
    return (section?.entries[0] as PublicationEntry).venue;
  };

  it('adds the year, unless the venue already names it (dblp booktitles often do)', () => {
    expect(venueOf('ICML', '2026-07')).toBe('ICML 2026');
    expect(venueOf('AAAI Conference on Artificial Intelligence 2024', '2024-02')).toBe(
      'AAAI Conference on Artificial Intelligence 2024',
    );
    expect(venueOf("ICLR'22", '2022-04')).toBe("ICLR'22 2022");
  });
});
