/**
 * The page's language without `meta.themeOptions.locale`: the one the file states the way other
 * tools write it, else the one its prose is in (tests/fixtures/languages, one résumé per
 * language). Section titles, "Present", months and country names follow it; direction follows
 * the script of the prose, not of the name.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { LABELS } from '../../../theme/src/labels.js';
import { expectedFacts, missingFacts, visibleFacts } from '../../support/facts.js';
import { repoRoot } from '../../support/paths.js';
import { theme } from '../../support/theme.js';

const folder = join(repoRoot, 'tests', 'fixtures', 'languages');
const read = (language: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(folder, `${language}.json`), 'utf8')) as Record<string, unknown>;

/** The languages every page must be able to speak, each with a fixture of its own. */
const REQUIRED = [
  'de', 'fr', 'es', 'pt', 'it', 'nl', 'pl', 'cs', 'sv', 'tr', 'ru', 'uk', 'el', 'ar', 'fa',
  'he', 'hi', 'bn', 'ta', 'th', 'ka', 'hy', 'vi', 'id', 'zh', 'ja', 'ko',
]; // prettier-ignore

/** The fixture with every statement of its language removed: only its prose says it. */
function unstated(language: string): Resume {
  const { meta: _meta, language: _language, ...rest } = read(language);
  return rest;
}

/** "Present" as each language says it on a CV, and its word for education, written out here. */
const WORDS: Record<string, [present: string, education: string]> = {
  de: ['heute', 'Ausbildung'],
  fr: ['aujourd’hui', 'Formation'],
  es: ['actualidad', 'Formación'],
  pt: ['atual', 'Formação'],
  it: ['oggi', 'Istruzione'],
  nl: ['heden', 'Opleiding'],
  pl: ['obecnie', 'Wykształcenie'],
  cs: ['dosud', 'Vzdělání'],
  sv: ['nu', 'Utbildning'],
  tr: ['halen', 'Eğitim'],
  ru: ['настоящее время', 'Образование'],
  uk: ['дотепер', 'Освіта'],
  el: ['σήμερα', 'Εκπαίδευση'],
  ar: ['حتى الآن', 'التعليم'],
  fa: ['تاکنون', 'تحصیلات'],
  he: ['היום', 'השכלה'],
  hi: ['वर्तमान', 'शिक्षा'],
  bn: ['বর্তমান', 'শিক্ষা'],
  ta: ['தற்போது', 'கல்வி'],
  th: ['ปัจจุบัน', 'การศึกษา'],
  ka: ['დღემდე', 'განათლება'],
  hy: ['մինչ օրս', 'Կրթություն'],
  vi: ['nay', 'Học vấn'],
  id: ['sekarang', 'Pendidikan'],
  zh: ['至今', '教育经历'],
  ja: ['現在', '学歴'],
  ko: ['현재', '학력'],
};

describe('labels', () => {
  it('has a full table for at least 30 languages, every required one among them', () => {
    expect(Object.keys(LABELS).length).toBeGreaterThanOrEqual(30);
    const english = LABELS['en']!;
    for (const language of Object.keys(LABELS)) {
      const table = LABELS[language]!;
      expect(Object.keys(table.sections), language).toEqual(Object.keys(english.sections));
      expect(Object.keys(table.status), language).toEqual(Object.keys(english.status));
      for (const label of [table.expected, table.degree, table.advisor, table.courses]) {
        expect(label, language).toContain('{0}');
      }
      if (language !== 'en') expect(table.present, language).not.toBe(english.present);
    }
    for (const language of REQUIRED) expect(LABELS[language], language).toBeDefined();
  });
});

describe('a résumé that does not state its language', () => {
  it.each(REQUIRED)('in %s is printed in it', (language) => {
    const html = theme.render(unstated(language));
    expect(html).toMatch(new RegExp(`<html lang="${language}" dir="(ltr|rtl)">`));
    const { text } = visibleFacts(html);
    const [present, education] = WORDS[language]!;
    expect(text).toContain(education.replace(/\s/g, ''));
    expect(text).toContain(`–${present.replace(/\s/g, '')}`);
    expect(text).not.toContain('Present');
    expect(text).not.toContain('Education');
  });

  it('tells Ukrainian from Russian and Portuguese from Spanish by their words', () => {
    expect(theme.buildViewModel(unstated('uk')).lang).toBe('uk');
    expect(theme.buildViewModel(unstated('ru')).lang).toBe('ru');
    expect(theme.buildViewModel(unstated('pt')).lang).toBe('pt');
    expect(theme.buildViewModel(unstated('es')).lang).toBe('es');
  });

  it('runs right to left when the prose is Arabic or Hebrew, whatever script the name is in', () => {
    for (const language of ['ar', 'he', 'fa']) {
      const resume = unstated(language);
      expect(theme.buildViewModel(resume).dir, language).toBe('rtl');
    }
    // The Arabic and Hebrew fixtures write the name in Latin letters.
    expect(unstated('ar').basics?.name).toMatch(/^[A-Za-z -]+$/);
    // And a Latin-script page with an Arabic name still runs left to right.
    const german = unstated('de');
    german.basics = { ...german.basics, name: 'ليلى حداد' };
    expect(theme.buildViewModel(german)).toMatchObject({ lang: 'de', dir: 'ltr' });
  });

  it('reads the language of the published shapes in tests/fixtures/real-world', () => {
    const folder = join(repoRoot, 'tests', 'fixtures', 'real-world');
    const files = readdirSync(folder).filter((file) => /-[a-z]{2}(-pre1)?\.json$/.test(file));
    expect(files.length).toBeGreaterThan(30);
    for (const file of files) {
      // Seven single words and no sentence ("Produktstrategie", "Deutsch"…): too little to tell.
      if (file === 'shape-languages-as-strings-de.json') continue;
      const language = /-([a-z]{2})(-pre1)?\.json$/.exec(file)![1]!;
      const { meta: _meta, ...resume } = JSON.parse(
        readFileSync(join(folder, file), 'utf8'),
      ) as Record<string, unknown>;
      expect(theme.buildViewModel(resume as Resume).lang, file).toBe(language);
    }
  });

  it('does not read profile handles, addresses and codes as prose', () => {
    // A short Arabic header with many profiles: more Latin letters in handles than Arabic ones.
    const arabic: Resume = {
      basics: {
        name: 'ليلى حداد',
        label: 'مهندسة برمجيات',
        summary: 'أعمل منذ ثماني سنوات على تطوير أنظمة الدفع الإلكتروني للمتاجر الصغيرة.',
        phone: '+962 6 555 0100',
        location: { city: 'عمّان', countryCode: 'JO', postalCode: 'AMM-11181' },
        profiles: ['GitHub', 'GitLab', 'Mastodon', 'LinkedIn', 'Codeberg', 'ORCID'].map(
          (network, index) => ({ network, username: `layla-haddad-${index}-${network}` }),
        ),
      },
    };
    expect(theme.buildViewModel(arabic)).toMatchObject({ lang: 'ar', dir: 'rtl' });
  });

  it('keeps English for English prose, and for a name alone', () => {
    expect(theme.buildViewModel({ basics: { name: 'Łukasz Żółkiewski' } }).lang).toBe('en');
    const english = {
      basics: { name: 'Ana Souza', summary: 'Backend engineer building payment systems.' },
    };
    expect(theme.buildViewModel(english).lang).toBe('en');
    // Two titles are too little to tell a language by (franc reads them as German).
    const titles = { basics: { label: 'Engineer, Researcher', summary: 'First. Second.' } };
    expect(theme.buildViewModel(titles).lang).toBe('en');
  });

  it('names months and countries in the language, with the years the résumé writes', () => {
    const text = (language: string) => visibleFacts(theme.render(unstated(language))).text;
    expect(text('de')).toContain('März2021–heute');
    expect(text('de')).toContain('Deutschland');
    expect(text('fr')).toContain('mars2021');
    expect(text('ja')).toContain('2021年3月–現在');
    expect(text('ja')).toContain('日本');
    expect(text('ar')).toContain('الأردن');
    // Thai and Persian calendars would print 2564 and 1399 for 2021.
    for (const language of ['th', 'fa']) {
      expect(text(language), language).toContain('2021');
      expect(text(language), language).not.toMatch(/2564|1399|1400/);
    }
  });
});

describe('a résumé that states its language as other tools write it', () => {
  it.each([
    ['de', 'top-level "language"', 'de'],
    ['fr', 'meta.language', 'fr'],
    ['pt', 'meta.locale', 'pt-BR'],
    ['it', 'meta.lang', 'it'],
    ['nl', 'meta["x-lang"]', 'nl'],
    ['pl', 'meta.language with an underscore', 'pl-PL'],
  ])('%s: follows %s', (language, _where, lang) => {
    const view = theme.buildViewModel(read(language));
    expect(view.lang).toBe(lang);
    expect(view.sections.find((s) => s.key === 'education')?.title).toBe(WORDS[language]![1]);
  });

  it('prefers meta.themeOptions.locale, then meta, then the top level, over the prose', () => {
    const german = read('de');
    const view = (extra: Record<string, unknown>) =>
      theme.buildViewModel({ ...german, ...extra }).lang;
    expect(view({ meta: { themeOptions: { locale: 'en-GB' }, language: 'fr' } })).toBe('en-GB');
    expect(view({ meta: { language: 'fr' } })).toBe('fr');
    expect(view({ language: 'sv' })).toBe('sv');
    // What is not a language tag states nothing: the prose decides.
    expect(view({ language: 'German (native)' })).toBe('de');
  });

  it('does not print a top-level key that only states the language', () => {
    const html = theme.render(read('de'));
    const view = theme.buildViewModel(read('de'));
    expect(view.sections.map((s) => s.title)).not.toContain('language');
    expect(visibleFacts(html).text).not.toMatch(/language/i);
    // A top-level `language` that is not a tag is content, and stays on the page.
    const spoken = { ...read('de'), language: 'Deutsch (Muttersprache)' } as Resume;
    expect(missingFacts(theme.render(spoken), expectedFacts(spoken))).toEqual([]);
  });
});
