/**
 * The shape docs/architecture.md describes, checked: commands → command layer → library, no
 * library module that picks exit codes, and few enough modules that the export can be followed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { repoRoot } from '../support/paths.js';

/** Every TypeScript module of `folder` (relative to the repository), recursively. */
function modulesIn(folder: string): string[] {
  return readdirSync(join(repoRoot, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(folder, name));
}

const modules = [...modulesIn('src'), ...modulesIn('scripts')];

/** The project modules `file` imports, statically or with `import()`, as repository paths. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(
    readFileSync(join(repoRoot, file), 'utf8'),
    true,
    true,
  );
  return importedFiles
    .map(({ fileName }) => fileName)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => relative(repoRoot, resolve(repoRoot, dirname(file), spec)))
    .map((path) => path.replace(/\.js$/, '.ts'))
    .filter((path) => modules.includes(path));
}

/** Every module reachable from `entry` through imports, `entry` included. */
function reach(entry: string): Set<string> {
  const seen = new Set<string>();
  const pending = [entry];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    pending.push(...importsOf(file));
  }
  return seen;
}

const LIBRARY = ['src/export', 'src/browser', 'src/resume', 'src/bib', 'src/dev'];
const libraryModules = modules.filter((file) =>
  LIBRARY.some((folder) => file.startsWith(`${folder}/`)),
);

describe('the architecture', () => {
  test('the walk finds imports, dynamic ones included', () => {
    // Guards the checks below against passing because the walk sees nothing.
    expect(importsOf('scripts/export.ts')).toContain('src/cli/run-command.ts');
    expect(reach('scripts/export.ts').size).toBeGreaterThan(20);
  });

  test('src and scripts hold at most 100 modules', () => {
    expect(modules.length).toBeLessThanOrEqual(100);
  });

  test('the export command reaches at most 60 modules', () => {
    expect([...reach('scripts/export.ts')].sort().length).toBeLessThanOrEqual(60);
  });

  test('library folders never import the command layer', () => {
    const upward = libraryModules.flatMap((file) =>
      importsOf(file)
        .filter((target) => target.startsWith('src/cli/'))
        .map((target) => `${file} → ${target}`),
    );
    expect(upward).toEqual([]);
  });

  test('library folders carry no exit codes', () => {
    const mentions = libraryModules.filter((file) =>
      readFileSync(join(repoRoot, file), 'utf8').includes('exitCode'),
    );
    expect(mentions).toEqual([]);
  });
});
