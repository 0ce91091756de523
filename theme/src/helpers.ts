/** Handlebars helpers of the theme, registered on its private instance only. */
import type Handlebars from 'handlebars';
import { escapeHtml, keepTogether, lineBreaks, str } from './text';

type Instance = typeof Handlebars;

export function registerHelpers(handlebars: Instance): void {
  /**
   * Escaped text whose hyphenated compounds do not break across lines, and whose typed `<br>`
   * does: `{{nobr title}}`.
   */
  handlebars.registerHelper(
    'nobr',
    (value: unknown) => new handlebars.SafeString(keepTogether(lineBreaks(escapeHtml(str(value))))),
  );
  /**
   * Text as a CSS string for generated content, `{{cssString text}}`: every character but letters,
   * digits and spaces escaped, so no text can end the string, the rule or the style element.
   */
  handlebars.registerHelper(
    'cssString',
    (value: unknown) =>
      new handlebars.SafeString(
        `"${[...str(value)]
          .map((char) =>
            /[\p{L}\p{N} ]/u.test(char) ? char : `\\${char.codePointAt(0)?.toString(16) ?? ''} `,
          )
          .join('')}"`,
      ),
  );
}
