/**
 * The real-world corpus (tests/fixtures/real-world): its résumé shapes, and the official-schema
 * errors some of them carry on purpose, with their fixes, written from the fixtures, not copied
 * from the output.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths.js';

export const realWorldFolder = join(repoRoot, 'tests', 'fixtures', 'real-world');
export const shapes = readdirSync(realWorldFolder)
  .filter((file) => file.startsWith('shape-') && file.endsWith('.json'))
  .sort();

/** Fixtures that break the official schema on purpose: each error's path and its fix. */
export const EXPECTED_ERRORS: Record<string, [path: string, hint: string][]> = {
  'shape-empty-dates-zh.json': [
    ['work[0].startDate', 'write "2021-07".'],
    ['work[0].endDate', 'remove endDate for a current role: themes print "Present"'],
    ['projects[0].startDate', 'write "2022-11".'],
    ['projects[0].endDate', 'write "2023-03".'],
  ],
  'shape-null-values-fr.json': [
    ['basics.image', 'remove image: JSON Resume has no null values'],
    ['basics.phone', 'remove phone: JSON Resume has no null values'],
    ['basics.url', 'remove url: JSON Resume has no null values'],
    ['basics.location.address', 'remove address: JSON Resume has no null values'],
    ['basics.location.region', 'remove region: JSON Resume has no null values'],
    ['work[0].url', 'remove url: JSON Resume has no null values'],
    ['work[0].endDate', 'remove endDate: JSON Resume has no null values'],
    ['skills[0].level', 'remove level: JSON Resume has no null values'],
    ['languages[1]', 'remove the null from the list.'],
  ],
  'shape-string-location-ru.json': [
    ['basics.location', 'write it as an object: {"address": "Казань, Россия"}.'],
  ],
  'shape-url-without-scheme-tr.json': [
    ['basics.url', 'add the scheme: "https://isilsahin.example.com.tr".'],
    ['basics.profiles[0].url', 'add the scheme: "https://social.example.com/in/isil-sahin".'],
    ['basics.profiles[1].url', 'add the scheme: "https://code.example.com/isilsahin".'],
  ],
  'shape-work-location-object-pt.json': [
    ['work[0].location', 'write it as text: "São Paulo, SP".'],
  ],
  'shape-datetime-dates-en.json': [
    ['work[0].startDate', 'keep only the date part: "2019-03-01".'],
    ['work[0].endDate', 'keep only the date part: "2023-06-30".'],
    ['education[0].startDate', 'keep only the date part: "2011-09-20".'],
  ],
  'shape-languages-as-strings-de.json': [
    ['skills[0]', 'write it as an object: {"name": "Produktstrategie"}.'],
    ['skills[1]', 'write it as an object: {"name": "Roadmap-Planung"}.'],
    ['skills[2]', 'write it as an object: {"name": "A/B-Tests"}.'],
    ['languages[0]', 'write it as an object: {"language": "Deutsch"}.'],
    ['languages[1]', 'write it as an object: {"language": "Englisch"}.'],
    ['languages[2]', 'write it as an object: {"language": "Slowenisch"}.'],
  ],
  'shape-skills-object-ko.json': [
    [
      'skills',
      'write a list with one entry per key: [{"name":"언어","keywords":["Kotlin","Java"]}, …].',
    ],
  ],
};
