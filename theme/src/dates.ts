/**
 * Dates as a CV shows them: month and year, in UTC (a date on the 1st must not become the
 * previous month in a western time zone), month names from `Intl` in the résumé's locale.
 */

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
    format = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
    monthYearFormats.set(locale, format);
  }
  return format;
}

/** Formats dates for one locale; build once per render. */
export class DateFormatter {
  // Month and year together: the locale then picks the form and order ("März 2024", "2024年3月").
  private readonly monthYear: Intl.DateTimeFormat;

  constructor(locale: string) {
    this.monthYear = monthYearFormat(locale);
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

  /** The year of a date, or '' when there is none. */
  year(value: string): string {
    return parse(value)?.year.toString() ?? '';
  }

  /**
   * A period: "Aug 2019 – Jul 2022", "Jan – Apr 2026" (same year), "2020 – 2023",
   * "Jan 2023 – Present" (no end), "… – Jan 2027 (expected)".
   */
  range(start: string, end: string, expected: boolean): string {
    const suffix = expected && end !== '' ? ' (expected)' : '';
    if (start === '') return end === '' ? '' : this.date(end) + suffix;
    if (end === '') return `${this.date(start)} – Present`;
    const from = parse(start);
    const to = parse(end);
    if (!from || !to) return `${this.date(start)} – ${this.date(end)}${suffix}`;
    if (from.year === to.year) {
      if (from.month === to.month) return this.full(to) + suffix;
      if (from.month !== undefined && to.month !== undefined) {
        return `${this.month(from.month)} – ${this.full(to)}${suffix}`;
      }
    }
    return `${this.full(from)} – ${this.full(to)}${suffix}`;
  }
}
