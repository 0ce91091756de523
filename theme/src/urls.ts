/**
 * The one rule for every link in the page: only web, mail and phone links and in-page
 * fragments become hrefs. Anything else (javascript:, data:, relative paths) is shown as text.
 */

const SAFE_SCHEME = /^(https?:\/\/|mailto:|tel:)/i;

/** The URL when it may be used as an href, else ''. */
export function safeHref(url: string): string {
  const trimmed = url.trim();
  // Control characters and whitespace inside a URL are how scheme filters get bypassed.
  if (/[\u0000-\u0020\u007f]/.test(trimmed)) return '';
  if (trimmed.startsWith('#') || SAFE_SCHEME.test(trimmed)) return trimmed;
  return '';
}

/** What a reader sees for a URL: no scheme, no "www.", no trailing slash. */
export function displayUrl(url: string): string {
  return url
    .trim()
    .replace(/^(https?:\/\/|mailto:|tel:)/i, '')
    .replace(/^www\./i, '')
    .replace(/\/$/, '');
}

const SAFE_IMAGE = /^data:image\/(png|jpeg|gif|webp);base64,[a-z0-9+/=]+$/i;

/**
 * The photo when it is an embedded raster image or an https address, else ''. An address is
 * shown as every theme shows it when resume-cli or resumed prints the page; our exporter fetches
 * it itself and embeds it before rendering, so its sealed page never reaches the network.
 */
export function safeImageSrc(url: string): string {
  const trimmed = url.trim();
  if (SAFE_IMAGE.test(trimmed)) return trimmed;
  return /^https:\/\/[^/]/i.test(trimmed) && safeHref(trimmed) !== '' ? trimmed : '';
}
