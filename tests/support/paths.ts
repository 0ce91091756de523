/** Absolute paths the tests share. */
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const resumePath = fileURLToPath(new URL('../../resume.json', import.meta.url));
export const themeDir = fileURLToPath(new URL('../../theme/', import.meta.url));
