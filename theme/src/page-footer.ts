/**
 * The line at the foot of every printed page: the name and the month of the last update. The
 * stylesheet prints it in the page's margin, with the page number, outside the document's
 * structure, so it never enters a section's text.
 */
import type { DateFormatter } from './dates';
import { fill, type Labels } from './labels';
import type { PageFooter } from './view-types';

/** The date part of `meta.lastModified` ("2026-11-24T00:00:00" as written by resume-cli). */
const DATE = /^\d{4}-\d{2}(?:-\d{2})?/;

export function pageFooter(
  name: string,
  lastModified: string,
  dates: DateFormatter,
  labels: Pick<Labels, 'updated'>,
): PageFooter {
  const date = DATE.exec(lastModified)?.[0];
  const updated = date ? fill(labels.updated, dates.date(date)) : '';
  return { text: [name, updated].filter(Boolean).join(' · ') };
}
