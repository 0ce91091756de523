import { OutputWriteError } from '../errors.js';
import type { Progress } from '../runtime.js';
import {
  describeCharacters,
  fallbackCharacters,
  uncoveredCharacters,
  type Coverage,
} from './glyph-coverage.js';

const count = (chars: string[], one: string, many: string) =>
  `${chars.length} character${chars.length > 1 ? 's' : ''} of the page ${chars.length > 1 ? many : one}`;

/**
 * Characters no font here has would print as empty boxes: say which, and how to fix it. A warning,
 * or with `strict` a failure. Characters the page's own fonts (and those the export serves) lack
 * print in a fallback font of the machine: a warning too.
 */
export async function checkGlyphs(
  html: string,
  installed: () => Promise<Coverage | undefined>,
  strict: boolean,
  progress: Progress,
): Promise<void> {
  const missing = await uncoveredCharacters(html, installed);
  if (missing?.length) {
    const message =
      `${count(missing, 'has', 'have')} no font on this machine and would print as empty boxes: ${describeCharacters(missing)}. ` +
      'Fix: install a font that has them (Debian: apt-get install fonts-noto-cjk for Chinese, Japanese and Korean, fonts-noto-core for most other scripts)';
    if (strict) throw new OutputWriteError(`${message}, or export without --strict.`);
    progress.warn(`${message}.`);
  }
  const fallback = fallbackCharacters(html).filter((char) => !missing?.includes(char));
  if (fallback.length > 0) {
    progress.warn(
      `${count(fallback, 'is', 'are')} in none of the page's fonts and print in a fallback font of this machine: ${describeCharacters(fallback)}. ` +
        'The export brings fonts for Latin, Greek, Cyrillic, Arabic, Hebrew, Devanagari, Bengali, Tamil, Thai, Georgian, Armenian, Chinese, Japanese and Korean; for other characters, check the PDF.',
    );
  }
}
