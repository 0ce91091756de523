/** Absolute paths the tests share, and what the packages installed there say about themselves. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const resumePath = fileURLToPath(new URL('../../resume.json', import.meta.url));
export const themeDir = fileURLToPath(new URL('../../theme/', import.meta.url));

/** A package's folder: a bare name is looked up in the repository's node_modules. */
export function packageDir(nameOrDir: string): string {
  return nameOrDir.startsWith('/') ? nameOrDir : join(repoRoot, 'node_modules', nameOrDir);
}

/** The version in a package's package.json. */
export async function packageVersion(nameOrDir: string): Promise<string> {
  const manifest = await readFile(join(packageDir(nameOrDir), 'package.json'), 'utf8');
  return (JSON.parse(manifest) as { version: string }).version;
}
