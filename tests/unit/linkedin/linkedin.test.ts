/** LinkedIn's dates, descriptions and CSV files, and the merge plan, in process. */
import { describe, expect, test } from 'vitest';
import { readCsv } from '../../../src/linkedin/archive.js';
import { planLinkedInMerge } from '../../../src/linkedin/import.js';
import { isoDate, splitBullets } from '../../../src/linkedin/map.js';

describe('LinkedIn dates', () => {
  test.each([
    ['Feb 2022', '2022-02'],
    ['September 2019', '2019-09'],
    ['2014', '2014'],
    ['6/1/15', '2015-06-01'],
    ['12/31/99', '1999-12-31'],
    ['01/02/2024', '2024-01-02'],
    ['01 Jan 2024', '2024-01-01'],
    ['2019-06', '2019-06'],
    ['2024-02-29', '2024-02-29'],
  ])('%s → %s', (text, iso) => {
    expect(isoDate(text)).toBe(iso);
  });

  test.each(['', 'Present', 'Spring 2024', '2/30/15', '13/1/15', 'Foo 2020', '2023-02-29', '0999'])(
    '%j is no date',
    (text) => {
      expect(isoDate(text)).toBeUndefined();
    },
  );
});

describe('descriptions', () => {
  test('text before the first bullet is the summary; each bullet a highlight', () => {
    expect(splitBullets('Intro line.\n• one\n- two\n  continued\n* three\n1. four')).toEqual({
      summary: 'Intro line.',
      highlights: ['one', 'two continued', 'three', 'four'],
    });
  });

  test('no bullets: all summary; a hyphen inside a word is no bullet', () => {
    expect(splitBullets('Single-cell work.\nSecond line.')).toEqual({
      summary: 'Single-cell work.\nSecond line.',
    });
    expect(splitBullets('')).toEqual({});
  });
});

describe('CSV files', () => {
  test('BOM, CRLF, quoted commas and line breaks; each row with the line it starts on', () => {
    const text = '\uFEFFCompany Name,Title,Description\r\n"A, B",X,"one\r\ntwo"\r\nC,Y,\r\n';
    const table = readCsv(text, 'Company Name');
    expect(table.ok).toBe(true);
    if (!table.ok) return;
    expect(table.rows.map((r) => [r.line, r.get('Company Name'), r.get('Description')])).toEqual([
      [2, 'A, B', 'one\ntwo'],
      [4, 'C', ''],
    ]);
  });

  test('a "Notes:" preamble before the header is skipped', () => {
    const text =
      'Notes:\r\n"When exporting your connection data, you may notice\r\nthat some are missing."\r\n\r\nFirst Name,Last Name\r\nAda,Byron\r\n';
    const table = readCsv(text, 'First Name');
    expect(table.ok && table.rows.map((r) => [r.line, r.get('Last Name')])).toEqual([[6, 'Byron']]);
  });

  test('problems are located: no header, a field too many, an unclosed quote', () => {
    expect(readCsv('Foo,Bar\r\n1,2\r\n', 'Name')).toMatchObject({
      ok: false,
      problem: 'no-header',
    });
    expect(readCsv('Name\r\nA\r\nB,C\r\n', 'Name')).toMatchObject({
      ok: false,
      line: 3,
      problem: 'field-count',
    });
    expect(readCsv('Name,Url\r\nA,x\r\n"B,y\r\n', 'Name')).toMatchObject({
      ok: false,
      line: 3,
      problem: 'syntax',
    });
  });
});

describe('merging into a résumé', () => {
  const sourced = <T>(item: T) => ({ item, file: 'Positions.csv', line: 2 });
  const empty = {
    work: [],
    volunteer: [],
    education: [],
    awards: [],
    certificates: [],
    publications: [],
    skills: [],
    languages: [],
    projects: [],
  };

  test('a known entry gets only the fields it lacks; a new one goes in date order', () => {
    const resume = {
      basics: { name: 'Hand Written' },
      work: [
        { name: 'Acme', position: 'Lead', startDate: '2023-01', summary: 'Mine.' },
        { name: 'Initech', position: 'Intern', startDate: '2015' },
      ],
    };
    const plan = planLinkedInMerge(resume, {
      basics: { name: 'From LinkedIn', label: 'Engineer' },
      sections: {
        ...empty,
        work: [
          sourced({ name: 'Globex', position: 'Analyst', startDate: '2019-05' }),
          sourced({
            name: 'ACME',
            position: 'Tech Lead',
            startDate: '2023-01',
            summary: 'Theirs.',
            location: 'Oslo',
          }),
        ],
      },
    });
    expect(plan.basics).toEqual([{ field: 'label', to: 'Engineer' }]);
    const work = plan.sections.find((s) => s.section === 'work');
    // Same employer and start year: the same position, though the title was reworded.
    expect(work?.updates).toEqual([{ index: 0, field: 'location', to: 'Oslo' }]);
    expect(work?.adds).toEqual([
      { index: 1, item: { name: 'Globex', position: 'Analyst', startDate: '2019-05' } },
    ]);
    expect(work?.existing).toBe(2);
  });
});
