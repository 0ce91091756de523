/** Absolute paths the tests share. */
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/**
 * A frozen copy of the seed CV: tests read this, never the live resume.json, so editing the CV
 * cannot break them (tests/e2e/live-resume.test.ts alone checks the live file).
 */
export const seedResumePath = fileURLToPath(
  new URL('../fixtures/seed/resume.json', import.meta.url),
);
export const themeDir = fileURLToPath(new URL('../../theme/', import.meta.url));
/** The project of the published themes the compatibility tests use (installed by global-setup.ts). */
export const otherThemesDir = fileURLToPath(new URL('../other-themes/', import.meta.url));
