/**
 * The dead-code check of `npm run lint`: knip, from the tools project (tests/other-themes,
 * installed on demand), so the project's own install does not carry it.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { installOtherThemes } from '../../src/maintainer/other-themes.js';

// npm runs scripts in the repository's root.
const root = await installOtherThemes(process.cwd());
const result = spawnSync(process.execPath, [join(root, 'node_modules', 'knip', 'bin', 'knip.js')], {
  stdio: 'inherit',
});
process.exitCode = result.status ?? 1;
