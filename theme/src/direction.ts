/** Which way a résumé's text runs: from its locale, else from the script of its name. */

/** Languages written right to left, by primary subtag. */
const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb', 'sd', 'ug']);

/** The first letter that has a direction decides, as in the Unicode bidi algorithm. */
const FIRST_STRONG =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]|\p{L}/u;
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/u;

/**
 * `rtl` for a right-to-left locale; without a locale, for a name that starts with a
 * right-to-left letter.
 */
export function textDirection(locale: string | undefined, name: string): 'ltr' | 'rtl' {
  if (locale !== undefined) {
    return RTL_LANGUAGES.has(locale.split('-')[0]!.toLowerCase()) ? 'rtl' : 'ltr';
  }
  const first = FIRST_STRONG.exec(name)?.[0] ?? '';
  return RTL_LETTER.test(first) ? 'rtl' : 'ltr';
}
