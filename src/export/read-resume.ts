/**
 * The résumé as the theme will see it: read and validated (or, with --force, only read), its photo
 * embedded, its transforms (a variant) applied, and the paper asked for set.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { dirname } from 'node:path';
import type { PaperSize, Resume } from 'jsonresume-theme-camera-ready';
import { InputError, InvalidResumeError } from '../errors.js';
import type { Progress } from '../runtime.js';
import type { ExportOptions, ResumeTransform } from './export.js';
import { embedPhoto } from './photo.js';
import { displayPath } from './write-files.js';

export async function readResume(
  path: string,
  options: Pick<
    ExportOptions,
    'force' | 'maxBytes' | 'transforms' | 'paper' | 'strict' | 'offline' | 'resolveHost'
  >,
  progress: Progress,
  cwd: string,
): Promise<Resume> {
  const how: ReadContext = { shown: displayPath(cwd, path), maxBytes: options.maxBytes, progress };
  const read = options.force ? await readUnchecked(path, how) : await readValid(path, how);
  const resume = await embedPhoto(read, {
    folder: dirname(path),
    warn: (message) => progress.warn(message),
    strict: options.strict,
    offline: options.offline,
    resolve: options.resolveHost,
  });
  const transformed = (options.transforms ?? []).reduce(
    (current, transform) => transform.apply(current),
    resume,
  );
  return options.paper ? withPaper(transformed, options.paper) : transformed;
}

/** Larger résumés skip the peek below: reading them twice would cost more than it saves. */
const PEEK_MAX_BYTES = 1024 * 1024;

/**
 * `meta.theme` of the résumé at `path`, read ahead of validation so that the theme can load
 * meanwhile: at once, before this thread takes up anything else. Undefined when the file is not a
 * small regular file of JSON: validation reports what is wrong with it.
 */
export function peekMetaTheme(path: string): unknown {
  let file: number | undefined;
  try {
    // Non-blocking, so a named pipe is refused by the check below instead of waited on.
    file = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    if (!fstatSync(file).isFile()) return undefined;
    const buffer = Buffer.alloc(PEEK_MAX_BYTES + 1);
    const length = readSync(file, buffer, 0, buffer.length, 0);
    if (length > PEEK_MAX_BYTES) return undefined;
    const value: unknown = JSON.parse(buffer.toString('utf8', 0, length));
    const meta: unknown = isObject(value) ? value.meta : undefined;
    return isObject(meta) ? meta.theme : undefined;
  } catch {
    return undefined;
  } finally {
    if (file !== undefined) closeSync(file);
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
  if (outcome.status !== 'ok' || !outcome.resume) {
    const message = outcome.report.trim() || `${shown} is not a valid résumé.`;
    throw outcome.status === 'unreadable'
      ? new InputError(message)
      : new InvalidResumeError(message);
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
    throw read.status === 'unreadable' ? new InputError(message) : new InvalidResumeError(message);
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
