/**
 * `npm run setup-browser`: makes sure the exporter has a Chrome or Chromium, installing Debian's
 * `chromium` with apt-get when there is none and that is possible (root, Debian). With
 * `--with-test-tools` it also makes sure the programs the tests run are there.
 */
import {
  INSTALL_HINT,
  browserVersion,
  canInstallBrowser,
  findBrowser,
  hasCjkFont,
  hasProgram,
  installDebianPackages,
  installedEngines,
  resolveBrowser,
} from '../src/browser/find-or-install.js';
import { BrowserUnavailableError, describeError } from '../src/errors.js';
import { EXIT, defineCommand, runCommand } from '../src/cli/run-command.js';
import { createProgress } from '../src/runtime.js';

/** The texts of `npm run setup-browser`. */
const setupCli = {
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

/** Programs the tests run, and the Debian package of each. */
const TEST_TOOLS: Record<string, string> = {
  pdfinfo: 'poppler-utils',
  pdftotext: 'poppler-utils',
  pdffonts: 'poppler-utils',
  strace: 'strace',
};
const missingTestTools = () => Object.keys(TEST_TOOLS).filter((name) => !hasProgram(name));
const packagesFor = (tools: string[]) => [...new Set(tools.map((name) => TEST_TOOLS[name]!))];

runCommand(
  defineCommand({
    usage: setupCli.usage,
    about: setupCli.about,
    notes: setupCli.exitCodes,
    options: {
      'with-test-tools': { type: 'boolean', description: setupCli.withTestToolsOption },
    },
    async run({ values }, io) {
      const progress = createProgress();
      const lookup = await findBrowser();
      // An explicitly configured browser path that does not exist is the user's to fix.
      if (!lookup.found && lookup.explicit) {
        throw new BrowserUnavailableError(`${lookup.reason} ${INSTALL_HINT}`);
      }
      const withTestTools = values['with-test-tools'];
      const hasShell = installedEngines(process.env.PATH ?? '').some(
        (engine) => engine.kind === 'headless-shell',
      );
      const debianPackages = [
        ...(lookup.found ? [] : ['chromium']),
        // The faster engine the export prefers (installedEngines); Chromium alone works too.
        ...(hasShell ? [] : ['chromium-headless-shell']),
        ...(withTestTools ? packagesFor(missingTestTools()) : []),
        ...(hasCjkFont() ? [] : ['fonts-noto-cjk']),
      ];
      if (debianPackages.length > 0 && canInstallBrowser()) {
        progress.info(setupCli.installing(debianPackages));
        // A failed apt-get is not the end for the browser: puppeteer's Chrome is tried next.
        await installDebianPackages(debianPackages, progress).catch((error: unknown) =>
          io.stderr(`${setupCli.aptFailed(describeError(error))}\n`),
        );
      }
      // Still none (not Debian, not root, or apt failed): puppeteer's Chrome, else a clear error.
      const path = await resolveBrowser(progress);
      const ready = await findBrowser();
      io.stderr(
        `${setupCli.ready(browserVersion(path), path, ready.found ? ready.source : 'installed')}\n`,
      );
      if (!withTestTools) return EXIT.ok;
      const missing = missingTestTools();
      if (missing.length > 0) {
        io.stderr(`${setupCli.toolsMissing(missing, packagesFor(missing))}\n`);
        return EXIT.exportFailed;
      }
      io.stderr(`${setupCli.toolsFound(Object.keys(TEST_TOOLS))}\n`);
      return EXIT.ok;
    },
  }),
);
