/**
 * LinkedIn's dates as JSON Resume's ISO dates. Its exports write "Feb 2022" and "2014" for
 * positions and education, "6/1/15" (month/day/two-digit year, US order) in older files, and
 * "01 Jan 2024" or ISO dates in some columns.
 */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const two = (n: number) => String(n).padStart(2, '0');

function monthOf(word: string): number | undefined {
  const index = MONTHS.indexOf(word.slice(0, 3).toLowerCase());
  return index < 0 ? undefined : index + 1;
}

function valid(year: number, month?: number, day?: number): boolean {
  if (year < 1000 || year > 2999) return false;
  if (month !== undefined && (month < 1 || month > 12)) return false;
  if (day === undefined || month === undefined) return true;
  return day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(year: number, month?: number, day?: number): string | undefined {
  if (!valid(year, month, day)) return undefined;
  return [String(year), month && two(month), day && two(day)].filter(Boolean).join('-');
}

/** Two-digit years: LinkedIn started in 2003, so 00–69 are this century. */
const fullYear = (text: string) =>
  text.length === 2 ? 2000 + Number(text) - (Number(text) >= 70 ? 100 : 0) : Number(text);

/** The ISO date for `text`, undefined when it is empty or not a date LinkedIn writes. */
export function isoDate(text: string): string | undefined {
  const value = text.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value)))
    return iso(Number(m[1]), m[2] ? Number(m[2]) : undefined, m[3] ? Number(m[3]) : undefined);
  if ((m = /^([A-Za-z]{3,9})\.? (\d{4})$/.exec(value))) {
    const month = monthOf(m[1]!);
    return month ? iso(Number(m[2]), month) : undefined;
  }
  if ((m = /^(\d{1,2}) ([A-Za-z]{3,9})\.? (\d{4})$/.exec(value))) {
    const month = monthOf(m[2]!);
    return month ? iso(Number(m[3]), month, Number(m[1])) : undefined;
  }
  if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(value)))
    return iso(fullYear(m[3]!), Number(m[1]), Number(m[2]));
  return undefined;
}
