/**
 * `npm run setup-browser`: makes sure the exporter has a Chrome or Chromium, installing Debian's
 * `chromium` with apt-get when there is none and that is possible (root, Debian). With
 * `--with-pdf-tools` it also makes sure poppler's pdfinfo and pdftotext are there (the tests
 * read PDFs with them).
 */
import { parseCliArgs } from '../src/cli-args.js';
import {
  INSTALL_HINT,
  browserVersion,
  canInstallBrowser,
  findBrowser,
  hasProgram,
  hasCjkFont,
  installDebianPackages,
  resolveBrowser,
} from '../src/browser.js';
import { CliError, EXIT, describeError } from '../src/cli-error.js';
import { createProgress } from '../src/progress.js';

const USAGE = `Usage: npm run setup-browser [-- --with-pdf-tools]

Finds the Chrome or Chromium the export uses (PUPPETEER_EXECUTABLE_PATH, CHROME_PATH, puppeteer's
download, then chromium / google-chrome on the system). When there is none: as root on Debian,
installs Debian's chromium (apt-get update && apt-get install -y chromium); elsewhere, or when
that fails, downloads puppeteer's Chrome (npx puppeteer browsers install chrome). As root on
Debian it also installs fonts-noto-cjk when there is no Chinese, Japanese and Korean font.

  --with-pdf-tools  also make sure pdfinfo and pdftotext are there (Debian's poppler-utils)

Exit codes: 0 ready, 2 bad option, 3 something is missing and could not be installed.`;

const PDF_TOOLS = ['pdfinfo', 'pdftotext'];
const PDF_TOOLS_HINT = 'Install poppler-utils (e.g. sudo apt-get install poppler-utils).';

async function main(argv: string[]): Promise<number> {
  const parsed = parseCliArgs(argv, {
    help: { type: 'boolean', short: 'h' },
    'with-pdf-tools': { type: 'boolean' },
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
  const needPdfTools =
    parsed.values['with-pdf-tools'] === true && !PDF_TOOLS.every((name) => hasProgram(name));
  const debianPackages = [
    ...(lookup.found ? [] : ['chromium']),
    ...(needPdfTools ? ['poppler-utils'] : []),
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
  if (parsed.values['with-pdf-tools'] === true) {
    if (!PDF_TOOLS.every((name) => hasProgram(name))) {
      process.stderr.write(`✖ ${PDF_TOOLS.join(' and ')} not found. ${PDF_TOOLS_HINT}\n`);
      return EXIT.exportFailed;
    }
    process.stderr.write(`✔ ${PDF_TOOLS.join(' and ')} found\n`);
  }
  return EXIT.ok;
}

main(process.argv.slice(2))
  .catch((error: unknown) => {
    process.stderr.write(`✖ ${describeError(error)}\n`);
    return error instanceof CliError ? error.exitCode : EXIT.exportFailed;
  })
  .then((code) => process.exit(code));
