/** The texts of the maintainers' commands: `npm run compat` and the validator build step. */
export const compatCli = {
  usage: 'Usage: npm run compat',
  about: (themes: number): string =>
    [
      `Renders resume.json with ${themes} published themes, installs the packed theme in a fresh`,
      'project and runs resume-cli and resumed on it, then writes docs/compatibility.md.',
      'Needs Chromium (PUPPETEER_EXECUTABLE_PATH, default /usr/bin/chromium) and poppler-utils.',
    ].join('\n'),
  exitCodes:
    'Exit codes: 0 all checks passed, 1 some check failed (see the table), 2 bad option, 3 a bug.',
  rendered: (themes: number): string => `rendered resume.json with ${themes} published themes`,
  ranClients:
    'packed the theme, installed it in a fresh project, ran resume-cli, resumed and npm run export',
  wrote: (file: string): string => `wrote ${file}`,
  themeFailed: (theme: string, reason: string | undefined): string =>
    `jsonresume-theme-${theme}: ${reason ?? 'facts missing'}`,
  clientFailed: (client: string, how: string, format: string): string =>
    `${client} (${how}, ${format}) failed`,
};

export const buildValidatorCli = {
  usage: 'Usage: node build/scripts/build-validator.js',
  about: [
    'Run by npm run build: writes the résumé validator as standalone code beside the compiled',
    'schema module, so validating does not compile the schema on every run.',
  ].join('\n'),
};

/** The texts of `npm run bench`. */
export const benchCli = {
  usage: 'Usage: npm run bench [-- --rounds N] [-- --saves N] [-- --only validation|import|bib]',
  about: [
    'Times whole processes, alternating: our PDF export, resumed export with our theme and the bare',
    'floor script (bench/floor.mjs) on every installed engine; our export’s phases (--timings); the',
    'preview’s save → PDF; batch throughput; the theme’s warm render; validation with thousands of',
    'errors; a 2,000-entry BibTeX import; the import of 1,000 entries against citation-js parsing',
    'them. Prints the results and writes bench/RESULTS.md. Run it on a quiet machine.',
  ].join('\n'),
  exitCodes: 'Exit codes: 0 measured, 2 bad option, 3 no engine to compare or a bug.',
  roundsOption: 'alternating rounds of whole-process exports',
  savesOption: 'preview saves timed (after two uncounted ones)',
  onlyOption: 're-measure one section of bench/RESULTS.md: validation, import or bib',
  onlyValues: '--only takes: validation, import, bib.',
  wholeNumber: (option: string): string => `${option} takes a whole number ≥ 1.`,
  notAnEngine: (browser: string): string =>
    `The export's browser (${browser}) is not one of the system's engines this benchmark compares. Run npm run setup-browser first, and unset PUPPETEER_EXECUTABLE_PATH.`,
  updated: (section: string): string => `✔ updated the ${section} section of bench/RESULTS.md`,
  wrote: '✔ wrote bench/RESULTS.md',
};
