/**
 * The font packages a page may need beyond the theme's embedded fonts: Noto families from npm
 * (@fontsource, TrueType outlines, which Chromium embeds in a PDF as named fonts). They are not
 * installed with the project; the export fetches one the first time a page has text in its script.
 * Versions and integrity hashes are pinned, as a lockfile would pin them.
 *
 * Fetched on first use into a per-user cache ($XDG_CACHE_HOME, else ~/.cache, then
 * camera-ready/fonts), the way the browser is installed on first use: `npm pack` of the pinned
 * version (npm's own registry, proxy and authentication settings apply), the tarball checked
 * against the pinned integrity hash, and only the files that print extracted: unicode.json, the
 * licence, and the woff2 files of the subsets and weights pages use. Each fetch is bounded in time
 * and size, and named in the progress lines.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { extract } from 'tar';
import type { Progress } from '../runtime.js';
import { runProcess } from '../run-process.js';

/** Inclusive [from, to] code point ranges. */
export type Ranges = readonly (readonly [number, number])[];

export interface FontPackage {
  name: string;
  version: string;
  /** The registry's `dist.integrity` of the tarball: what is fetched must hash to it. */
  integrity: string;
  /** The families a page names that this package prints (the theme's CSS names them). */
  families: readonly string[];
  /** The unicode.json key whose files print (a script subset), or 'numbered': CJK's slices. */
  subsets: string;
  /** The characters that call for this package: a page without them never fetches it. */
  script: Ranges;
}

/** Regular, semibold and bold: the weights pages set text in. */
export const FONT_WEIGHTS = [400, 600, 700] as const;

/** The system's names of Noto Sans CJK, which the theme names; each regional form has its package. */
export const CJK_FAMILIES = [
  'Noto Sans CJK SC',
  'Noto Sans CJK TC',
  'Noto Sans CJK HK',
  'Noto Sans CJK JP',
  'Noto Sans CJK KR',
] as const;

const HANGUL: Ranges = [
  [0x1100, 0x11ff],
  [0x3130, 0x318f],
  [0xa960, 0xa97f],
  [0xac00, 0xd7ff],
];
const KANA: Ranges = [
  [0x3040, 0x30ff],
  [0x31f0, 0x31ff],
  [0xff66, 0xff9f],
];
/** Han, CJK punctuation and symbols, full-width forms, with kana and Hangul. */
const CJK: Ranges = [
  [0x2e80, 0x2fdf],
  [0x3000, 0x303f],
  [0x3190, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xffef],
  [0x20000, 0x3134f],
  ...KANA,
  ...HANGUL,
];

const cjk = (region: string, version: string, integrity: string): FontPackage => ({
  name: `@fontsource/noto-sans-${region.toLowerCase()}`,
  version,
  integrity,
  families: CJK_FAMILIES,
  subsets: 'numbered',
  script: CJK,
});

export const CJK_PACKAGES = {
  SC: cjk(
    'SC',
    '5.3.0',
    'sha512-HeqIlGm0+ohOKxZLuHj1qW6r6avHH0OWdKERAcSDI0RQ+MXrteuLKA+M+5eOA8rYy0MFvOR5AT0fQo2rUkye0Q==',
  ),
  TC: cjk(
    'TC',
    '5.3.0',
    'sha512-+0MguVH2vIxkVJLiaMHVKHk+yJZmZvMU9d8z88JdUx8C2CgMLOtm7WNloi3HYlvCNy7TpuvjIUvh5iiGp6INxQ==',
  ),
  JP: cjk(
    'JP',
    '5.3.0',
    'sha512-OZbBzZ8LrFRs2RFT2Cc0HUV2C2ZeSfyEXhDJWR0EZuZaraJfRubpvrFmUnCljuBDEkw8Vn6CE/+nf9dj9b+0lg==',
  ),
  KR: cjk(
    'KR',
    '5.3.0',
    'sha512-/JnpTjaCOXW7xUoqOyCVYSr05VOkDy5Yla9O+WAEiS7u+yYLsmHoqj6v1W0bf91G8G3XA2+NnRS3CX2Tf/FVZg==',
  ),
} as const;

export type CjkRegion = keyof typeof CJK_PACKAGES;

/**
 * The packages for Han in order of preference for a page in `lang`: its own region's forms first.
 * Kana go to the Japanese package, Hangul to the Korean one, whatever the page's language.
 */
export function cjkCandidates(code: number, lang: string): FontPackage[] {
  if (within(HANGUL, code)) return [CJK_PACKAGES.KR];
  if (within(KANA, code)) return [CJK_PACKAGES.JP];
  const first = cjkRegion(lang);
  const order: CjkRegion[] = [first, 'SC', 'TC', 'JP', 'KR'];
  return [...new Set(order)].map((region) => CJK_PACKAGES[region]);
}

/** The regional forms a page in `lang` (a BCP 47 tag) reads Han in. */
function cjkRegion(lang: string): CjkRegion {
  const tag = lang.toLowerCase();
  if (tag.startsWith('ja')) return 'JP';
  if (tag.startsWith('ko')) return 'KR';
  if (/^zh-(hant|tw|hk|mo)\b/.test(tag)) return 'TC';
  return 'SC';
}

const script = (
  name: string,
  version: string,
  family: string,
  integrity: string,
  ranges: Ranges,
): FontPackage => ({
  name: `@fontsource/${name}`,
  version,
  integrity,
  families: [family],
  subsets: name.replace(/^noto-(sans|serif)-/, ''),
  script: ranges,
});

/**
 * Scripts the theme's own families lack, each in its Noto Sans; Bengali in Noto Serif Bengali,
 * whose conjuncts Chromium's PDF writer maps back to text in order (with Noto Sans Bengali a
 * subjoined letter comes out as a word of its own, on a line of its own, so "সুদীপ্ত" is not
 * found in the PDF's text).
 */
export const SCRIPT_PACKAGES: readonly FontPackage[] = [
  script(
    'noto-sans-devanagari',
    '5.3.0',
    'Noto Sans Devanagari',
    'sha512-7khYmipS/5KAUUmrO1DKir8yL8XI00d0+ZE9BqbS8XF1jzObv6CpPOk3UeYxF+Pvi8bx9bBvprBCOcbx/eQWTQ==',
    [
      [0x0900, 0x097f],
      [0x1cd0, 0x1cff],
      [0xa8e0, 0xa8ff],
    ],
  ),
  script(
    'noto-serif-bengali',
    '5.2.8',
    'Noto Serif Bengali',
    'sha512-VKAXA+yme1YsrgEPBwiTa4IXq/2nHpZwvSJ2vJihQPPeNnc7rQjha0asT79bksBLjFwiQ8A4Cbr/p581J/edzQ==',
    [[0x0980, 0x09ff]],
  ),
  script(
    'noto-sans-tamil',
    '5.3.0',
    'Noto Sans Tamil',
    'sha512-webid7fyBljiIEJ1hXuey48vCUe2Oq3/EwYjo6XBtXItO9FoUmqy0bEnXA5iE++iC324BTI8QMy80SYtDheCzA==',
    [
      [0x0b80, 0x0bff],
      [0x11fc0, 0x11fff],
    ],
  ),
  script(
    'noto-sans-thai',
    '5.3.0',
    'Noto Sans Thai',
    'sha512-ngqUyvDukkZUHypQbUJvUdAeYa2aYZsyeDTsdqMudf7GK2F2TK19OZ5kbo+37qsBtkNpmAMhEObQnWnzPqzKUw==',
    [[0x0e00, 0x0e7f]],
  ),
  script(
    'noto-sans-georgian',
    '5.3.0',
    'Noto Sans Georgian',
    'sha512-+a+N1mvCugsggDb5eKPKcwDXQQtbaV+x9/Zo2/p2c9yAZeib+qD2ftbezbPAoLvBf4MP+F8BdDwHdrlnNRSdng==',
    [
      [0x10a0, 0x10ff],
      [0x1c90, 0x1cbf],
      [0x2d00, 0x2d2f],
    ],
  ),
  script(
    'noto-sans-armenian',
    '5.3.0',
    'Noto Sans Armenian',
    'sha512-ot9KkRsd2hDXGIMZQeRSvtsw1uoFIBIS+yL7ZLDHY8GpT2LJz7FaCxGT07Iudu0yNTlSEYNLLAbKcy2ZUIjzUA==',
    [
      [0x0530, 0x058f],
      [0xfb13, 0xfb17],
    ],
  ),
];

export function within(ranges: Ranges, code: number): boolean {
  return ranges.some(([from, to]) => code >= from && code <= to);
}

/** "U+0900-097F,U+25CC" → [[0x900, 0x97f], [0x25cc, 0x25cc]]. */
export function parseUnicodeRange(declared: string): [number, number][] {
  return declared.split(',').map((part) => {
    const [from, to] = part.trim().slice(2).split('-');
    return [parseInt(from!, 16), parseInt(to ?? from!, 16)];
  });
}

/** The longest one package's fetch may take (the largest, a CJK family, is about 40 MB). */
export const FONT_FETCH_LIMIT_MS = 180_000;
/** Larger tarballs are refused: the largest we pin is about 40 MB. */
export const FONT_TARBALL_LIMIT_BYTES = 96 * 1024 * 1024;

export interface FontFetchOptions {
  /** Where the cache is found (XDG_CACHE_HOME, HOME) and the environment npm runs with. */
  env: NodeJS.ProcessEnv;
  progress: Progress;
  /** Never fetch: a package that is not cached yet is unavailable. */
  offline: boolean;
}

/** Why a font package could not be had; the page then prints those characters in a fallback. */
export class FontUnavailable extends Error {}

/** ~/.cache/camera-ready/fonts, or under $XDG_CACHE_HOME when that is set. */
export function fontCacheDir(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache');
  return join(base, 'camera-ready', 'fonts');
}

/** The package's folder in the cache (unicode.json, files/…), fetched first when it is not there. */
export async function cachedFontPackage(
  pkg: FontPackage,
  options: FontFetchOptions,
): Promise<string> {
  const cache = fontCacheDir(options.env);
  const dir = join(cache, `${pkg.name.replace('/', '+')}@${pkg.version}`);
  if (existsSync(join(dir, 'unicode.json'))) return dir;
  const id = `${pkg.name}@${pkg.version}`;
  if (options.offline) {
    throw new FontUnavailable(`${id} is not in ${cache} and --offline forbids fetching it`);
  }
  await mkdir(cache, { recursive: true });
  const staging = await mkdtemp(join(cache, '.fetch-'));
  try {
    options.progress.info(`fetching the font ${id} from the npm registry into ${cache} (once)`);
    await options.progress.step(
      () => fetchInto(pkg, staging, options.env),
      (bytes) => `fetched ${id} (${(bytes / 1024 / 1024).toFixed(1)} MB)`,
    );
    // Another export may have fetched it meanwhile: either copy will do.
    await rename(join(staging, 'package'), dir).catch((error: NodeJS.ErrnoException) => {
      if (!existsSync(join(dir, 'unicode.json'))) throw error;
    });
    return dir;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Packs the tarball into `staging`, checks it, extracts what prints; returns the tarball's size. */
async function fetchInto(pkg: FontPackage, staging: string, env: NodeJS.ProcessEnv) {
  const id = `${pkg.name}@${pkg.version}`;
  // A cache of its own, removed with the staging folder: the fonts are kept once, here.
  const args = [
    'pack',
    id,
    '--json',
    '--pack-destination',
    staging,
    '--cache',
    join(staging, 'npm'),
  ];
  const result = await runProcess('npm', args, { env, timeoutMs: FONT_FETCH_LIMIT_MS }).catch(
    (error: Error) => {
      throw new FontUnavailable(`npm could not be started to fetch ${id}: ${error.message}`);
    },
  );
  if (result.signal !== null) {
    throw new FontUnavailable(
      `fetching ${id} took longer than ${FONT_FETCH_LIMIT_MS / 1000} s and was stopped`,
    );
  }
  if (result.code !== 0) {
    const reason = result.stderr.split('\n').find((line) => /npm error/.test(line)) ?? '';
    throw new FontUnavailable(`npm pack ${id} failed (exit ${result.code}) ${reason}`.trim());
  }
  const tarball = (await readdir(staging)).find((file) => file.endsWith('.tgz'));
  if (!tarball) throw new FontUnavailable(`npm pack ${id} wrote no tarball`);
  const path = join(staging, tarball);
  const { size } = await stat(path);
  if (size > FONT_TARBALL_LIMIT_BYTES) {
    throw new FontUnavailable(`${id} is ${size} bytes, more than the fonts are allowed`);
  }
  const integrity = await sha512(path);
  if (integrity !== pkg.integrity) {
    throw new FontUnavailable(`${id} does not match its pinned integrity hash (got ${integrity})`);
  }
  const wanted = printedFiles(pkg);
  await extract({
    file: path,
    cwd: staging,
    filter: (entry, stat) => 'type' in stat && stat.type === 'File' && wanted(entry),
  });
  return size;
}

async function sha512(path: string): Promise<string> {
  const hash = createHash('sha512');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return `sha512-${hash.digest('base64')}`;
}

/** Which paths of the tarball print: unicode.json, the licence, the subsets' woff2 in our weights. */
function printedFiles(pkg: FontPackage): (path: string) => boolean {
  const slug = pkg.name.split('/')[1]!;
  const subset = pkg.subsets === 'numbered' ? '\\d+' : pkg.subsets;
  const woff2 = new RegExp(
    `^package/files/${slug}-${subset}-(${FONT_WEIGHTS.join('|')})-normal\\.woff2$`,
  );
  return (path) =>
    path === 'package/unicode.json' || path === 'package/LICENSE' || woff2.test(path);
}
