/**
 * Before any test: the published themes the compatibility tests render with, installed into their
 * own project (tests/other-themes) when they are not there yet.
 */
import { installOtherThemes } from '../../src/maintainer/other-themes.js';
import { repoRoot } from './paths.js';

export default async function setup(): Promise<void> {
  await installOtherThemes(repoRoot);
}
