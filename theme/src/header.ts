/** The header: name, label, contact line and summary from `basics`. */
import { inlineMarkdown } from './markdown';
import { arr, obj, str, strings } from './text';
import { displayUrl, safeHref, safeImageSrc } from './urls';
import type { Header, Link } from './view-types';

/** Numbers from `phones`, else `phone` split where people separate several numbers. */
function phoneNumbers(basics: Record<string, unknown>): string[] {
  const listed = strings(basics['phones']);
  if (listed.length > 0) return listed;
  return str(basics['phone'])
    .split(/\s[/|;]\s|;/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** A tel: link; shown with non-breaking spaces and hyphens so a number never wraps. */
function phoneLink(phone: string): Link {
  const dialable = phone.replace(/[^\d+]/g, '');
  return {
    text: phone.replace(/\s+/g, '\u00a0').replace(/-/g, '\u2011'),
    href: /\d{3}/.test(dialable) ? `tel:${dialable}` : '',
  };
}

function profileLink(value: unknown): Link | null {
  const profile = obj(value);
  const network = str(profile['network']);
  const username = str(profile['username']);
  const url = str(profile['url']);
  const text = network !== '' && username !== '' ? `${network}: ${username}` : network || username;
  const shown = text !== '' ? text : displayUrl(url);
  return shown === '' ? null : { text: shown, href: safeHref(url) };
}

/** "Beijing, China": the parts present, the country named in the résumé's language. */
export function formatLocation(value: unknown, locale: string): string {
  const location = obj(value);
  const country = countryName(str(location['countryCode']), locale);
  const city = [str(location['postalCode']), str(location['city'])].filter(Boolean).join(' ');
  const parts: string[] = [];
  for (const part of [str(location['address']), city, str(location['region']), country]) {
    // "Singapore, Singapore" says nothing twice.
    if (part !== '' && !parts.some((p) => p.toLowerCase() === part.toLowerCase())) parts.push(part);
  }
  return parts.join(', ');
}

// One Intl.DisplayNames per locale: building one costs far more than a look-up.
const regionNames = new Map<string, Intl.DisplayNames>();

function countryName(code: string, locale: string): string {
  if (!/^[a-z]{2}$/i.test(code)) return code;
  try {
    let names = regionNames.get(locale);
    if (!names) {
      names = new Intl.DisplayNames([locale], { type: 'region' });
      regionNames.set(locale, names);
    }
    return names.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

export function buildHeader(value: unknown, locale: string): Header | null {
  const basics = obj(value);
  const email = str(basics['email']);
  const url = str(basics['url']);
  const location = formatLocation(basics['location'], locale);
  const contacts: Link[] = [
    ...(email !== '' ? [{ text: email, href: safeHref(`mailto:${email}`) }] : []),
    ...phoneNumbers(basics).map(phoneLink),
    ...(url !== '' ? [{ text: displayUrl(url), href: safeHref(url) }] : []),
    ...arr(basics['profiles'])
      .map(profileLink)
      .filter((link): link is Link => link !== null),
    ...(location !== '' ? [{ text: location, href: '' }] : []),
  ];
  const summary = inlineMarkdown(str(basics['summary']));
  const header: Header = {
    name: str(basics['name']),
    label: str(basics['label']),
    image: safeImageSrc(str(basics['image'])),
    contacts,
    summary: summary.html !== '' ? summary : null,
  };
  const empty =
    !header.name && !header.label && !header.image && !contacts.length && !header.summary;
  return empty ? null : header;
}
