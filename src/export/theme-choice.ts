/** The theme for the option given, else the résumé's own `meta.theme`, else the repository's. */
const DEFAULT_THEME = './theme';

/** `metaTheme` is unchecked (with --force it may be any JSON value): only a string names a theme. */
export function chooseTheme(option: string | undefined, metaTheme: unknown): string {
  return option ?? (typeof metaTheme === 'string' && metaTheme ? metaTheme : DEFAULT_THEME);
}
