/**
 * The Chromium builds that can print a résumé, and which one the export prefers. The headless
 * shell (Debian's `chromium-headless-shell`) is Chromium's renderer without the browser around
 * it: a bare launch → print → close takes about 0.6 of Chromium's time with it, and, launched with
 * LAYOUT_ARGS, it prints the same pages with the same text and links.
 */
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export type EngineKind = 'headless-shell' | 'browser';

export interface Engine {
  kind: EngineKind;
  /** The executable's name on PATH, e.g. `chromium-headless-shell`. */
  name: string;
  path: string;
}

/** Names on PATH, fastest first: a headless shell is used whenever one is installed. */
const ENGINE_NAMES: readonly [string, EngineKind][] = [
  ['chromium-headless-shell', 'headless-shell'],
  ['chrome-headless-shell', 'headless-shell'],
  ['chromium', 'browser'],
  ['chromium-browser', 'browser'],
  ['google-chrome', 'browser'],
  ['google-chrome-stable', 'browser'],
];

/**
 * The headless shell's default font hinting is "full", which also turns off subpixel glyph
 * positioning: every glyph advance is rounded to a whole pixel, so lines come out longer or shorter
 * than in Chromium, words wrap elsewhere and page breaks move (the seed CV printed on three pages).
 * "none" keeps subpixel positioning, as Chromium lays text out; Chromium's pages are the same with it.
 */
export const LAYOUT_ARGS: readonly string[] = ['--font-render-hinting=none'];

/** Debian's packages of both engines: Chromium, which the JSON Resume clients print with, and the shell. */
export const DEBIAN_ENGINE_PACKAGES: readonly string[] = ['chromium', 'chromium-headless-shell'];

/**
 * Executables to start in place of a launcher script. Debian's /usr/bin/chromium-headless-shell
 * runs the shell as its child instead of becoming it (no `exec`): a signal to the process the
 * export started would reach the script and leave the browser running.
 */
const EXECUTABLES: Readonly<Record<string, string>> = {
  '/usr/bin/chromium-headless-shell': '/usr/lib/chromium/chromium-headless-shell',
};

/** Every engine installed on `searchPath`, in order of preference. */
export function installedEngines(searchPath: string): Engine[] {
  const directories = searchPath.split(delimiter).filter(Boolean);
  return ENGINE_NAMES.flatMap(([name, kind]) => {
    const onPath = directories.map((directory) => join(directory, name)).find(existsSync);
    if (!onPath) return [];
    const executable = EXECUTABLES[onPath];
    return [{ kind, name, path: executable && existsSync(executable) ? executable : onPath }];
  });
}
