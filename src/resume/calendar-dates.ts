/**
 * The official date pattern accepts days and months the calendar lacks (`2024-09-31`,
 * `2020-13`): they pass validation and then print as another date, or not at all. A warning for
 * each, on every field the schema declares as a date.
 */
import type { Diagnostic } from './diagnostics.js';
import { formatPath, offsetOf, type Located } from './json-locations.js';
import { content } from './messages.js';
import { walkWithSchemas } from './schema-walker.js';

/** The `iso8601` definition of the official schema, which every date field refers to. */
const DATE_DEFINITION = /#\/definitions\/iso8601$/;
/** Made on first use: Intl takes 10–20 ms to set up, which valid dates need not wait for. */
let monthNames: Intl.DateTimeFormat | undefined;

export function calendarDateWarnings(doc: Located): Diagnostic[] {
  const found: Diagnostic[] = [];
  walkWithSchemas(doc.value, (current, placed, path) => {
    if (typeof current !== 'string') return;
    if (!placed.some(({ node }) => node.$ref !== undefined && DATE_DEFINITION.test(node.$ref))) {
      return;
    }
    const problem = calendarProblem(current);
    if (!problem) return;
    found.push({
      severity: 'warning',
      path: formatPath(path),
      ...doc.positions(offsetOf(doc.tree, path)),
      value: current,
      ...problem,
    });
  });
  return found;
}

/** What is wrong with a `YYYY-MM` or `YYYY-MM-DD` date the calendar does not have. */
export function calendarProblem(value: string): ReturnType<typeof content.noSuchDay> | undefined {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value);
  if (!match) return undefined;
  const [, year = '', month = '', day] = match;
  const m = Number(month);
  if (m < 1 || m > 12) return content.noSuchMonth(value, month);
  if (day === undefined) return undefined;
  // Day 0 of the next month is the last day of this one.
  const days = new Date(Date.UTC(Number(year), m, 0)).getUTCDate();
  const d = Number(day);
  if (d >= 1 && d <= days) return undefined;
  monthNames ??= new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' });
  const monthName = `${monthNames.format(new Date(Date.UTC(2000, m - 1, 1)))} ${year}`;
  return content.noSuchDay(value, monthName, days, `${year}-${month}`);
}
