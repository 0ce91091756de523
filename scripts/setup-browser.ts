/**
 * `npm run setup-browser`: makes sure the exporter has a Chrome or Chromium, installing Debian's
 * `chromium` with apt-get when there is none and that is possible (root, Debian). With
 * `--with-test-tools` it also makes sure the programs the tests run are there.
 */
import { INSTALL_HINT, browserVersion, findBrowser, hasProgram } from '../src/browser/find.js';
import {
  canInstallBrowser,
  hasCjkFont,
  installDebianPackages,
  resolveBrowser,
} from '../src/browser/install.js';
import { installedEngines } from '../src/browser/engines.js';
import { setupCli } from '../src/browser/setup-messages.js';
import { BrowserUnavailableError, describeError } from '../src/errors.js';
import { EXIT, defineCommand, runCommand } from '../src/cli/run-command.js';
import { createProgress } from '../src/runtime.js';

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
        // The faster engine the export prefers (src/browser/engines.ts); Chromium alone works too.
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
