/** The texts of `npm run setup-browser`. */
export const setupCli = {
  usage: 'Usage: npm run setup-browser [-- --with-test-tools]',
  about: [
    'Finds the Chrome or Chromium the export uses (PUPPETEER_EXECUTABLE_PATH, CHROME_PATH, puppeteer’s',
    'download, then chromium-headless-shell / chromium / google-chrome on the system). When there is',
    'none: as root on Debian, installs Debian’s chromium (apt-get update && apt-get install -y',
    'chromium); elsewhere, or when that fails, downloads puppeteer’s Chrome (npx puppeteer browsers',
    'install chrome). As root on Debian it also installs chromium-headless-shell, which the export',
    'prefers (it starts faster and prints the same pages), and fonts-noto-cjk when there is no',
    'Chinese, Japanese and Korean font.',
  ].join('\n'),
  withTestToolsOption:
    'also make sure the programs the tests use are there: pdfinfo, pdftotext and pdffonts (Debian’s poppler-utils) and strace',
  exitCodes:
    'Exit codes: 0 ready, 2 bad option, 3 something is missing and could not be installed.',
  installing: (packages: readonly string[]): string =>
    `installing Debian's ${packages.join(', ')} (this takes a minute)`,
  aptFailed: (reason: string): string => `✖ ${reason}`,
  ready: (version: string, path: string, source: string): string =>
    `✔ ${version} at ${path} (${source})`,
  toolsMissing: (tools: readonly string[], packages: readonly string[]): string =>
    `✖ ${tools.join(', ')} not found. Install them (e.g. sudo apt-get install ${packages.join(' ')}).`,
  toolsFound: (tools: readonly string[]): string => `✔ ${tools.join(', ')} found`,
};
