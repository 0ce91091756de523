/**
 * The site's index.html: the theme's page with the site's head elements and a bar for the screen
 * only — download the PDF, the JSON, the date of the last update. The theme's markup is otherwise
 * untouched, and print hides the bar, so printing the page still gives the paper layout. Works on
 * any theme's HTML that has `<head>` and `<body>` start tags. Pure: résumé and settings in,
 * escaped HTML out.
 */
import { escapeAttribute as escapeQuotes, escapeText } from 'entities';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { ThemeRenderError } from '../../errors.js';

// The names of a site's files, known before any work so they are checked with the others.

/** The page is always index.html, so the site's address shows it. */
export const SITE_PAGE = 'index.html';

/** The files of a site, by role: the page links to each. */
export interface SiteFiles {
  pdf: string;
  json: string;
  /** The social card image, when one is made. */
  card?: string;
}

/** The files a site holds beside its page. */
export function siteFiles(baseName: string): SiteFiles {
  return { pdf: `${baseName}.pdf`, json: `${baseName}.json` };
}

/** The social card image (not made with --no-index). */
export const CARD_FILE = 'card.png';

/**
 * `&`, `"` and also `<` and `>` escaped (the standard allows those two in a quoted value, but a
 * reader of the source, or a careless parser, should never see markup in a value); other
 * characters stay as they are, so the source stays readable in any script.
 */
function escapeAttribute(value: string): string {
  return escapeQuotes(value).replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// What a shared link and a search engine read from the page: title, description, canonical
// address, Open Graph and Twitter card tags, and JSON-LD (a schema.org Person and one
// ScholarlyArticle per publication).

export interface SiteSettings {
  /** Where the site is published (--site-url, else basics.url); absolute http(s) only. */
  url?: string;
  /** A CV not meant for search engines: robots noindex, and no card. */
  noIndex: boolean;
  /** The date of the last update, YYYY-MM-DD. */
  updated: string;
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

// The site's icon: the person's initials on the theme's accent colour, as an SVG data address.

/** Up to two initials: the first letters of the first and last words of the name. */
export function initials(name: string | undefined): string {
  const words = (name ?? '').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return 'CV';
  const first = Array.from(words[0]!)[0] ?? '';
  const last = words.length > 1 ? (Array.from(words.at(-1)!)[0] ?? '') : '';
  return (first + last).toLocaleUpperCase();
}

export function faviconSvg(name: string | undefined, accent: string): string {
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">',
    `<rect width="64" height="64" rx="12" fill="${escapeAttribute(accent)}"/>`,
    '<text x="32" y="33" dominant-baseline="central" text-anchor="middle" font-family="Georgia, serif" font-size="28" font-weight="700" fill="#fff">',
    escapeText(initials(name)),
    '</text></svg>',
  ].join('');
}

/** The icon inline, so showing it makes no request. */
export function faviconDataUrl(svg: string): string {
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

// The page: the head elements in the theme's head, the bar at the top of its body.

export interface SiteBar {
  files: SiteFiles;
  /** YYYY-MM-DD */
  updated: string;
}

const BAR_STYLE = `<style>
@media screen {
  .site-bar { display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; align-items: center;
    justify-content: center; margin: 0; padding: .6rem 1rem; font: inherit; font-size: .9rem;
    line-height: 1.4; color: #1a1a1a; background: #f2f2f0; border-bottom: 1px solid #d4d4d0; }
  .site-bar a { color: #0b4f8a; text-decoration: underline; text-underline-offset: .15em; }
  .site-bar a:focus-visible { outline: 2px solid #0b4f8a; outline-offset: 2px; }
  .site-bar p { margin: 0; color: #444; }
}
@media print { .site-bar { display: none !important; } }
</style>`;

/** "7 December 2026" for 2026-12-07, in English like the bar's other words; UTC so it never shifts. */
function longDate(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  return date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

export function siteBar({ files, updated }: SiteBar): string {
  return [
    '<nav class="site-bar" aria-label="Downloads" dir="ltr" lang="en">',
    `<a href="${escapeAttribute(files.pdf)}" download>Download PDF</a>`,
    `<a href="${escapeAttribute(files.json)}" type="application/json">JSON Resume</a>`,
    `<p>Updated <time datetime="${escapeAttribute(updated)}">${escapeText(longDate(updated))}</time></p>`,
    '</nav>',
  ].join('\n');
}

const HEAD = /<head(?:\s[^>]*)?>/i;
const BODY = /<body(?:\s[^>]*)?>/i;
const TITLE = /<title(?:\s[^>]*)?>[\s\S]*?<\/title\s*>\n?/gi;
const DESCRIPTION = /<meta\s[^>]*name=["']?description["']?[^>]*>\n?/gi;

/**
 * The theme's HTML with the head elements at the end of its head (after its charset; its own
 * title and description give way to the site's) and the bar at the top of `<body>`.
 */
export function sitePage(html: string, head: string[], bar: SiteBar): string {
  const headTag = HEAD.exec(html);
  const bodyTag = BODY.exec(html);
  if (!headTag || !bodyTag || bodyTag.index < headTag.index) {
    throw new ThemeRenderError(
      "Export to SITE failed: the theme's page has no <head> and <body> start tags, so the site's title, links and bar have nowhere to go. Export --format html to see the page, or choose another theme.",
    );
  }
  const headEnd = headTag.index + headTag[0].length;
  const bodyEnd = bodyTag.index + bodyTag[0].length;
  const between = html.slice(headEnd, bodyTag.index);
  // The end tag is optional in HTML: without one, the head ends where the body starts.
  const close = between.search(/<\/head\s*>/i);
  const themeHead = (close < 0 ? between : between.slice(0, close))
    .replace(TITLE, '')
    .replace(DESCRIPTION, '');
  return [
    html.slice(0, headEnd),
    themeHead.endsWith('\n') ? themeHead : `${themeHead}\n`,
    [...head, BAR_STYLE].join('\n'),
    '\n',
    close < 0 ? '' : between.slice(close),
    bodyTag[0],
    '\n',
    siteBar(bar),
    html.slice(bodyEnd),
  ].join('');
}
