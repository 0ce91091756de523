/** Where a path lies, for the checks that keep a résumé's files inside its own folder. */
import { realpathSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';

/** Whether `path` lies strictly below `folder` (both absolute, compared as written). */
export function isInside(folder: string, path: string): boolean {
  const within = relative(folder, path);
  return within !== '' && within !== '..' && !within.startsWith(`..${sep}`) && !isAbsolute(within);
}

/**
 * Whether `path`, with every symlink resolved, lies below `folder`'s real path: a link inside the
 * folder that names a file outside it is outside. A path that does not exist is judged as written
 * (there is nothing behind it to read).
 */
export function isReallyInside(folder: string, path: string): boolean {
  return isInside(realOrSelf(folder), realOrSelf(path));
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
