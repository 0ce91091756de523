/**
 * The site's index.html: the theme's page with the site's head elements (site-meta.ts) and a bar
 * for the screen only — download the PDF, the JSON, the date of the last update. The theme's
 * markup is otherwise untouched, and print hides the bar, so printing the page still gives the
 * paper layout. Works on any theme's HTML that has `<head>` and `<body>` start tags.
 */
import { escapeText } from 'entities';
import { escapeAttribute } from './escape.js';
import { ThemeRenderError } from '../../errors.js';
import type { SiteFiles } from './site-meta.js';

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
