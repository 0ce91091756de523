/**
 * Dates as a CV shows them: month and year, in UTC (a date on the 1st must not become the
 * previous month in a western time zone), month names from `Intl` in the résumé's locale.
 */

import { fill, type Labels } from './labels';

/** A parsed `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; day precision is not shown on a CV. */
interface PartialDate {
  year: number;
  /** 0–11, absent for year-only dates. */
  month?: number;
}

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function parse(value: string): PartialDate | undefined {
  const match = ISO.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  if (match[2] === undefined) return { year };
  const month = Number(match[2]) - 1;
  return month >= 0 && month <= 11 ? { year, month } : { year };
}

// Building an Intl formatter costs far more than formatting with one: keep one per locale.
const monthYearFormats = new Map<string, Intl.DateTimeFormat>();

function monthYearFormat(locale: string): Intl.DateTimeFormat {
  let format = monthYearFormats.get(locale);
  if (!format) {
    // Digits and years as the résumé writes them (Arabic locales would otherwise switch to
    // ٠١٢…, Persian and Thai ones to their own calendars' years).
    format = new Intl.DateTimeFormat(locale, {
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
      numberingSystem: 'latn',
      calendar: 'gregory',
    });
    monthYearFormats.set(locale, format);
  }
  return format;
}

/** Formats dates for one locale; build once per render. */
export class DateFormatter {
  private readonly labels: Pick<Labels, 'present' | 'expected'>;

  // Month and year together: the locale then picks the form and order ("März 2024", "2024年3月").
  private readonly monthYear: Intl.DateTimeFormat;

  constructor(locale: string, labels: Pick<Labels, 'present' | 'expected'>) {
    this.monthYear = monthYearFormat(locale);
    this.labels = labels;
  }

  private month(month: number): string {
    const parts = this.monthYear.formatToParts(new Date(Date.UTC(2000, month, 1)));
    return parts.find((part) => part.type === 'month')?.value ?? String(month + 1);
  }

  private full(date: PartialDate): string {
    return date.month === undefined
      ? String(date.year)
      : this.monthYear.format(new Date(Date.UTC(date.year, date.month, 1)));
  }

  /** One date: "Mar 2022", "2022"; unparseable text is shown as written. */
  date(value: string): string {
    if (value === '') return '';
    const parsed = parse(value);
    return parsed ? this.full(parsed) : value;
  }

  /** The year of a date; text that is not a date is shown as written. */
  year(value: string): string {
    return parse(value)?.year.toString() ?? value;
  }

  /**
   * A period: "Aug 2019 – Jul 2022", "Jan – Apr 2026" (same year), "2020 – 2023",
   * "Jan 2023 – Present" (no end), "… – Jan 2027 (expected)".
   */
  range(start: string, end: string, expected: boolean): string {
    const mark = (text: string) =>
      expected && end !== '' ? fill(this.labels.expected, text) : text;
    if (start === '') return end === '' ? '' : mark(this.date(end));
    if (end === '') return `${this.date(start)} – ${this.labels.present}`;
    const from = parse(start);
    const to = parse(end);
    if (!from || !to) return mark(`${this.date(start)} – ${this.date(end)}`);
    if (from.year === to.year) {
      if (from.month === to.month) return mark(this.full(to));
      if (from.month !== undefined && to.month !== undefined) {
        return mark(`${this.month(from.month)} – ${this.full(to)}`);
      }
    }
    return mark(`${this.full(from)} – ${this.full(to)}`);
  }
}
