/** The options of `npm run export`, declared once for parsing and for --help. */
import { UsageError } from '../errors.js';
import type { OptionDeclarations } from '../cli/options.js';
import { maxSizeOption, resumeOption } from '../cli/resume-options.js';
import { DEFAULT_TIMEOUT_MS } from './export-steps.js';
import { FORMATS } from './formats.js';
import { exportCli as text } from './messages.js';
import { PAPERS, type Paper } from './pdf.js';

const FORMAT_NAMES = Object.keys(FORMATS);

export const EXPORT_OPTIONS = {
  resume: resumeOption,
  theme: {
    type: 'string',
    value: 'theme',
    description: text.themeOption,
    defaultText: text.themeDefault,
  },
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
  quiet: { type: 'boolean', short: 'q', description: text.quietOption },
} as const satisfies OptionDeclarations;

/** --timeout in milliseconds. */
function parseTimeout(value: string): number {
  const seconds = Number(value);
  if (value.trim() !== '' && Number.isFinite(seconds) && seconds > 0 && seconds <= 3600) {
    return Math.round(seconds * 1000);
  }
  throw new UsageError(text.badTimeout(value));
}

function parseFormats(list: string): string[] {
  const names = [...new Set(list.split(',').map((name) => name.trim().toLowerCase()))];
  const unknown = names.filter((name) => !(name in FORMATS));
  if (names.length === 0 || unknown.length > 0 || names.includes('')) {
    throw new UsageError(text.badFormats(list, unknown, FORMAT_NAMES));
  }
  return names;
}

function parsePaper(value: string): Paper {
  const paper = value.toLowerCase();
  if ((PAPERS as readonly string[]).includes(paper)) return paper as Paper;
  throw new UsageError(text.badPaper(value));
}
