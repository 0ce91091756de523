/** Which way a résumé's text runs: from the script most of its prose is in, or its stated locale. */

/** Languages written right to left, by primary subtag. */
const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb', 'sd', 'ug']);

/**
 * `rtl` when most of the prose is in a right-to-left script, whatever the name is written in,
 * or when the résumé states a right-to-left locale.
 */
export function textDirection(statedLocale: string, proseIsRtl: boolean): 'ltr' | 'rtl' {
  const stated = RTL_LANGUAGES.has(statedLocale.split('-')[0]!.toLowerCase());
  return proseIsRtl || stated ? 'rtl' : 'ltr';
}
