// Cuts the contact icons from two maintained sets, Simple Icons (brands, CC0) and Tabler's filled
// icons (MIT; email, phone, place, web, and LinkedIn, which Simple Icons leaves out), into
// icons/icons.json, which is committed: the build reads it (icons.mjs), so installing the project
// does not install 80 MB of icon sets. Run it when the list or a version changes:
// `node theme/scripts/cut-icons.mjs`. It installs the pinned packages below into a scratch folder.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The icon sets, at the versions last cut. */
const PACKAGES = ['simple-icons@16.37.0', '@tabler/icons@3.54.0'];

const scratch = mkdtempSync(join(tmpdir(), 'camera-ready-icons-'));
execFileSync(
  'npm',
  ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', scratch, ...PACKAGES],
  { stdio: 'inherit' },
);
const require = createRequire(join(scratch, 'node_modules', 'cut.js'));
// Its CommonJS entry, imported by path: the named exports sit on the default export.
const loaded = await import(pathToFileURL(require.resolve('simple-icons')).href);
const simpleIcons = { ...loaded.default, ...loaded };
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
function contactIcons() {
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

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'icons', 'icons.json');
writeFileSync(out, `${JSON.stringify(contactIcons(), null, 2)}\n`);
rmSync(scratch, { recursive: true, force: true });
