/** The texts of the `npm run export` command line: its help and its option errors. */
export const exportCli = {
  usage: 'Usage: npm run export -- [options]',
  about: 'Validates a JSON Resume, renders it with a theme and prints it with Chromium.',
  themeOption:
    'a theme folder (./theme), an installed package (jsonresume-theme-even) or its short name (even)',
  themeDefault:
    'meta.theme of the résumé when that theme is installed (in a batch only with --theme-from-resume), else ./theme',
  resumeOption:
    'the résumé; repeat it, or name a folder, to export many with one browser, each as <its file name>.<format>',
  outOption: 'where to write resume.<format>',
  formatOption: (formats: readonly string[]): string => `comma-separated: ${formats.join(', ')}`,
  paperOption: 'a4 or letter',
  paperDefault: "the theme's, else A4",
  variantOption:
    'a variant from meta.variants, written as resume-<name>.<format>; fails (exit 3) when its PDF has more pages than the variant’s pageBudget',
  forceOption: 'export without validating (the file must still be JSON)',
  timeoutOption:
    'the longest the theme’s render, and each browser step (page load, print, preview), may take before the export stops',
  strictOption:
    'fail, instead of warning, when the page has characters no installed font can draw (exit 3) or the photo cannot be shown (exit 1)',
  offlineOption:
    'fetch nothing: a photo given as an https address is left out, and fonts a page needs that are not cached yet print in a fallback font; each with a warning',
  siteUrlOption:
    'with --format site: the address the site is published at (else basics.url), for its canonical link and card',
  noIndexOption: 'with --format site: ask search engines not to index the page, and make no card',
  badSiteUrl: (value: string): string =>
    `--site-url ${value}: give the full http or https address the site is published at, e.g. --site-url https://example.github.io/cv/.`,
  quietOption: 'print only warnings and errors',
  timingsOption: 'also print how long each phase took, as one line: timings {json}',
  themeFromResumeOption:
    "in a batch, render each résumé with the theme its meta.theme names, when installed (a single résumé's is always used unless --theme is given)",
  themeTwice:
    '--theme and --theme-from-resume: choose one; --theme names the theme for every résumé.',
  metaThemeMissing: (named: string, packageName: string | undefined, used: string): string =>
    `meta.theme "${named}" is not installed here, so the résumé is rendered with ${used}. ` +
    (packageName
      ? `To use it, install it (npm install ${packageName}) — a theme is code that runs with your rights: install only one you trust`
      : `To use it, give a theme folder that exists`) +
    ', or choose a theme with --theme.',
  renderedWith: (name: string, fromResume: boolean, transforms: string): string =>
    `rendered with ${name}${fromResume ? ' (meta.theme)' : ''}${transforms}`,
  pageTooLong: (sheets: number, most: number): string =>
    `Export to PDF failed: the page is at least ${sheets} sheets long, and the export prints at most ${most}: Chromium cuts longer documents short without a word, so the PDF would silently lose their end. Shorten the résumé (a field may hold far more text than meant), or export it as html, which has no such limit. The previous files in the output folder are unchanged.`,
  variantNeedsOneResume:
    '--variant exports one résumé: name one --resume, not several or a folder.',
  siteNeedsOneResume:
    '--format site publishes one résumé as index.html: name one --resume, not several or a folder (or give each its own --out).',
  batchFailure: (resume: string, message: string): string => `✖ ${resume}: ${message}`,
  batchDone: (exported: number, total: number): string =>
    `exported ${exported} of ${total} résumés`,
  notes: [
    "Chromium: PUPPETEER_EXECUTABLE_PATH or CHROME_PATH, else puppeteer's download, else the system's",
    '(chromium-headless-shell, chromium, google-chrome). As root on Debian a missing Chromium is installed with apt-get unless',
    'CAMERA_READY_NO_BROWSER_INSTALL=1.',
    '',
    'Exit codes: 0 written, 1 invalid résumé (or, with --strict, a photo that cannot be shown),',
    '2 unreadable résumé or bad option (or unknown variant), 3 theme, browser or write failure, a',
    'variant over its page budget, or (with --strict) characters without a font.',
  ].join('\n'),
  interrupted: (signal: NodeJS.Signals): string =>
    `✖ Interrupted (${signal}); no file was half-written or mixed.`,
  badTimeout: (value: string): string =>
    `--timeout ${value}: give a number of seconds between 0 and 3600, e.g. --timeout 60.`,
  badFormats: (list: string, unknown: readonly string[], known: readonly string[]): string =>
    `--format ${list}: unknown format${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `"${n}"`).join(', ')}. Choose from: ${known.join(', ')} (comma-separated).`,
  badPaper: (value: string): string => `--paper ${value}: choose a4 or letter.`,
};
