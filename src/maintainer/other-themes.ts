/**
 * Published JSON Resume themes run on a résumé: which facts each one shows, and which ones it
 * cannot show because of how the theme itself is written (its known limits). The compatibility
 * tests assert on these results and `npm run compat` tabulates them, so both use this one module.
 * `root` is the project whose node_modules hold the themes: tests/other-themes, installed on
 * demand by installOtherThemes (users of the repository never need them, so `npm install` does
 * not install them).
 */
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { loadTheme } from '../export/theme-loader.js';
import { htmlToText } from './read-output.js';
import { failed, packageDir, packageVersion, run } from './run.js';

/** The project of the published themes and the tools the tests, lint and bench run, with its own lockfile. */
export function otherThemesRoot(repoRoot: string): string {
  return join(repoRoot, 'tests', 'other-themes');
}

/**
 * Installs the published themes with `npm ci` unless they are installed from the current
 * lockfile already; returns their project's folder.
 */
export async function installOtherThemes(repoRoot: string): Promise<string> {
  const root = otherThemesRoot(repoRoot);
  const installed = join(root, 'node_modules', '.package-lock.json');
  const lockfile = join(root, 'package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lockfile).mtimeMs) {
    return root;
  }
  // Their install scripts are not needed to render, as with resume-cli's (clients.ts).
  const result = await run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], {
    cwd: root,
    timeoutMs: 300_000,
  });
  if (result.code !== 0) throw failed('npm ci (tests/other-themes)', result);
  return root;
}

/**
 * A package of that project (a checker or a reference parser), installed on demand and imported
 * from there, so the project's own install stays light.
 */
export async function importTool(repoRoot: string, name: string): Promise<unknown> {
  const root = await installOtherThemes(repoRoot);
  const resolved = createRequire(join(root, 'package.json')).resolve(name);
  return import(pathToFileURL(resolved).href);
}

/** Published themes we render our data through (all devDependencies of the repository). */
export const OTHER_THEMES = [
  'even',
  'elegant',
  'stackoverflow',
  'macchiato',
  'flat',
  'kendall',
  'class',
  'onepage',
  'paper',
] as const;
export type OtherTheme = (typeof OTHER_THEMES)[number];

export type FactKind = 'name' | 'title' | 'publisher' | 'employer';

/** One thing a reader of the résumé must be able to find, as the text they would read. */
export interface Fact {
  kind: FactKind;
  text: string;
  /** For a publisher: the title it belongs to, which must be shown close by. */
  near?: string;
}

/** A fact a theme cannot show because of its own template, not because of our data. */
export interface KnownLimit {
  theme: OtherTheme;
  kind: FactKind;
  reason: string;
  /** The theme's file (relative to its package) whose text proves the claim. */
  source: string;
  /** What that file contains (`present: true`) or lacks (`present: false`). */
  evidence: RegExp;
  present: boolean;
}

/**
 * Read from each theme's template in node_modules. The tests check that the evidence is still
 * in the source and that the facts are still missing, so a theme release that fixes one of these
 * makes the test fail and this table gets updated.
 */
export const KNOWN_LIMITS: readonly KnownLimit[] = [
  {
    theme: 'class',
    kind: 'title',
    reason: 'has no publications section',
    source: 'resume.template',
    evidence: /publication/i,
    present: false,
  },
  {
    theme: 'class',
    kind: 'publisher',
    reason: 'has no publications section',
    source: 'resume.template',
    evidence: /publication/i,
    present: false,
  },
  {
    theme: 'paper',
    kind: 'title',
    reason: 'has no publications section',
    source: 'resume.template',
    evidence: /publication/i,
    present: false,
  },
  {
    theme: 'paper',
    kind: 'publisher',
    reason: 'has no publications section',
    source: 'resume.template',
    evidence: /publication/i,
    present: false,
  },
];

/** How far (in characters of text) a publisher may be from its title and still belong to it. */
const NEAR = 200;

function packageName(theme: OtherTheme): string {
  return `jsonresume-theme-${theme}`;
}

function themeDir(root: string, theme: OtherTheme): string {
  return packageDir(root, packageName(theme));
}

/** The facts every theme should show: owner, publications with their venue and status, employers. */
export function factsOf(resume: Resume): Fact[] {
  const facts: Fact[] = [];
  if (resume.basics?.name) facts.push({ kind: 'name', text: resume.basics.name });
  for (const publication of resume.publications ?? []) {
    if (publication.name) facts.push({ kind: 'title', text: publication.name });
    if (publication.publisher) {
      const fact: Fact = { kind: 'publisher', text: publication.publisher };
      if (publication.name) fact.near = publication.name;
      facts.push(fact);
    }
  }
  const employers = new Set((resume.work ?? []).flatMap((work) => (work.name ? [work.name] : [])));
  for (const employer of employers) facts.push({ kind: 'employer', text: employer });
  return facts;
}

/** Whether `fact` can be read in `text`; a publisher must sit next to its own title. */
function isShown(fact: Fact, text: string): boolean {
  if (fact.near === undefined) return text.includes(fact.text);
  const { near } = fact;
  for (let at = text.indexOf(near); at >= 0; at = text.indexOf(near, at + 1)) {
    const window = text.slice(Math.max(0, at - NEAR), at + near.length + NEAR);
    if (window.includes(fact.text)) return true;
  }
  return false;
}

function limitsOf(theme: OtherTheme): KnownLimit[] {
  return KNOWN_LIMITS.filter((limit) => limit.theme === theme);
}

/** Whether the theme's source still says what the limit claims. */
export async function limitEvidenceHolds(root: string, limit: KnownLimit): Promise<boolean> {
  const source = await readFile(join(themeDir(root, limit.theme), limit.source), 'utf8');
  return limit.evidence.test(source) === limit.present;
}

/** Renders with the theme through the exporter's loader, which handles ESM and CJS themes alike. */
async function renderWithTheme(root: string, theme: OtherTheme, resume: Resume): Promise<string> {
  const loaded = await loadTheme(packageName(theme), root);
  // Some themes rewrite the résumé they are given (onepage moves summaries into highlights).
  return loaded.render(structuredClone(resume));
}

export interface ThemeResult {
  theme: OtherTheme;
  version: string;
  /** The exception's message when render() threw, else undefined. */
  error?: string;
  shown: Fact[];
  /** Missing facts a known limit explains. */
  limited: Fact[];
  /** Missing facts nothing explains: each one is a failure. */
  unexplained: Fact[];
}

/** Renders `resume` with `theme` and sorts every fact into shown, limited or unexplained. */
export async function checkTheme(
  root: string,
  theme: OtherTheme,
  resume: Resume,
): Promise<ThemeResult> {
  const version = await packageVersion(root, packageName(theme));
  const facts = factsOf(resume);
  let text: string;
  try {
    text = htmlToText(await renderWithTheme(root, theme, resume));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { theme, version, error: message, shown: [], limited: [], unexplained: facts };
  }
  const limitedKinds = new Set(limitsOf(theme).map((limit) => limit.kind));
  const result: ThemeResult = { theme, version, shown: [], limited: [], unexplained: [] };
  for (const fact of facts) {
    if (isShown(fact, text)) result.shown.push(fact);
    else if (limitedKinds.has(fact.kind)) result.limited.push(fact);
    else result.unexplained.push(fact);
  }
  return result;
}
