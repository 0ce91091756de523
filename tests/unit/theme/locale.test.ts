/**
 * The theme's own words follow `meta.themeOptions.locale`: one table of labels, dates in the
 * locale's own form, `lang` and `dir` on the page; `sectionTitles` still wins.
 */
import { describe, expect, it } from 'vitest';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { LABELS } from '../../../theme/src/labels.js';
import { visibleFacts } from '../../support/facts.js';
import { theme } from '../../support/theme.js';

const resume = (locale: string | undefined, extra: Partial<Resume> = {}): Resume => ({
  basics: { name: 'Kim' },
  work: [{ name: 'Acme', position: 'Engineer', startDate: '2023-01' }],
  education: [
    {
      institution: 'U',
      studyType: 'PhD',
      field: 'Physics',
      startDate: '2020-09',
      endDate: '2025-06',
      expected: true,
      courses: ['Optics'],
    },
  ],
  publications: [{ name: 'Paper', status: 'under-review', firstAuthor: true, scores: [4, 5] }],
  ...(locale === undefined ? {} : { meta: { themeOptions: { locale } } }),
  ...extra,
});

describe('labels', () => {
  it('has every word in at least en, zh, ja, ko, de, fr, es, pt, ru and ar', () => {
    const english = LABELS['en']!;
    for (const language of ['zh', 'ja', 'ko', 'de', 'fr', 'es', 'pt', 'ru', 'ar']) {
      const table = LABELS[language]!;
      expect(Object.keys(table.sections), language).toEqual(Object.keys(english.sections));
      expect(
        Object.values(table.sections).every((title) => title.trim() !== ''),
        language,
      ).toBe(true);
      expect(table.present, language).not.toBe(english.present);
      expect(table.status['under-review'], language).not.toBe(english.status['under-review']);
      expect(table.expected, language).toContain('{0}');
    }
  });

  it.each([
    [
      'zh-CN',
      [
        '教育经历',
        '工作经历',
        '2023年1月 – 至今',
        '2020年9月 – 2025年6月（预计）',
        '审稿中',
        '第一作者',
        '评审分数 4/5',
        '主修课程：Optics',
      ],
    ],
    [
      'de',
      [
        'Ausbildung',
        'Berufserfahrung',
        'Jan. 2023 – heute',
        '(voraussichtlich)',
        'in Begutachtung',
        'Erstautor',
      ],
    ],
    ['ja', ['学歴', '職歴', '2023年1月 – 現在', '査読中', '筆頭著者']],
    ['ko', ['학력', '경력', '2023년 1월 – 현재', '심사 중', '제1저자']],
    ['ar', ['التعليم', 'الخبرة العملية', 'حتى الآن', 'قيد التحكيم', 'المؤلف الأول']],
  ])('writes the page in %s', (locale, words) => {
    const { text } = visibleFacts(theme.render(resume(locale)));
    for (const word of words) expect(text).toContain(word.replace(/\s/g, ''));
    expect(text).not.toContain('Present');
  });

  it.each([
    ['en', 'Kim · updated Nov 2026'],
    ['de', 'Kim · Stand: Nov. 2026'],
    ['zh', 'Kim · 更新于2026年11月'],
    ['ja', 'Kim · 2026年11月更新'],
  ])('dates the page footer from meta.lastModified in %s', (locale, footer) => {
    const view = theme.buildViewModel({
      ...resume(locale),
      meta: { lastModified: '2026-11-24T00:00:00', themeOptions: { locale } },
    });
    expect(view.footer).toEqual({ text: footer });
  });

  it('keeps section titles the résumé sets', () => {
    const view = theme.buildViewModel(
      resume('zh', {
        meta: { themeOptions: { locale: 'zh', sectionTitles: { work: '实习经历' } } },
      }),
    );
    expect(view.sections.map((s) => s.title)).toEqual(['教育经历', '发表论文', '实习经历']);
  });

  it('sets lang and dir from the locale, and dir from the name without one', () => {
    expect(theme.buildViewModel(resume('ar'))).toMatchObject({ lang: 'ar', dir: 'rtl' });
    expect(theme.buildViewModel(resume('he-IL'))).toMatchObject({ lang: 'he-IL', dir: 'rtl' });
    expect(theme.buildViewModel(resume('ko'))).toMatchObject({ lang: 'ko', dir: 'ltr' });
    const persian = theme.buildViewModel({ basics: { name: 'مریم رضایی' } });
    expect(persian).toMatchObject({ lang: 'fa', dir: 'rtl' });
    expect(theme.render(resume('ar'))).toContain('<html lang="ar" dir="rtl">');
  });

  it('writes dates with the digits the résumé uses, also in Arabic', () => {
    const { text } = visibleFacts(theme.render(resume('ar')));
    expect(text).toContain('2023');
    expect(text).not.toMatch(/[٠-٩]/);
  });
});

describe('without a locale', () => {
  const langOf = (basics: Resume['basics'], extra: Partial<Resume> = {}) =>
    theme.buildViewModel({ basics, ...extra }).lang;

  it('guesses lang from the script most of the text is in', () => {
    expect(langOf({ name: '林晓雯', summary: '十年后端开发经验，负责支付系统。' })).toBe('zh');
    // Japanese mixes kanji and kana; a name in kanji alone does not make it Chinese.
    expect(langOf({ name: '佐藤 美咲', summary: 'ウェブアプリの開発を担当しています。' })).toBe(
      'ja',
    );
    expect(langOf({ name: '박서준', summary: '백엔드 개발자입니다.' })).toBe('ko');
    expect(langOf({ name: 'ليلى حسن', summary: 'مهندسة برمجيات' })).toBe('ar');
    expect(langOf({ name: 'مریم رضایی', summary: 'تحلیل‌گر داده' })).toBe('fa');
    expect(langOf({ name: 'נועה בן-שחר', summary: 'מפתחת תוכנה' })).toBe('he');
    expect(langOf({ name: 'Анастасия Воронцова' })).toBe('ru');
    expect(langOf({ name: 'Ελένη Παπαδοπούλου' })).toBe('el');
    expect(langOf({ name: 'Łukasz Żółkiewski' })).toBe('en');
    expect(langOf({})).toBe('en');
  });

  it('weighs a full-width character as two letters and leaves addresses out', () => {
    // A Chinese name on an English CV: English.
    expect(langOf({ name: '张伟', summary: 'Backend engineer building payment systems.' })).toBe(
      'en',
    );
    // Long addresses do not outweigh a Chinese CV's text.
    expect(
      langOf({
        name: '张伟',
        label: '后端工程师',
        email: 'zhang.wei.backend.engineer@example.com',
        url: 'https://example.com/zhang-wei/portfolio/projects',
        profiles: [{ network: 'GitHub', username: 'zw', url: 'https://github.com/zhangwei-dev' }],
      }),
    ).toBe('zh');
  });

  it('keeps the locale when one is set, whatever the text', () => {
    const view = theme.buildViewModel({
      basics: { name: '林晓雯', summary: '十年后端开发经验。' },
      meta: { themeOptions: { locale: 'en' } },
    });
    expect(view.lang).toBe('en');
  });
});

describe("punctuation in the page's language", () => {
  const page = (locale: string | undefined, name: string) =>
    visibleFacts(
      theme.render({
        basics: { name, location: { city: 'C1', region: 'R1' } },
        skills: [{ name: 'S', keywords: ['K1', 'K2', 'K3'] }],
        awards: [{ title: 'A1', awarder: 'W1' }],
        publications: [{ name: 'P', authors: ['N1', 'N2'] }],
        education: [{ institution: 'I', courses: ['C01', 'C02'] }],
        ...(locale === undefined ? {} : { meta: { themeOptions: { locale } } }),
      }),
    ).text;

  it('separates list items with 、 and parts with ， in Chinese', () => {
    const text = page('zh', '林晓雯');
    for (const joined of ['K1、K2、K3', 'N1、N2', 'C01、C02', 'A1，W1', 'C1，R1']) {
      expect(text).toContain(joined);
    }
    expect(text).not.toMatch(/K1,|N1,|C01,|A1,|C1,/);
  });

  it('separates with 、 in Japanese, ، in Arabic and a comma in English', () => {
    expect(page('ja', '佐藤')).toContain('K1、K2、K3');
    expect(page('ja', '佐藤')).toContain('A1、W1');
    expect(page('ar', 'ليلى')).toContain('K1،K2،K3');
    expect(page('en', 'Kim')).toContain('K1,K2,K3');
    // Persian has no words of its own here, but writes the Arabic comma.
    expect(page('fa', 'مریم')).toContain('K1،K2،K3');
  });

  it('puts notes after a name in full-width parentheses in Chinese and Japanese', () => {
    const html = (locale: string) =>
      theme.render({
        basics: { name: 'N' },
        languages: [{ language: 'L1', fluency: 'F1' }],
        skills: [{ name: 'S1', level: 'V1' }],
        interests: [{ name: 'I1', keywords: ['K1'] }],
        meta: { themeOptions: { locale } },
      });
    const zh = visibleFacts(html('zh')).text;
    for (const noted of ['L1（F1）', 'S1（V1）', 'I1（K1）']) expect(zh).toContain(noted);
    expect(visibleFacts(html('ja')).text).toContain('L1（F1）');
    // Elsewhere a space and ASCII parentheses ("L1 (F1)"; whitespace is not compared here).
    const en = html('en');
    expect(visibleFacts(en).text).toContain('L1(F1)');
    expect(en).toContain('L1</strong><span class="level"> (F1)</span>');
  });

  it('follows the guessed language when no locale is set', () => {
    expect(page(undefined, '林晓雯是一名后端工程师')).toContain('K1、K2、K3');
  });
});
