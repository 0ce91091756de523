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
