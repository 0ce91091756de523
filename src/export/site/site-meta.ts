/**
 * What a shared link and a search engine read from the site's page: title, description, canonical
 * address, Open Graph and Twitter card tags, and JSON-LD (a schema.org Person and one
 * ScholarlyArticle per publication). Pure: résumé and settings in, escaped HTML out.
 */
import { escapeText } from 'entities';
import { escapeAttribute } from './escape.js';
import type { Resume } from 'jsonresume-theme-camera-ready';

export interface SiteSettings {
  /** Where the site is published (--site-url, else basics.url); absolute http(s) only. */
  url?: string;
  /** A CV not meant for search engines: robots noindex, and no card. */
  noIndex: boolean;
  /** The date of the last update, YYYY-MM-DD. */
  updated: string;
}

/** The files of a site, by role: the page links to each. */
export interface SiteFiles {
  pdf: string;
  json: string;
  /** The social card image, when one is made. */
  card?: string;
}

/** An absolute http(s) address with nothing that could break out of it, else undefined. */
export function webAddress(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (/[\u0000-\u0020\u007f]/.test(trimmed)) return undefined;
  try {
    const url = new URL(trimmed);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Where the site lives, with a trailing slash so file names resolve inside it. */
function siteRoot(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/** Markdown's emphasis, code and link syntax removed: descriptions are plain text. */
function plainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** At most `limit` characters, cut at a word boundary with an ellipsis. */
function shortened(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > limit / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The organisation the person is with now: a current job, else a current (or latest) study. */
export function affiliationOf(resume: Resume): string | undefined {
  // `company` is the pre-1.0 name of `name`, still common in published résumés.
  const employer = (job: { name?: string; company?: unknown }) =>
    job.name ?? (typeof job.company === 'string' ? job.company : undefined);
  const current = (resume.work ?? []).find((job) => !job.endDate && employer(job));
  if (current) return employer(current);
  const study = (resume.education ?? []).find((entry) => entry.institution);
  return study?.institution;
}

/** The affiliation, unless the label names it already ("…, National University of Singapore"). */
export function affiliationBesideLabel(resume: Resume): string | undefined {
  const affiliation = affiliationOf(resume);
  const label = resume.basics?.label ?? '';
  return affiliation && label.includes(affiliation.replace(/\s*\(.*\)$/, ''))
    ? undefined
    : affiliation;
}

export function siteTitle(resume: Resume): string {
  const name = resume.basics?.name?.trim() || 'Curriculum vitae';
  const label = resume.basics?.label?.trim();
  return label ? `${name} — ${label}` : name;
}

export function siteDescription(resume: Resume): string {
  const summary = resume.basics?.summary ? plainText(resume.basics.summary) : '';
  const fallback = [resume.basics?.label, affiliationBesideLabel(resume)]
    .filter(Boolean)
    .join(', ');
  return shortened(summary || fallback || siteTitle(resume), 200);
}

/** JSON for a `<script>` element: nothing in it can close the element or start a comment. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The schema.org description: the Person, and each publication as a ScholarlyArticle by them. */
export function jsonLd(resume: Resume, settings: SiteSettings): unknown {
  const basics = resume.basics ?? {};
  const root = settings.url && siteRoot(settings.url);
  const personId = `${root ?? ''}#person`;
  const affiliation = affiliationOf(resume);
  const sameAs = (basics.profiles ?? [])
    .map((profile) => webAddress(profile.url))
    .filter((url): url is string => url !== undefined);
  const person = prune({
    '@type': 'Person',
    '@id': personId,
    name: basics.name,
    jobTitle: basics.label,
    affiliation: affiliation && { '@type': 'Organization', name: affiliation },
    url: root ?? webAddress(basics.url),
    sameAs: sameAs.length > 0 ? sameAs : undefined,
  });
  const articles = (resume.publications ?? [])
    .filter((publication) => publication.name)
    .map((publication) =>
      prune({
        '@type': 'ScholarlyArticle',
        name: publication.name,
        headline: publication.name,
        datePublished: publication.releaseDate,
        publisher: publication.publisher && {
          '@type': 'Organization',
          name: publication.publisher,
        },
        url: webAddress(publication.url),
        author: { '@id': personId },
      }),
    );
  return { '@context': 'https://schema.org', '@graph': [person, ...articles] };
}

/** The object without its undefined and empty-string fields. */
function prune(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(object).filter(([, value]) => value !== undefined && value !== ''),
  );
}

const meta = (attribute: 'name' | 'property', key: string, content: string) =>
  `<meta ${attribute}="${key}" content="${escapeAttribute(content)}">`;

/** The elements the site adds to the theme's `<head>`, one a line. */
export function headElements(
  resume: Resume,
  settings: SiteSettings,
  files: SiteFiles,
  favicon: string,
): string[] {
  const title = siteTitle(resume);
  const description = siteDescription(resume);
  const root = settings.url && siteRoot(settings.url);
  const card = !settings.noIndex && files.card && root ? new URL(files.card, root).href : undefined;
  return [
    // Search engines show about 70 characters of a title; cards show more.
    `<title>${escapeText(shortened(title, 70))}</title>`,
    meta('name', 'description', description),
    settings.noIndex ? meta('name', 'robots', 'noindex, nofollow') : '',
    root ? `<link rel="canonical" href="${escapeAttribute(root)}">` : '',
    `<link rel="icon" type="image/svg+xml" href="${escapeAttribute(favicon)}">`,
    `<link rel="alternate" type="application/json" href="${escapeAttribute(files.json)}" title="JSON Resume">`,
    meta('property', 'og:type', 'profile'),
    meta('property', 'og:title', title),
    meta('property', 'og:description', description),
    root ? meta('property', 'og:url', root) : '',
    card ? meta('property', 'og:image', card) : '',
    card ? meta('property', 'og:image:width', '1200') : '',
    card ? meta('property', 'og:image:height', '630') : '',
    card ? meta('name', 'twitter:card', 'summary_large_image') : '',
    card ? meta('name', 'twitter:title', title) : '',
    card ? meta('name', 'twitter:description', description) : '',
    card ? meta('name', 'twitter:image', card) : '',
    `<script type="application/ld+json">${scriptJson(jsonLd(resume, settings))}</script>`,
  ].filter((element) => element !== '');
}
