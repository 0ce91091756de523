/** What the outputs are called, and the check that keeps those names inside --out. */
import { isAbsolute, relative } from 'node:path';
import { UsageError } from '../errors.js';
import { isPlainFileName } from './atomic-write.js';

/** `resume`, or `resume-<variant>` for a variant: the file name of every output, less its extension. */
export function outputBaseName(variant?: string): string {
  return variant === undefined ? 'resume' : `resume-${variant}`;
}

/** Output names come from options (a variant's name): they must not reach outside --out. */
export function checkFileNames(names: string[]): void {
  const unsafe = names.find((name) => !isPlainFileName(name) || name.startsWith('.'));
  if (unsafe === undefined) return;
  throw new UsageError(
    `The output name ${JSON.stringify(unsafe)} is not a plain file name, so it could be written outside --out. A variant name may hold only letters, digits and "-".`,
  );
}

/** A path as the user would type it: relative to the working folder when inside it. */
export function displayPath(cwd: string, path: string): string {
  const shown = relative(cwd, path);
  return shown && !shown.startsWith('..') && !isAbsolute(shown) ? shown : path;
}
