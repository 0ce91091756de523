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
  installDebianPackages,
} from '../src/browser.js';
import { CliError, EXIT, describeError } from '../src/cli-error.js';
import { createProgress } from '../src/progress.js';

const USAGE = `Usage: npm run setup-browser [-- --with-pdf-tools]

Finds the Chrome or Chromium the export uses (PUPPETEER_EXECUTABLE_PATH, CHROME_PATH, puppeteer's
download, then chromium / google-chrome on the system). When there is none and this runs as root on
Debian, installs Debian's chromium (apt-get update && apt-get install -y chromium).

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
  const needPdfTools =
    parsed.values['with-pdf-tools'] === true && !PDF_TOOLS.every((name) => hasProgram(name));
  const missing = [
    ...(lookup.found ? [] : ['chromium']),
    ...(needPdfTools ? ['poppler-utils'] : []),
  ];
  if (missing.length > 0) {
    // An explicitly configured browser path that does not exist is the user's to fix.
    const explicitPathWrong = !lookup.found && lookup.explicit;
    if (explicitPathWrong || !canInstallBrowser()) {
      const why = lookup.found
        ? `${PDF_TOOLS.join(' and ')} not found. ${PDF_TOOLS_HINT}`
        : `${lookup.reason}${explicitPathWrong ? '' : ' It cannot be installed automatically here (that needs root on Debian).'} ${INSTALL_HINT}`;
      process.stderr.write(`✖ ${why}\n`);
      return EXIT.exportFailed;
    }
    progress.info(`installing Debian's ${missing.join(' and ')} (this takes a minute)`);
    await installDebianPackages(missing, progress);
  }
  const ready = lookup.found ? lookup : await findBrowser();
  if (!ready.found) {
    process.stderr.write(`✖ apt-get finished but no browser was found. ${INSTALL_HINT}\n`);
    return EXIT.exportFailed;
  }
  process.stderr.write(`✔ ${browserVersion(ready.path)} at ${ready.path} (${ready.source})\n`);
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
