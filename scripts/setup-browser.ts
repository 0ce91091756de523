/**
 * `npm run setup-browser`: makes sure the exporter has a Chrome or Chromium, installing Debian's
 * `chromium` with apt-get when there is none and that is possible (root, Debian).
 */
import { parseCliArgs } from '../src/cli-args.js';
import {
  INSTALL_HINT,
  browserVersion,
  canInstallBrowser,
  findBrowser,
  installBrowser,
} from '../src/browser.js';
import { CliError, EXIT, describeError } from '../src/cli-error.js';
import { createProgress } from '../src/progress.js';

const USAGE = `Usage: npm run setup-browser

Finds the Chrome or Chromium the export uses (PUPPETEER_EXECUTABLE_PATH, CHROME_PATH, puppeteer's
download, then chromium / google-chrome on the system). When there is none and this runs as root on
Debian, installs Debian's chromium (apt-get update && apt-get install -y chromium).

Exit codes: 0 a browser is ready, 2 bad option, 3 no browser and none could be installed.`;

async function main(argv: string[]): Promise<number> {
  const parsed = parseCliArgs(argv, { help: { type: 'boolean', short: 'h' } });
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
  if (lookup.found) {
    process.stderr.write(`✔ ${browserVersion(lookup.path)} at ${lookup.path} (${lookup.source})\n`);
    return EXIT.ok;
  }
  if (lookup.explicit || !canInstallBrowser()) {
    const why = lookup.explicit
      ? ''
      : ' It cannot be installed automatically here (that needs root on Debian).';
    process.stderr.write(`✖ ${lookup.reason}${why} ${INSTALL_HINT}\n`);
    return EXIT.exportFailed;
  }
  await installBrowser(progress);
  const installed = await findBrowser();
  if (!installed.found) {
    process.stderr.write(`✖ apt-get finished but no browser was found. ${INSTALL_HINT}\n`);
    return EXIT.exportFailed;
  }
  process.stderr.write(`✔ ${browserVersion(installed.path)} at ${installed.path}\n`);
  return EXIT.ok;
}

main(process.argv.slice(2))
  .catch((error: unknown) => {
    process.stderr.write(`✖ ${describeError(error)}\n`);
    return error instanceof CliError ? error.exitCode : EXIT.exportFailed;
  })
  .then((code) => process.exit(code));
