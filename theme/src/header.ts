/** The header: name, label, contact line and summary from `basics`. */
import { leaves, leftovers, unlinked, type Detail, type Fields } from './details';
import { iconMarkup, profileIcon, type IconName } from './icons';
import { inlineMarkdown } from './markdown';
import { arr, obj, str, strings } from './text';
import { displayUrl, safeHref, safeImageSrc } from './urls';
import type { Contact, Header, Link } from './view-types';

export const LOCATION_FIELDS: Fields = {
  address: 'text',
  postalCode: 'text',
  city: 'text',
  countryCode: 'text',
  region: 'text',
};

const BASICS: Fields = {
  name: 'text',
  label: 'text',
  // The photo, embedded or at an https address; any other address is shown as text.
  image: 'custom',
  email: 'text',
  // `phones` lists the numbers `phone` holds as one string: shown in its place.
  phone: 'custom',
  phones: 'list',
  url: 'text',
  summary: 'text',
  location: 'custom',
  profiles: 'custom',
};

const PROFILE: Fields = { network: 'text', username: 'text', url: 'text' };

/** Numbers from `phones`, else `phone` split where people separate several numbers. */
function phoneNumbers(basics: Record<string, unknown>): string[] {
  const listed = strings(basics['phones']);
  if (listed.length > 0) return listed;
  return str(basics['phone'])
    .split(/\s[/|;]\s|;/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** A tel: link, shown as written (the style sheet keeps each contact on one line). */
function phoneLink(phone: string): Link {
  const dialable = phone.replace(/[^\d+]/g, '');
  return { text: phone, href: /\d{3}/.test(dialable) ? `tel:${dialable}` : '' };
}

function profileLink(value: unknown): Link | null {
  if (typeof value === 'string') return { text: displayUrl(value), href: safeHref(value) };
  const profile = obj(value);
  const network = str(profile['network']);
  const username = str(profile['username']);
  const url = str(profile['url']);
  const text = network !== '' && username !== '' ? `${network}: ${username}` : network || username;
  const shown = text !== '' ? text : displayUrl(url);
  return shown === '' ? null : { text: shown, href: safeHref(url) };
}

function profileContactIcon(value: unknown): IconName {
  if (typeof value === 'string') return profileIcon('', value);
  const profile = obj(value);
  return profileIcon(str(profile['network']), str(profile['url']));
}

/** "Beijing, China": the parts present, the country named in the résumé's language. */
export function formatLocation(value: unknown, locale: string, comma: string): string {
  const location = obj(value);
  const country = countryName(str(location['countryCode']), locale);
  const city = [str(location['postalCode']), str(location['city'])].filter(Boolean).join(' ');
  const parts: string[] = [];
  for (const part of [str(location['address']), city, str(location['region']), country]) {
    // "Singapore, Singapore" says nothing twice.
    if (part !== '' && !parts.some((p) => p.toLowerCase() === part.toLowerCase())) parts.push(part);
  }
  return parts.join(comma);
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

/** A profile's fields the contact line cannot show, its address when that cannot be a link. */
function profileDetails(profile: Record<string, unknown>): Detail[] {
  const shown = profileLink(profile)?.text ?? '';
  const url = str(profile['url']);
  return [
    ...leftovers(profile, PROFILE),
    ...(shown === displayUrl(url) ? [] : unlinked('url', url, shown)),
  ];
}

/** What the header cannot show in its designed places. */
function headerDetails(basics: Record<string, unknown>): Detail[] {
  const location = basics['location'];
  const profiles = basics['profiles'];
  const phone = basics['phone'];
  const image = str(basics['image']);
  // A photo at an address that cannot be an image source (http:) is shown as its address.
  const remoteImage = safeImageSrc(image) === '' && /^https?:/i.test(image);
  return [
    ...leftovers(basics, BASICS),
    ...(remoteImage ? leaves(image, 'image') : []),
    ...(typeof location === 'string'
      ? []
      : location !== null && typeof location === 'object' && !Array.isArray(location)
        ? leftovers(obj(location), LOCATION_FIELDS)
        : leaves(location, 'location')),
    ...(Array.isArray(profiles)
      ? profiles.flatMap((p) => (typeof p === 'string' ? [] : profileDetails(obj(p))))
      : leaves(profiles, 'profiles')),
    ...(typeof phone === 'string' || typeof phone === 'number' ? [] : leaves(phone, 'phone')),
  ];
}

/** The header; `icons` puts each contact's icon before it. */
export function buildHeader(
  value: unknown,
  locale: string,
  comma: string,
  icons: boolean,
): Header | null {
  const basics = obj(value);
  const contact = (link: Link, icon: IconName): Contact => ({
    ...link,
    icon: icons ? iconMarkup(icon) : '',
  });
  const email = str(basics['email']);
  const url = str(basics['url']);
  const location =
    typeof basics['location'] === 'string'
      ? str(basics['location'])
      : formatLocation(basics['location'], locale, comma);
  const contacts: Contact[] = [
    ...(email !== '' ? [contact({ text: email, href: safeHref(`mailto:${email}`) }, 'email')] : []),
    ...phoneNumbers(basics).map((phone) => contact(phoneLink(phone), 'phone')),
    ...(url !== '' ? [contact({ text: displayUrl(url), href: safeHref(url) }, 'website')] : []),
    ...arr(basics['profiles']).flatMap((profile) => {
      const link = profileLink(profile);
      return link ? [contact(link, profileContactIcon(profile))] : [];
    }),
    ...(location !== '' ? [contact({ text: location, href: '' }, 'location')] : []),
  ];
  const summary = inlineMarkdown(str(basics['summary']));
  const header: Header = {
    name: str(basics['name']),
    label: str(basics['label']),
    image: safeImageSrc(str(basics['image'])),
    contacts,
    summary: summary.html !== '' ? summary : null,
    details: headerDetails(basics),
  };
  const empty =
    !header.name &&
    !header.label &&
    !header.image &&
    !contacts.length &&
    !header.summary &&
    !header.details.length;
  return empty ? null : header;
}
