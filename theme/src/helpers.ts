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
}
