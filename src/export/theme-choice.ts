/**
 * Which theme renders a résumé: the one the user named with --theme; else, where the résumé's own
 * choice is taken, its `meta.theme` when that theme is installed here; else the repository's.
 * A theme is code that runs with the user's rights, so a résumé someone sent can pick only among
 * the themes the user installed, and in a batch only when asked (--theme-from-resume).
 */
import { exportCli } from './messages.js';
import { findTheme, themePackageName } from './theme-loader.js';

export const DEFAULT_THEME = './theme';

export interface ThemeAsked {
  /** --theme, when given. */
  option: string | undefined;
  /** Whether the résumé's `meta.theme` may choose (when --theme is not given). */
  fromResume: boolean;
}

export interface ThemeChoice {
  spec: string;
  /** Chosen by the résumé's `meta.theme`. */
  fromResume: boolean;
  /** Why the résumé's own theme was not used, to be said as a warning. */
  warning?: string;
}

/** `metaTheme` is unchecked (with --force it may be any JSON value): only a string names a theme. */
export function chooseTheme(asked: ThemeAsked, metaTheme: unknown, cwd: string): ThemeChoice {
  if (asked.option !== undefined) return { spec: asked.option, fromResume: false };
  if (!asked.fromResume || typeof metaTheme !== 'string' || metaTheme.trim() === '') {
    return { spec: DEFAULT_THEME, fromResume: false };
  }
  if (findTheme(metaTheme, cwd) !== undefined) return { spec: metaTheme, fromResume: true };
  return {
    spec: DEFAULT_THEME,
    fromResume: false,
    warning: exportCli.metaThemeMissing(metaTheme, themePackageName(metaTheme), DEFAULT_THEME),
  };
}
