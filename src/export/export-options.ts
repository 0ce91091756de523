import type { PaperSize, Resume } from 'jsonresume-theme-camera-ready';
import type { BrowserLauncher } from '../browser/launch.js';
import type { Progress } from '../runtime.js';
import type { FormatName } from './formats.js';
import type { HostResolver } from './photo-fetch.js';

/** A pure résumé → résumé step between validation and rendering (a variant, for instance). */
export interface ResumeTransform {
  /** Shown in the progress line, e.g. "variant industry". */
  label: string;
  apply(resume: Resume): Resume;
}

export interface ExportOptions {
  /** The résumé file. */
  resume: string;
  /** Theme folder, package name or short name; default `meta.theme` (see below), else `./theme`. */
  theme?: string;
  /** Whether the résumé's `meta.theme` chooses the theme when `theme` is not given; default true. */
  themeFromResume?: boolean;
  /** Output folder. */
  out: string;
  /** The outputs to produce. */
  formats: readonly FormatName[];
  paper?: PaperSize;
  /** Skip schema validation (the file must still be readable JSON). */
  force?: boolean;
  /** Larger résumé files are refused (default: the validator's limit). */
  maxBytes?: number;
  /**
   * Fail, rather than warn, when the page has characters no font here can draw or the photo
   * cannot be shown.
   */
  strict?: boolean;
  /**
   * Fetch nothing: a photo given as an address is left out, and fonts a page needs that are not
   * in the font cache (src/fonts) are not fetched from the npm registry (their characters print
   * in a fallback font); each with a warning.
   */
  offline?: boolean;
  /** How the photo's host name becomes addresses (default: the system's resolver). */
  resolveHost?: HostResolver;
  /** --format site: where the site is published (else basics.url), for its canonical address and card. */
  siteUrl?: string;
  /** --format site: ask search engines not to index it, and make no card. */
  noIndex?: boolean;
  /** Output file name without extension; default "resume" (see outputBaseName). */
  baseName?: string;
  transforms?: ResumeTransform[];
  /** The longest the theme's render and each browser step may take; default DEFAULT_TIMEOUT_MS. */
  timeoutMs?: number;
  cwd?: string;
  /** The environment the browser is found with and every program started gets. */
  env?: NodeJS.ProcessEnv;
  /** Starts Chromium (default: startBrowser). */
  launchBrowser?: BrowserLauncher;
  progress: Progress;
}

export interface ExportResult {
  files: string[];
}
