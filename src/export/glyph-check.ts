import { OutputWriteError } from '../errors.js';
import type { Progress } from '../cli/progress.js';
import { describeCharacters, uncoveredCharacters, type Coverage } from './glyph-coverage.js';

/**
 * Characters no font here has would print as empty boxes: say which, and how to fix it. A warning,
 * or with `strict` a failure.
 */
export async function checkGlyphs(
  html: string,
  installed: () => Promise<Coverage | undefined>,
  strict: boolean,
  progress: Progress,
): Promise<void> {
  const missing = await uncoveredCharacters(html, installed);
  if (!missing?.length) return;
  const message =
    `${missing.length} character${missing.length > 1 ? 's' : ''} of the page ${missing.length > 1 ? 'have' : 'has'} no font on this machine and would print as empty boxes: ${describeCharacters(missing)}. ` +
    'Fix: install a font that has them (Debian: apt-get install fonts-noto-cjk for Chinese, Japanese and Korean, fonts-noto-core for most other scripts)';
  if (strict) throw new OutputWriteError(`${message}, or export without --strict.`);
  progress.warn(`${message}.`);
}
