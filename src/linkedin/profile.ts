/**
 * LinkedIn's profile as `basics`: name, headline, summary, the first website, the place (the
 * country's name turned into its code), the address marked primary, the phone numbers. The birth
 * date, postal address, maiden name and messenger handles in Profile.csv are never read.
 */
import type { Basics, Location } from 'jsonresume-theme-camera-ready';
import type { LinkedInFile } from './archive.js';
import type { CsvRow } from './csv.js';

/** An item without its empty fields. */
export function compact<T extends object>(item: T): T {
  return Object.fromEntries(
    Object.entries(item).filter(([, value]) => value !== undefined && value !== ''),
  ) as T;
}

const regionCodes = (() => {
  const names = new Intl.DisplayNames('en', { type: 'region' });
  const codes = new Map<string, string>();
  for (let a = 65; a <= 90; a++)
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const name = names.of(code);
      if (name && name !== code) codes.set(name.toLowerCase(), code);
    }
  return codes;
})();

/** "Lyon, Auvergne-Rhône-Alpes, France" → city, region and country code. */
function locationOf(text: string): Location | undefined {
  const parts = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length === 0) return undefined;
  const countryCode = regionCodes.get(parts.at(-1)!.toLowerCase());
  if (countryCode) parts.pop();
  const [city, ...rest] = parts;
  return compact({ city, region: rest.join(', ') || undefined, countryCode });
}

/** The profile, the primary email address and the phone numbers, as `basics`. */
export function basicsOf(rows: (file: LinkedInFile) => CsvRow[]): Basics {
  const [profile] = rows('Profile.csv').map((row) => {
    const websites = row.get('Websites');
    // "[PERSONAL:https://a.example,BLOG:https://b.example]": the first address.
    const site = /https?:\/\/[^\s,\]]+/.exec(websites)?.[0];
    return compact({
      name: [row.get('First Name'), row.get('Last Name')].filter(Boolean).join(' '),
      label: row.get('Headline'),
      summary: row.get('Summary'),
      url: site && URL.canParse(site) ? site : undefined,
      location: locationOf(row.get('Geo Location')),
    } satisfies Basics);
  });
  const emails = rows('Email Addresses.csv')
    .map((row) => ({
      address: row.get('Email Address'),
      primary: /^yes$/i.test(row.get('Primary')),
    }))
    .filter((e) => e.address !== '');
  const email = (emails.find((e) => e.primary) ?? emails[0])?.address;
  const phones = [
    ...new Set(
      rows('PhoneNumbers.csv')
        .map((row) =>
          [row.get('Number'), row.get('Extension') && `ext. ${row.get('Extension')}`]
            .filter(Boolean)
            .join(' '),
        )
        .filter(Boolean),
    ),
  ];
  return compact({
    ...profile,
    email,
    phone: phones.length > 0 ? phones.join(' / ') : undefined,
    phones: phones.length > 1 ? phones : undefined,
  });
}
