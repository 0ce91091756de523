/** The names of a site's files, known before any work so they are checked with the others. */
import type { SiteFiles } from './site-meta.js';

/** The page is always index.html, so the site's address shows it. */
export const SITE_PAGE = 'index.html';

/** The files a site holds beside its page. */
export function siteFiles(baseName: string): SiteFiles {
  return { pdf: `${baseName}.pdf`, json: `${baseName}.json` };
}

/** The social card image (not made with --no-index). */
export const CARD_FILE = 'card.png';
