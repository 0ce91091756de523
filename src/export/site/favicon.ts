/** The site's icon: the person's initials on the theme's accent colour, as an SVG data address. */
import { escapeText } from 'entities';
import { escapeAttribute } from './escape.js';

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
