/**
 * The README's layout table names every module of src/, scripts/ and the theme's sources, once,
 * and nothing that is not in the tree.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/paths.js';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const section = readme.slice(
  readme.indexOf('## How the code is laid out'),
  readme.indexOf('\n## ', readme.indexOf('## How the code is laid out') + 1),
);
const listed = [...section.matchAll(/^\|[^|]*\|\s*`([^`]+)`\s*\|/gm)].map((match) => match[1]!);

/** Files below `folder` (relative to the repository) whose names end with `ending`. */
function modulesIn(folder: string, ending: string): string[] {
  return readdirSync(join(repoRoot, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(ending))
    .map((name) => `${folder}/${name}`);
}

const modules = [
  ...modulesIn('src', '.ts'),
  ...modulesIn('scripts', '.ts'),
  ...modulesIn('theme/src', '.ts'),
  ...modulesIn('theme/scripts', '.mjs'),
].sort();

describe('the README layout table', () => {
  it('lists every module, one line each', () => {
    expect(listed.length).toBeGreaterThan(100);
    expect([...listed].sort()).toEqual(modules);
  });
});
