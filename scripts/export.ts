/**
 * `npm run export`: résumé → dist/resume.html + dist/resume.pdf, or many résumés with one browser.
 * Its options, help texts and exit codes are declared here; the work is src/export's. Kept light:
 * the heavy modules (validator, puppeteer, pdf-lib) load only once Chromium is already starting.
 */
import type { PaperSize } from 'jsonresume-theme-camera-ready';
import { PAPER_SIZES } from 'jsonresume-theme-camera-ready/data';
import {
  maxSizeOption,
  offlineOption,
  resumeIsAnOption,
  resumeOption,
  timeoutOption,
  type OptionDeclarations,
} from '../src/cli/options.js';
import {
  EXIT,
  defineCommand,
  exitCodeFor,
  runCommand,
  type ExitCode,
} from '../src/cli/run-command.js';
import { UsageError } from '../src/errors.js';
import {
  createTimings,
  exportBatch,
  exportResume,
  isBatch,
  variantExport,
} from '../src/export/export.js';
import { FORMAT_NAMES, isFormatName, type FormatName } from '../src/export/formats.js';
import { webAddress } from '../src/export/site/site-page.js';
import { printable } from '../src/printable.js';
import { createProgress } from '../src/runtime.js';

/** The texts of the `npm run export` command line: its help and its option errors. */
const exportCli = {
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
  badFormats: (list: string, unknown: readonly string[], known: readonly string[]): string =>
    `--format ${list}: unknown format${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `"${n}"`).join(', ')}. Choose from: ${known.join(', ')} (comma-separated).`,
  badPaper: (value: string): string => `--paper ${value}: choose a4 or letter.`,
};

/** The options of `npm run export`, declared once for parsing and for --help. */
const EXPORT_OPTIONS = {
  resume: { ...resumeOption, description: exportCli.resumeOption, repeatable: true },
  theme: {
    type: 'string',
    value: 'theme',
    description: exportCli.themeOption,
    defaultText: exportCli.themeDefault,
  },
  'theme-from-resume': { type: 'boolean', description: exportCli.themeFromResumeOption },
  out: { type: 'string', value: 'folder', description: exportCli.outOption, default: 'dist' },
  format: {
    type: 'string',
    value: 'list',
    description: exportCli.formatOption(FORMAT_NAMES),
    default: 'html,pdf',
    parse: parseFormats,
  },
  paper: {
    type: 'string',
    value: 'size',
    description: exportCli.paperOption,
    defaultText: exportCli.paperDefault,
    parse: parsePaper,
  },
  variant: { type: 'string', value: 'name', description: exportCli.variantOption },
  force: { type: 'boolean', description: exportCli.forceOption },
  'max-size': maxSizeOption,
  timeout: { ...timeoutOption, description: exportCli.timeoutOption },
  strict: { type: 'boolean', description: exportCli.strictOption },
  offline: offlineOption,
  'site-url': {
    type: 'string',
    value: 'address',
    description: exportCli.siteUrlOption,
    parse: parseSiteUrl,
  },
  'no-index': { type: 'boolean', description: exportCli.noIndexOption },
  quiet: { type: 'boolean', short: 'q', description: exportCli.quietOption },
  timings: { type: 'boolean', description: exportCli.timingsOption },
} as const satisfies OptionDeclarations;

function parseFormats(list: string): FormatName[] {
  const names = [...new Set(list.split(',').map((name) => name.trim().toLowerCase()))];
  const known = names.filter(isFormatName);
  const unknown = names.filter((name) => !isFormatName(name));
  if (known.length === 0 || unknown.length > 0) {
    throw new UsageError(exportCli.badFormats(list, unknown, FORMAT_NAMES));
  }
  return known;
}

function parseSiteUrl(value: string): string {
  const url = webAddress(value);
  if (url) return url;
  throw new UsageError(exportCli.badSiteUrl(value));
}

function parsePaper(value: string): PaperSize {
  const paper = PAPER_SIZES.find((size) => size === value.toLowerCase());
  if (paper) return paper;
  throw new UsageError(exportCli.badPaper(value));
}

runCommand(
  defineCommand({
    usage: exportCli.usage,
    about: exportCli.about,
    notes: exportCli.notes,
    options: EXPORT_OPTIONS,
    positionals: resumeIsAnOption,
    // An interrupt stops the theme's worker, the browser and its helpers, removes its profile, then exits.
    signals: { say: (signal) => process.stderr.write(`${exportCli.interrupted(signal)}\n`) },
    async run({ values }) {
      if (values.theme !== undefined && values['theme-from-resume']) {
        throw new UsageError(exportCli.themeTwice);
      }
      const progress = createProgress({ quiet: values.quiet });
      const timings = createTimings();
      const common = {
        theme: values.theme,
        out: values.out,
        formats: values.format,
        paper: values.paper,
        force: values.force,
        maxBytes: values['max-size'],
        timeoutMs: values.timeout,
        strict: values.strict,
        offline: values.offline,
        siteUrl: values['site-url'],
        noIndex: values['no-index'],
        progress,
      };
      let code: ExitCode = EXIT.ok;
      if (isBatch(values.resume)) {
        if (values.variant !== undefined) throw new UsageError(exportCli.variantNeedsOneResume);
        if (values.format.includes('site')) throw new UsageError(exportCli.siteNeedsOneResume);
        const startedAt = performance.now();
        const { exported, failures } = await exportBatch(
          // One theme for every résumé, unless each résumé's own is asked for.
          { ...common, resumes: values.resume, themeFromResume: values['theme-from-resume'] },
          timings,
        );
        for (const { resume, error } of failures) {
          process.stderr.write(`${printable(exportCli.batchFailure(resume, error.message))}\n`);
        }
        const total = exported + failures.length;
        progress.done(exportCli.batchDone(exported, total), performance.now() - startedAt);
        code = failures[0] ? (exitCodeFor(failures[0].error) ?? EXIT.exportFailed) : EXIT.ok;
      } else {
        const variant = values.variant === undefined ? undefined : variantExport(values.variant);
        const { files } = await exportResume(
          {
            ...common,
            resume: values.resume[0]!,
            ...(variant && { baseName: variant.baseName, transforms: [variant.transform] }),
          },
          timings,
        );
        await variant?.checkPageBudget(files, progress);
      }
      if (values.timings) process.stderr.write(`timings ${JSON.stringify(timings.summary())}\n`);
      return code;
    },
  }),
);
