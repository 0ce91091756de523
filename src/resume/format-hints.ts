/**
 * Hints for text that fails a format: dates not in ISO 8601, links and email addresses written
 * the way people paste them.
 */
import { schema as text } from './messages.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ISO_DATE = /^([1-2][0-9]{3}-[0-1][0-9]-[0-3][0-9]|[1-2][0-9]{3}-[0-1][0-9]|[1-2][0-9]{3})$/;

export function dateHint(value: unknown, key: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  if (v === '') return text.emptyDate(key);
  if (/^(present|current|currently|now|today|ongoing|to date|till now|until now)$/i.test(v)) {
    return text.presentAsDate(key);
  }
  const datetime = /^(\d{4}-\d{2}-\d{2})[T ]\d/.exec(v);
  if (datetime?.[1]) return text.datePartOnly(datetime[1]);
  const pad = (n: string | undefined) => (n ?? '').padStart(2, '0');
  let fixed: string | undefined;
  const yearFirst = /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?$/.exec(v);
  const monthFirst = /^(\d{1,2})[-/.](\d{4})$/.exec(v);
  const named = /^([A-Za-z]{3,})\.?,?\s+(\d{4})$/.exec(v);
  if (yearFirst) {
    fixed = `${yearFirst[1]}-${pad(yearFirst[2])}${yearFirst[3] ? `-${pad(yearFirst[3])}` : ''}`;
  } else if (monthFirst) {
    fixed = `${monthFirst[2]}-${pad(monthFirst[1])}`;
  } else if (named) {
    const month = MONTHS.indexOf((named[1] ?? '').slice(0, 3).toLowerCase());
    if (month >= 0) fixed = `${named[2]}-${pad(String(month + 1))}`;
  }
  if (!fixed || !ISO_DATE.test(fixed) || Number(fixed.slice(5, 7)) > 12) return undefined;
  return yearFirst && /^\d{4}-\d{1,2}(-\d{1,2})?$/.test(v)
    ? text.padDate(fixed)
    : text.rewriteDate(fixed);
}

export function urlHint(value: unknown, key: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  if (v === '' || v === '#') return text.removeEmptyField(key);
  if (/\s/.test(value) || /[^\x21-\x7e]/.test(v)) return text.encodeUrl();
  const bare = v.replace(/^\/\//, '');
  if (!/^[a-z][a-z0-9+.-]*:/i.test(v) && /^[\w-]+(\.[\w-]+)+([/?#:]|$)/.test(bare)) {
    return text.addScheme(`https://${bare}`);
  }
  return undefined;
}

export function emailHint(value: unknown, key: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  if (v === '' || v === '#') return text.removeEmptyField(key);
  if (/^mailto:/i.test(v)) return text.dropMailto(v.replace(/^mailto:/i, ''));
  return undefined;
}
