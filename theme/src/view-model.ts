/**
 * Turns a résumé into the view model the templates render: options resolved, sections
 * ordered and titled, entries shaped, citations resolved to numbers, Markdown rendered.
 * Pure: the same résumé always gives the same view model.
 */
import Handlebars from 'handlebars';
import { DateFormatter } from './dates';
import * as build from './entries';
import { buildHeader } from './header';
import { resolveOptions } from './options';
import { buildPublications } from './publications';
import { arr, obj } from './text';
import type { Resume, SectionKey } from './types';
import type { Section, ViewModel } from './view-types';

export type * from './view-types';

type EntryBuilder<E> = (value: unknown, context: build.BuildContext) => E | null;

function entries<E>(value: unknown, builder: EntryBuilder<E>, context: build.BuildContext): E[] {
  return build.present(arr(value).map((item) => builder(item, context)));
}

/** Titles past 70 characters are cut off in tabs, bookmarks and search results. */
const LONGEST_TITLE = 70;

function documentTitle(name: string): string {
  if (name === '') return 'CV';
  const suffix = ' — CV';
  const room = LONGEST_TITLE - suffix.length;
  // Measured as the template writes it (Handlebars-escaped, in UTF-16 units), as validators count
  // it; cut between code points.
  const written = (text: string): number => Handlebars.Utils.escapeExpression(text).length;
  if (written(name) <= room) return name + suffix;
  let cut = '';
  for (const char of name) {
    if (written(cut + char) > room - 1) break;
    cut += char;
  }
  return `${cut}…${suffix}`;
}

export function buildViewModel(resume: Resume): ViewModel {
  const raw = obj(resume);
  const options = resolveOptions(obj(raw['meta'])['themeOptions']);
  const dates = new DateFormatter(options.locale);
  const header = buildHeader(raw['basics'], options.locale);
  const shown = new Set<SectionKey>(options.sections);
  const publications = buildPublications(raw['publications'], {
    dates,
    owner: header?.name ?? '',
    hideReviewScores: options.hideReviewScores,
  });
  const context: build.BuildContext = {
    dates,
    locale: options.locale,
    // A citation of a hidden list would point nowhere: cite only what is on the page.
    cite: (id) => (shown.has('publications') ? publications.cite(id) : undefined),
  };

  const section = (key: SectionKey): Section => {
    const base = { title: options.sectionTitles[key], note: options.sectionNotes[key] ?? '' };
    const value = raw[key];
    switch (key) {
      case 'education':
        return { key, ...base, entries: entries(value, build.education, context) };
      case 'publications':
        return { key, ...base, entries: publications.entries };
      case 'work':
        return { key, ...base, entries: entries(value, build.experience('name'), context) };
      case 'projects':
        return { key, ...base, entries: entries(value, build.project, context) };
      case 'volunteer':
        return {
          key,
          ...base,
          entries: entries(value, build.experience('organization'), context),
        };
      case 'awards':
        return { key, ...base, entries: entries(value, build.award, context) };
      case 'certificates':
        return { key, ...base, entries: entries(value, build.certificate, context) };
      case 'skills':
        return { key, ...base, entries: entries(value, build.skill, context) };
      case 'languages':
        return { key, ...base, entries: entries(value, build.language, context) };
      case 'interests':
        return { key, ...base, entries: entries(value, build.interest, context) };
      case 'references':
        return { key, ...base, entries: entries(value, build.reference, context) };
    }
  };

  return {
    lang: options.locale,
    title: documentTitle(header?.name ?? ''),
    header,
    sections: options.sections.map(section).filter((s) => s.entries.length > 0),
    style: {
      accentColor: options.accentColor,
      paper: options.paper,
      pageSize: options.paper === 'letter' ? 'letter' : 'A4',
    },
  };
}
