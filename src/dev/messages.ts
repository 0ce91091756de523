/** The texts of `npm run dev`: its help, its option errors and what the preview reports. */
export const devCli = {
  usage: 'Usage: npm run dev -- [options]',
  about: [
    'Serves the rendered CV on http://127.0.0.1:<port>, re-renders when the résumé or the theme’s',
    'templates, styles or build change (a theme with a build script is rebuilt first), and reloads',
    'the open page. An invalid save keeps the last good render on screen with the problems shown',
    'over it.',
  ].join('\n'),
  portOption: 'port on 127.0.0.1; 0 picks a free one and prints it',
  themeOption: 'a theme folder, installed package or short name',
  themeDefault: 'meta.theme of the résumé, else ./theme',
  variantOption: 'preview a variant from meta.variants',
  pdfOption: 'also write <out>/resume.pdf (resume-<variant>.pdf) on every good render',
  outOption: 'where --pdf writes',
  siteOption:
    'show the page as --format site publishes it: title, sharing tags and the download bar',
  notes: [
    'Stop with Ctrl+C. Exit codes: 0 stopped, 2 bad option, unknown variant or port in use,',
    '3 the server failed.',
  ].join('\n'),
  badPort: (value: string): string => `--port ${value}: give a number from 0 to 65535.`,
  unknownVariant: (name: string, reason: string): string => `--variant ${name}: ${reason}`,
  serving: (url: string): string => `Serving ${url} (Ctrl+C to stop)`,
  portInUse: (port: number): string =>
    `Port ${port} on 127.0.0.1 is in use. Stop the other server or pick another port with --port (0 picks a free one).`,
};

/** What the preview prints and shows over the page as it renders. */
export const devText = {
  themeLoadFailed: 'The theme could not be loaded',
  unreadable: (file: string): string => `${file} cannot be read`,
  invalid: (file: string): string => `${file} is invalid`,
  notPreviewable: (file: string): string => `${file} cannot be previewed`,
  renderFailed: (theme: string): string => `The theme ${theme} failed to render`,
  failed: 'Rendering failed',
  showingLastGood: (title: string): string => `${title} (showing the last good render)`,
  problem: (title: string, details: string): string => `✖ ${title}\n${details}`,
  rendered: (ms: number): string => `✔ rendered (${ms} ms)`,
  reRendered: (ms: number): string => `✔ re-rendered: page reloaded ${ms} ms after the change`,
  rendering: 'Rendering…',
  afterRenderFailed: (reason: string): string => `✖ ${reason}`,
  warning: (text: string): string => `⚠ ${text}`,
  stoppedWatching: (what: string, reason: string): string =>
    `⚠ stopped watching ${what}: ${reason}`,
  wrotePdf: (file: string, detail: string): string => `wrote ${file} — ${detail}`,
  blocked: (attempt: string): string => `blocked ${attempt}`,
  ignored: (call: string): string => `ignored ${call}`,
  themeBuildFailed: (output: string): string =>
    `the theme's build (npm run build) failed:\n${output}`,
  themeBuildTimedOut: (seconds: number, output: string): string =>
    `the theme's build (npm run build) did not finish within ${seconds} s and was stopped: it may wait for input or watch for changes instead of exiting. Make the build script exit when done.${output ? `\n${output}` : ''}`,
};
