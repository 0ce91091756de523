/**
 * Facts shown in place: pre-1.0 field names read as their 1.0 names, line breaks and phone
 * numbers kept as typed, an item written as text where an object belongs. The property that no
 * fact is dropped from generated résumés is in tests/property/theme-facts.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { visibleFacts } from '../../support/facts.js';
import { theme } from '../../support/theme.js';

describe('facts shown in place', () => {
  it('shows a pre-1.0 employer, website, score and photo as the 1.0 fields', () => {
    const view = theme.buildViewModel({
      basics: {
        name: 'A',
        website: 'https://a.example',
        picture: 'data:image/png;base64,iVBORw0KGgo=',
      },
      work: [{ company: 'Initech', website: 'https://initech.example', position: 'Engineer' }],
      education: [{ institution: 'U', gpa: '3.9/4.0' }],
    });
    expect(view.header?.contacts).toContainEqual(
      expect.objectContaining({ text: 'a.example', href: 'https://a.example' }),
    );
    expect(view.header?.image).toBe('data:image/png;base64,iVBORw0KGgo=');
    const work = view.sections.find((s) => s.key === 'work');
    expect(work?.key === 'work' && work.entries[0]?.head.org).toEqual({
      text: 'Initech',
      href: 'https://initech.example',
    });
    const education = view.sections.find((s) => s.key === 'education');
    expect(education?.key === 'education' && education.entries[0]?.score).toBe('3.9/4.0');
  });

  it('reads the other pre-1.0 names too: awardDate, location.state, hobbies', () => {
    const view = theme.buildViewModel({
      basics: { name: 'A', location: { city: 'Austin', state: 'Texas' } },
      awards: [{ title: 'Prize', awardDate: '2019-05' }],
      hobbies: [{ name: 'Chess' }],
    });
    expect(view.header?.contacts).toContainEqual(
      expect.objectContaining({ text: 'Austin, Texas', href: '' }),
    );
    const awards = view.sections.find((s) => s.key === 'awards');
    expect(awards?.key === 'awards' && awards.entries[0]?.date).toBe('May 2019');
    const interests = view.sections.find((s) => s.key === 'interests');
    expect(interests?.key === 'interests' && interests.entries[0]?.name).toBe('Chess');
  });

  it('keeps a 1.0 field and shows a different pre-1.0 value beside it', () => {
    const html = theme.render({
      work: [{ name: 'Globex', company: 'Globex Corporation' }],
    });
    const { text } = visibleFacts(html);
    expect(text).toContain('Globex');
    expect(text).toContain('Company:GlobexCorporation');
  });

  it('keeps the line breaks of a summary', () => {
    const html = theme.render({ basics: { name: 'A', summary: 'First line.\nSecond line.' } });
    expect(html).toContain('First line.<br>Second line.');
  });

  it('writes phone numbers as typed, ASCII only', () => {
    const html = theme.render({ basics: { name: 'A', phone: '+1 555-010-9999' } });
    expect(visibleFacts(html).text).toContain('+1555-010-9999');
    const contacts = theme.buildViewModel({ basics: { phone: '+1 555-010-9999' } }).header
      ?.contacts;
    expect(contacts?.[0]?.text).toBe('+1 555-010-9999');
  });

  it('shows an item written as text where an object belongs', () => {
    const html = theme.render({ skills: ['Rust', 'Go'], interests: 'Chess' } as unknown as Resume);
    const { text } = visibleFacts(html);
    expect(text).toContain('Rust');
    expect(text).toContain('Chess');
  });
});
