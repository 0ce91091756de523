// The contact icons, cut at build time from two maintained sets: Simple Icons (brands, CC0) and
// Tabler's filled icons (MIT; email, phone, place, web, and LinkedIn, which Simple Icons leaves
// out). Each becomes one small inline <svg> drawn in the text colour; the theme reads no file at
// render time.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as simpleIcons from 'simple-icons';

const require = createRequire(import.meta.url);
const tabler = (name) => readFileSync(require.resolve(`@tabler/icons/filled/${name}.svg`), 'utf8');
/** Simple Icons exports each brand as `si` + its slug, capitalised: siGithub, siX. */
const brand = (slug) => simpleIcons[`si${slug[0].toUpperCase()}${slug.slice(1)}`].svg;

/** Our name for each icon (src/icons.ts) → its SVG source. */
const SOURCES = {
  email: tabler('mail'),
  phone: tabler('phone'),
  location: tabler('map-pin'),
  website: tabler('world'),
  linkedin: tabler('brand-linkedin'),
  ...Object.fromEntries(
    [
      'github',
      'gitlab',
      'codeberg',
      'bitbucket',
      'googlescholar',
      'semanticscholar',
      'orcid',
      'researchgate',
      'dblp',
      'x',
      'mastodon',
      'bluesky',
      'threads',
      'stackoverflow',
      'kaggle',
      'huggingface',
      'medium',
      'youtube',
    ].map((slug) => [slug, brand(slug)]),
  ),
};

/** The drawing inside a source SVG, without its title, comments or Tabler's empty 24×24 box. */
function drawing(svg, name) {
  const viewBox = /viewBox="([^"]+)"/.exec(svg)?.[1];
  const inner = /<svg[^>]*>([\s\S]*)<\/svg>/.exec(svg)?.[1];
  if (!viewBox || inner === undefined) throw new Error(`icon ${name}: not an SVG`);
  const paths = inner
    .replace(/<!--[\s\S]*?-->|<title>[\s\S]*?<\/title>/g, '')
    .replace(/<path stroke="none" d="M0 0h24v24H0z" fill="none"\s*\/>/g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*\/>/g, '/>')
    .replace(/>\s+</g, '><')
    .trim();
  return { viewBox, paths };
}

/** Markup for each icon, hidden from assistive technology: the text beside it says what it is. */
export function contactIcons() {
  return Object.fromEntries(
    Object.entries(SOURCES).map(([name, svg]) => {
      const { viewBox, paths } = drawing(svg, name);
      return [
        name,
        `<svg class="icon icon-${name}" viewBox="${viewBox}" fill="currentColor" aria-hidden="true" focusable="false">${paths}</svg>`,
      ];
    }),
  );
}
