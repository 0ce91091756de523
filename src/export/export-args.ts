/** The options of `npm run export`, declared once for parsing and for --help. */
import { UsageError } from '../errors.js';
import type { OptionDeclarations } from '../cli/options.js';
import { maxSizeOption, resumeOption } from '../cli/resume-options.js';
import { DEFAULT_TIMEOUT_MS } from './export-steps.js';
import type { PaperSize } from 'jsonresume-theme-camera-ready';
import { PAPER_SIZES } from 'jsonresume-theme-camera-ready/data';
import { FORMAT_NAMES, isFormatName, type FormatName } from './formats.js';
import { exportCli as text } from './messages.js';
import { webAddress } from './site/site-page.js';

/** `--offline`, declared once for the export and the preview. */
export const offlineOption = { type: 'boolean', description: text.offlineOption } as const;

export const EXPORT_OPTIONS = {
  resume: { ...resumeOption, description: text.resumeOption, repeatable: true },
  theme: {
    type: 'string',
    value: 'theme',
    description: text.themeOption,
    defaultText: text.themeDefault,
  },
  'theme-from-resume': { type: 'boolean', description: text.themeFromResumeOption },
  out: { type: 'string', value: 'folder', description: text.outOption, default: 'dist' },
  format: {
    type: 'string',
    value: 'list',
    description: text.formatOption(FORMAT_NAMES),
    default: 'html,pdf',
    parse: parseFormats,
  },
  paper: {
    type: 'string',
    value: 'size',
    description: text.paperOption,
    defaultText: text.paperDefault,
    parse: parsePaper,
  },
  variant: { type: 'string', value: 'name', description: text.variantOption },
  force: { type: 'boolean', description: text.forceOption },
  'max-size': maxSizeOption,
  timeout: {
    type: 'string',
    value: 'seconds',
    description: text.timeoutOption,
    defaultText: String(DEFAULT_TIMEOUT_MS / 1000),
    parse: parseTimeout,
  },
  strict: { type: 'boolean', description: text.strictOption },
  offline: offlineOption,
  'site-url': {
    type: 'string',
    value: 'address',
    description: text.siteUrlOption,
    parse: parseSiteUrl,
  },
  'no-index': { type: 'boolean', description: text.noIndexOption },
  quiet: { type: 'boolean', short: 'q', description: text.quietOption },
  timings: { type: 'boolean', description: text.timingsOption },
} as const satisfies OptionDeclarations;

/** --timeout in milliseconds. */
function parseTimeout(value: string): number {
  const seconds = Number(value);
  if (value.trim() !== '' && Number.isFinite(seconds) && seconds > 0 && seconds <= 3600) {
    return Math.round(seconds * 1000);
  }
  throw new UsageError(text.badTimeout(value));
}

function parseFormats(list: string): FormatName[] {
  const names = [...new Set(list.split(',').map((name) => name.trim().toLowerCase()))];
  const known = names.filter(isFormatName);
  const unknown = names.filter((name) => !isFormatName(name));
  if (known.length === 0 || unknown.length > 0) {
    throw new UsageError(text.badFormats(list, unknown, FORMAT_NAMES));
  }
  return known;
}

function parseSiteUrl(value: string): string {
  const url = webAddress(value);
  if (url) return url;
  throw new UsageError(text.badSiteUrl(value));
}

function parsePaper(value: string): PaperSize {
  const paper = PAPER_SIZES.find((size) => size === value.toLowerCase());
  if (paper) return paper;
  throw new UsageError(text.badPaper(value));
}
