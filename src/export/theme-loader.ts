/**
 * Themes in this process: finding and loading any JSON Resume theme (ESM or CommonJS, sync or
 * async `render`), choosing which one renders a résumé, and saying in one line whatever a theme
 * throws. The export runs the theme in a child process (theme-render.ts, theme-worker.ts); the
 * preview and the maintainers' tools load it here.
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PDFOptions } from 'puppeteer';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { InputError, ThemeLoadError, ThemeRenderError } from '../errors.js';

/** What a theme may export beside `render`: page.pdf options, plus the media type to emulate. */
export type ThemePdfOptions = PDFOptions & { mediaType?: 'screen' | 'print' };

export interface LoadedTheme {
  /** The package name (or folder name of an unpublished theme). */
  name: string;
  /** The theme's render, awaited; failures are ThemeRenderErrors that name the theme. */
  render: (resume: Resume) => Promise<string>;
  pdfRenderOptions: ThemePdfOptions;
  /** The theme's folder (or file), e.g. to watch it for changes. */
  location: string;
}

export interface LoadThemeOptions {
  /**
   * Load the theme's current files, not the modules this process loaded before (the preview
   * server reloads an edited theme this way): CommonJS modules under the theme's folder leave
   * require's cache and the CommonJS entry is required again; an ES module theme is imported
   * under a new URL, which refreshes its entry file only.
   */
  fresh?: boolean;
  /** Told the theme's name once its entry is found, before any of its code runs. */
  onFound?: (name: string) => void;
}

interface PackageJson {
  name?: string;
  main?: string;
  module?: string;
  exports?: unknown;
}

/** A local path (`./theme`, `/abs/theme`, `../x`), else a package name; `even` is short for `jsonresume-theme-even`. */
export function themePackageName(spec: string): string | undefined {
  if (spec.startsWith('.') || isAbsolute(spec)) return undefined;
  if (spec.startsWith('@') || spec.startsWith('jsonresume-theme-')) return spec;
  return `jsonresume-theme-${spec}`;
}

/**
 * Loads any JSON Resume theme, ESM or CommonJS, with a sync or async `render`: a local folder or
 * file, or a package installed in `cwd`'s node_modules (or above).
 */
export async function loadTheme(
  spec: string,
  cwd: string,
  loadOptions: LoadThemeOptions = {},
): Promise<LoadedTheme> {
  const packageName = themePackageName(spec);
  const location = findTheme(spec, cwd);
  if (!location) {
    throw new InputError(
      packageName
        ? `Theme ${packageName} is not installed in ${cwd}. Install it with \`npm install ${packageName}\`, or pass a folder with --theme ./path.`
        : `Theme folder ${resolve(cwd, spec)} does not exist. Pass a theme folder or an installed theme package with --theme.`,
    );
  }
  const { entry, name } = themeEntry(location, loadOptions.fresh ? REQUIRE : IMPORT);
  loadOptions.onFound?.(name);

  let render: unknown;
  let options: unknown;
  try {
    const module = loadOptions.fresh
      ? await loadFresh(entry, location)
      : ((await import(pathToFileURL(entry).href)) as Record<string, unknown>);
    // A CommonJS theme whose exports are not statically visible arrives as `default` only.
    // Reading the exports runs the theme's code too (a getter), so it fails the same way.
    const fallback = isRecord(module.default) ? module.default : {};
    render = module.render ?? fallback.render;
    options = module.pdfRenderOptions ?? fallback.pdfRenderOptions;
  } catch (error) {
    throw new ThemeLoadError(`Theme ${name} could not be loaded: ${describeThrown(error)}`);
  }
  if (typeof render !== 'function') {
    throw new ThemeLoadError(
      `Theme ${name} (${entry}) exports no render function; a JSON Resume theme must export render(resume).`,
    );
  }
  return {
    name,
    location,
    pdfRenderOptions: isRecord(options) ? options : {},
    async render(resume) {
      let html: unknown;
      try {
        html = await (render as (resume: Resume) => unknown)(resume);
      } catch (error) {
        throw new ThemeRenderError(`Theme ${name} failed to render: ${describeThrown(error)}`);
      }
      if (typeof html !== 'string') {
        throw new ThemeRenderError(
          `Theme ${name} returned ${typeof html} from render(); it must return an HTML string.`,
        );
      }
      return html;
    },
  };
}

/** Where the theme `spec` is (a folder or file here, or an installed package), or undefined. */
export function findTheme(spec: string, cwd: string): string | undefined {
  const packageName = themePackageName(spec);
  const location = packageName ? findPackage(packageName, cwd) : resolve(cwd, spec);
  return location && existsSync(location) ? location : undefined;
}

/** The package's folder in the nearest node_modules, following Node's lookup upwards. */
function findPackage(name: string, cwd: string): string | undefined {
  for (let directory = resolve(cwd); ; directory = dirname(directory)) {
    const candidate = join(directory, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(directory) === directory) return undefined;
  }
}

const require = createRequire(import.meta.url);

/** See LoadThemeOptions.fresh. */
async function loadFresh(entry: string, location: string): Promise<Record<string, unknown>> {
  const root = realpathSync(statSync(location).isDirectory() ? location : dirname(location));
  for (const key of Object.keys(require.cache)) {
    if (key.startsWith(root + sep) && !key.includes(`${sep}node_modules${sep}`)) {
      delete require.cache[key];
    }
  }
  if (isEsm(entry)) {
    return (await import(`${pathToFileURL(entry).href}?fresh=${Date.now()}`)) as Record<
      string,
      unknown
    >;
  }
  return require(entry) as Record<string, unknown>;
}

/** Whether Node reads the file as an ES module: .mjs, or .js in a "type": "module" package. */
function isEsm(file: string): boolean {
  if (file.endsWith('.mjs')) return true;
  if (!file.endsWith('.js')) return false;
  for (let directory = dirname(file); ; directory = dirname(directory)) {
    const manifest = join(directory, 'package.json');
    if (existsSync(manifest)) {
      return (JSON.parse(readFileSync(manifest, 'utf8')) as { type?: string }).type === 'module';
    }
    if (dirname(directory) === directory) return false;
  }
}

/** The file to load for a theme folder or file, and the theme's name. */
function themeEntry(
  location: string,
  conditions: ReadonlySet<string>,
): { entry: string; name: string } {
  if (!statSync(location).isDirectory()) return { entry: location, name: basename(location) };
  const manifestPath = join(location, 'package.json');
  const manifest: PackageJson = existsSync(manifestPath)
    ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as PackageJson)
    : {};
  const name = manifest.name ?? basename(location);
  const candidates = [
    exportTarget(manifest.exports, conditions),
    manifest.main,
    manifest.module,
    'index.js',
    'index.mjs',
    'index.cjs',
  ];
  for (const candidate of candidates) {
    if (!candidate) continue;
    const path = resolve(location, candidate);
    if (existsSync(path) && statSync(path).isFile()) return { entry: path, name };
    if (existsSync(join(path, 'index.js'))) return { entry: join(path, 'index.js'), name };
  }
  throw new ThemeLoadError(
    `Theme ${name} in ${location} has no entry file (package.json "exports"/"main", or index.js).`,
  );
}

const IMPORT: ReadonlySet<string> = new Set(['import', 'node', 'default']);
const REQUIRE: ReadonlySet<string> = new Set(['require', 'node', 'default']);

/** The `.` entry of package.json `exports` under Node's import (or require) conditions. */
function exportTarget(exports: unknown, conditions: ReadonlySet<string>): string | undefined {
  if (typeof exports === 'string') return exports;
  if (Array.isArray(exports)) {
    for (const item of exports) {
      const target = exportTarget(item, conditions);
      if (target) return target;
    }
    return undefined;
  }
  if (!isRecord(exports)) return undefined;
  if ('.' in exports) return exportTarget(exports['.'], conditions);
  for (const [condition, target] of Object.entries(exports)) {
    if (conditions.has(condition)) {
      const resolved = exportTarget(target, conditions);
      if (resolved) return resolved;
    }
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/*
 * Which theme renders a résumé: the one the user named with --theme; else, where the résumé's own
 * choice is taken, its `meta.theme` when that theme is installed here; else the repository's.
 * A theme is code that runs with the user's rights, so a résumé someone sent can pick only among
 * the themes the user installed, and in a batch only when asked (--theme-from-resume).
 */

const DEFAULT_THEME = './theme';

export interface ThemeAsked {
  /** --theme, when given. */
  option: string | undefined;
  /** Whether the résumé's `meta.theme` may choose (when --theme is not given). */
  fromResume: boolean;
}

export interface ThemeChoice {
  spec: string;
  /** Chosen by the résumé's `meta.theme`. */
  fromResume: boolean;
  /** Why the résumé's own theme was not used, to be said as a warning. */
  warning?: string;
}

/** `metaTheme` is unchecked (with --force it may be any JSON value): only a string names a theme. */
export function chooseTheme(asked: ThemeAsked, metaTheme: unknown, cwd: string): ThemeChoice {
  if (asked.option !== undefined) return { spec: asked.option, fromResume: false };
  if (!asked.fromResume || typeof metaTheme !== 'string' || metaTheme.trim() === '') {
    return { spec: DEFAULT_THEME, fromResume: false };
  }
  if (findTheme(metaTheme, cwd) !== undefined) return { spec: metaTheme, fromResume: true };
  return {
    spec: DEFAULT_THEME,
    fromResume: false,
    warning: metaThemeMissing(metaTheme, themePackageName(metaTheme), DEFAULT_THEME),
  };
}

const metaThemeMissing = (named: string, packageName: string | undefined, used: string): string =>
  `meta.theme "${named}" is not installed here, so the résumé is rendered with ${used}. ` +
  (packageName
    ? `To use it, install it (npm install ${packageName}) — a theme is code that runs with your rights: install only one you trust`
    : `To use it, give a theme folder that exists`) +
  ', or choose a theme with --theme.';

/**
 * Whatever a theme throws, as one line of text. A theme may throw anything — null, a Symbol, an
 * object whose toString() throws, an Error whose `message` is a getter that throws — and none of
 * it may escape as a crash of the exporter or be printed without saying what it was.
 */
export function describeThrown(value: unknown): string {
  try {
    return describe(value);
  } catch {
    // A getter, a toString() or a Proxy trap threw while the value was read.
    return 'a value that cannot be shown as text (reading it threw)';
  }
}

function describe(value: unknown): string {
  if (value instanceof Error) return errorText(value);
  switch (typeof value) {
    case 'string':
      return value.trim() === '' ? 'an empty string (not an Error)' : value;
    case 'symbol':
      return `${value.toString()} (a Symbol, not an Error)`;
    case 'undefined':
      return 'undefined (not an Error)';
    case 'object':
      if (value === null) return 'null (not an Error)';
      return `an object, not an Error: ${objectText(value)}`;
    default:
      return `${String(value)} (a ${typeof value}, not an Error)`;
  }
}

function errorText(error: Error): string {
  let message: unknown;
  try {
    message = error.message;
  } catch {
    return 'an Error whose message cannot be read (reading it threw)';
  }
  if (typeof message === 'string' && message.trim() !== '') return message;
  return `${String(error.name) || 'Error'} without a message`;
}

/** Its own toString() when it has one, else its JSON, cut short: a page of data says nothing more. */
function objectText(value: object): string {
  const { toString } = value as { toString?: unknown };
  const text =
    typeof toString === 'function' && toString !== Object.prototype.toString
      ? String((toString as () => unknown).call(value))
      : (JSON.stringify(value) ?? Object.prototype.toString.call(value));
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
