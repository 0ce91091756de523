/** What the packages installed in a repository say about themselves. */
import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';

/** A package's folder: a bare name is looked up in the node_modules of the repository at `root`. */
export function packageDir(root: string, nameOrDir: string): string {
  return isAbsolute(nameOrDir) ? nameOrDir : join(root, 'node_modules', nameOrDir);
}

/** The version in a package's package.json. */
export async function packageVersion(root: string, nameOrDir: string): Promise<string> {
  const manifest = await readFile(join(packageDir(root, nameOrDir), 'package.json'), 'utf8');
  return (JSON.parse(manifest) as { version: string }).version;
}
