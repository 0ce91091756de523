/**
 * The résumé as the theme will see it: read and validated (or, with --force, only read), its photo
 * embedded, its transforms (a variant) applied, and the paper asked for set.
 */
import { dirname } from 'node:path';
import type { PaperSize, Resume } from 'jsonresume-theme-camera-ready';
import { InputError, InvalidResumeError } from '../errors.js';
import type { Progress } from '../cli/progress.js';
import type { ExportOptions, ResumeTransform } from './export-options.js';
import { displayPath } from './output-names.js';
import { embedPhoto } from './photo.js';

export async function readResume(
  path: string,
  options: Pick<ExportOptions, 'force' | 'maxBytes' | 'transforms' | 'paper'>,
  progress: Progress,
  cwd: string,
): Promise<Resume> {
  const how: ReadContext = { shown: displayPath(cwd, path), maxBytes: options.maxBytes, progress };
  const read = options.force ? await readUnchecked(path, how) : await readValid(path, how);
  const resume = embedPhoto(read, dirname(path), (message) => progress.warn(message));
  const transformed = (options.transforms ?? []).reduce(
    (current, transform) => transform.apply(current),
    resume,
  );
  return options.paper ? withPaper(transformed, options.paper) : transformed;
}

/**
 * `meta.theme` of the résumé at `path`, read ahead of validation so that the theme can load
 * meanwhile. Undefined when the file cannot be read within the limit or is not JSON: validation
 * reports that.
 */
export async function peekMetaTheme(
  path: string,
  options: Pick<ExportOptions, 'maxBytes'>,
): Promise<unknown> {
  const { readResumeText } = await import('../resume/load.js');
  const read = await readResumeText(path, { maxBytes: options.maxBytes });
  try {
    const value: unknown = read.ok ? JSON.parse(read.text) : undefined;
    const meta: unknown = isObject(value) ? value.meta : undefined;
    return isObject(meta) ? meta.theme : undefined;
  } catch {
    return undefined;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** ` (variant industry)`: the transforms, for the progress line. */
export function transformLabels(transforms: ResumeTransform[] | undefined): string {
  return transforms?.length ? ` (${transforms.map((t) => t.label).join(', ')})` : '';
}

interface ReadContext {
  /** The path as the user would type it, for messages. */
  shown: string;
  maxBytes: number | undefined;
  progress: Progress;
}

async function readValid(
  path: string,
  { shown, maxBytes, progress }: ReadContext,
): Promise<Resume> {
  const startedAt = performance.now();
  const { validateFile } = await import('../resume/validate.js');
  const outcome = await validateFile(path, { maxBytes });
  if (outcome.exitCode !== 0 || !outcome.resume) {
    const message = outcome.report.trim() || `${shown} is not a valid résumé.`;
    throw outcome.exitCode === 2 ? new InputError(message) : new InvalidResumeError(message);
  }
  if (outcome.report.trim()) process.stderr.write(`${outcome.report.trimEnd()}\n`);
  progress.done(`validated ${shown}`, performance.now() - startedAt);
  return outcome.resume;
}

async function readUnchecked(path: string, how: ReadContext): Promise<Resume> {
  const { shown, maxBytes, progress } = how;
  const { readResumeText, parseResumeText } = await import('../resume/load.js');
  const read = await readResumeText(path, { maxBytes });
  if (!read.ok) {
    const message = diagnosticText(shown, read.diagnostic);
    throw read.exitCode === 2 ? new InputError(message) : new InvalidResumeError(message);
  }
  const parsed = parseResumeText(read.text);
  if (!parsed.ok) {
    throw new InvalidResumeError(parsed.errors.map((d) => diagnosticText(shown, d)).join('\n'));
  }
  progress.warn(`--force: ${shown} was not validated`);
  return parsed.value;
}

function diagnosticText(
  file: string,
  diagnostic: { line: number; column: number; message: string; hint?: string },
): string {
  const where = diagnostic.line > 0 ? `${file}:${diagnostic.line}:${diagnostic.column}` : file;
  return `${where}: ${diagnostic.message}${diagnostic.hint ? ` ${diagnostic.hint}` : ''}`;
}

/** The paper for themes that read it from `meta.themeOptions.paper` (camera-ready does). */
function withPaper(resume: Resume, paper: PaperSize): Resume {
  return {
    ...resume,
    meta: { ...resume.meta, themeOptions: { ...resume.meta?.themeOptions, paper } },
  };
}
