/**
 * The README is for users: short, with the quick start CI runs (.ci/fresh-clone) exactly as
 * written, and the sections a new user looks for. Internals live in docs/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { repoRoot } from '../support/paths.js';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const ci = readFileSync(join(repoRoot, '.ci', 'fresh-clone'), 'utf8');

test('the README has at most 300 lines', () => {
  expect(readme.split('\n').length).toBeLessThanOrEqual(300);
});

test('the quick start runs the two commands CI runs, as written', () => {
  const quickStart = readme.slice(readme.indexOf('## Quick start'));
  const block = /```sh\n([\s\S]*?)```/.exec(quickStart)?.[1] ?? '';
  const commands = block.split('\n').map((line) => line.replace(/\s+#.*$/, '').trim());
  expect(commands.filter(Boolean)).toEqual(['npm install && npm run export', 'npm test']);
  for (const command of ['npm install && npm run export', 'npm test'])
    expect(ci).toContain(`timed '${command}'`);
});

test('the user sections are there, and the internals are in docs/', () => {
  const headings = readme.match(/^#{2,3} .+$/gm) ?? [];
  for (const section of [
    'Quick start',
    'Make it your own',
    'A starter',
    'LinkedIn',
    'Publications from BibTeX',
    'Export',
    'Live preview',
    'Variants',
    'The theme elsewhere',
    'Limits',
  ])
    expect(headings.map((h) => h.replace(/^#+ /, ''))).toContain(section);
  // Tests, benchmarks and the module map are for people changing the tools.
  for (const internal of ['vitest', 'npm run bench', 'src/resume/', 'strace'])
    expect(readme, internal).not.toContain(internal);
});
