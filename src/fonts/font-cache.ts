/**
 * Font packages fetched on first use into a per-user cache ($XDG_CACHE_HOME, else ~/.cache, then
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
import { runProcess } from '../process/run.js';
import { FONT_WEIGHTS, type FontPackage } from './font-packages.js';

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
