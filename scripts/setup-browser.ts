/**
 * `npm run setup-browser`: makes sure the exporter has a Chrome or Chromium, installing Debian's
 * `chromium` with apt-get when there is none and that is possible (root, Debian). With
 * `--with-test-tools` it also makes sure the programs the tests run are there.
 */
import { parseCliArgs } from '../src/cli/cli-args.js';
import {
  INSTALL_HINT,
  browserVersion,
  canInstallBrowser,
  findBrowser,
  hasProgram,
  hasCjkFont,
  installDebianPackages,
  resolveBrowser,
} from '../src/browser/browser.js';
import { CliError, EXIT, describeError } from '../src/cli/cli-error.js';
import { createProgress } from '../src/cli/progress.js';

const USAGE = `Usage: npm run setup-browser [-- --with-test-tools]

Finds the Chrome or Chromium the export uses (PUPPETEER_EXECUTABLE_PATH, CHROME_PATH, puppeteer's
download, then chromium / google-chrome on the system). When there is none: as root on Debian,
installs Debian's chromium (apt-get update && apt-get install -y chromium); elsewhere, or when
that fails, downloads puppeteer's Chrome (npx puppeteer browsers install chrome). As root on
Debian it also installs fonts-noto-cjk when there is no Chinese, Japanese and Korean font.

  --with-test-tools  also make sure the programs the tests use are there: pdfinfo, pdftotext and
                     pdffonts (Debian's poppler-utils) and strace

Exit codes: 0 ready, 2 bad option, 3 something is missing and could not be installed.`;

/** Programs the tests run, and the Debian package of each. */
const TEST_TOOLS: Record<string, string> = {
  pdfinfo: 'poppler-utils',
  pdftotext: 'poppler-utils',
  pdffonts: 'poppler-utils',
  strace: 'strace',
};
const missingTestTools = () => Object.keys(TEST_TOOLS).filter((name) => !hasProgram(name));
const packagesFor = (tools: string[]) => [...new Set(tools.map((name) => TEST_TOOLS[name]!))];

async function main(argv: string[]): Promise<number> {
  const parsed = parseCliArgs(argv, {
    help: { type: 'boolean', short: 'h' },
    'with-test-tools': { type: 'boolean' },
  });
  if (!parsed.ok || parsed.positionals.length > 0) {
    const why = parsed.ok ? `unexpected argument ${parsed.positionals[0]}.` : parsed.message;
    process.stderr.write(`✖ ${why} Run with --help for usage.\n`);
    return EXIT.badInputOrOptions;
  }
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return EXIT.ok;
  }
  const progress = createProgress();
  const lookup = await findBrowser();
  if (!lookup.found && lookup.explicit) {
    // An explicitly configured browser path that does not exist is the user's to fix.
    process.stderr.write(`✖ ${lookup.reason} ${INSTALL_HINT}\n`);
    return EXIT.exportFailed;
  }
  const withTestTools = parsed.values['with-test-tools'] === true;
  const testPackages = withTestTools ? packagesFor(missingTestTools()) : [];
  const debianPackages = [
    ...(lookup.found ? [] : ['chromium']),
    ...testPackages,
    ...(hasCjkFont() ? [] : ['fonts-noto-cjk']),
  ];
  if (debianPackages.length > 0 && canInstallBrowser()) {
    progress.info(`installing Debian's ${debianPackages.join(', ')} (this takes a minute)`);
    // A failed apt-get is not the end for the browser: puppeteer's Chrome is tried next.
    await installDebianPackages(debianPackages, progress).catch((error: unknown) =>
      process.stderr.write(`✖ ${describeError(error)}\n`),
    );
  }
  // Still none (not Debian, not root, or apt failed): puppeteer's Chrome, else a clear error.
  const path = await resolveBrowser(progress);
  const ready = await findBrowser();
  const source = ready.found ? ready.source : 'installed';
  process.stderr.write(`✔ ${browserVersion(path)} at ${path} (${source})\n`);
  if (withTestTools) {
    const missing = missingTestTools();
    if (missing.length > 0) {
      const install = packagesFor(missing).join(' ');
      process.stderr.write(
        `✖ ${missing.join(', ')} not found. Install them (e.g. sudo apt-get install ${install}).\n`,
      );
      return EXIT.exportFailed;
    }
    process.stderr.write(`✔ ${Object.keys(TEST_TOOLS).join(', ')} found\n`);
  }
  return EXIT.ok;
}

void main(process.argv.slice(2))
  .catch((error: unknown) => {
    process.stderr.write(`✖ ${describeError(error)}\n`);
    return error instanceof CliError ? error.exitCode : EXIT.exportFailed;
  })
  .then((code) => process.exit(code));
