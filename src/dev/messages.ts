/** What the preview prints and shows over the page as it renders. */
export const devText = {
  unknownVariant: (name: string, reason: string): string => `--variant ${name}: ${reason}`,
  portInUse: (port: number): string =>
    `Port ${port} on 127.0.0.1 is in use. Stop the other server or pick another port with --port (0 picks a free one).`,
  themeLoadFailed: 'The theme could not be loaded',
  unreadable: (file: string): string => `${file} cannot be read`,
  invalid: (file: string): string => `${file} is invalid`,
  notPreviewable: (file: string): string => `${file} cannot be previewed`,
  renderFailed: (theme: string | undefined): string =>
    theme === undefined ? 'The theme failed to render' : `The theme ${theme} failed to render`,
  failed: 'Rendering failed',
  closed: 'The preview stopped before the theme rendered.',
  showingLastGood: (title: string): string => `${title} (showing the last good render)`,
  problem: (title: string, details: string): string => `✖ ${title}\n${details}`,
  rendered: (ms: number): string => `✔ rendered (${ms} ms)`,
  reRendered: (ms: number): string => `✔ re-rendered: page reloaded ${ms} ms after the change`,
  rendering: 'Rendering…',
  afterRenderFailed: (reason: string): string => `✖ ${reason}`,
  warning: (text: string): string => `⚠ ${text}`,
  stoppedWatching: (what: string, reason: string): string =>
    `⚠ stopped watching ${what}: ${reason}`,
  themeBuildFailed: (output: string): string =>
    `the theme's build (npm run build) failed:\n${output}`,
  themeBuildTimedOut: (seconds: number, output: string): string =>
    `the theme's build (npm run build) did not finish within ${seconds} s and was stopped: it may wait for input or watch for changes instead of exiting. Make the build script exit when done.${output ? `\n${output}` : ''}`,
};
