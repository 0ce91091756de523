/**
 * puppeteer's configuration. `npm install` must succeed on machines that reach only the package
 * registry, so puppeteer downloads no browser while installing; the first export (or
 * `npm run setup-browser`) finds one, installs Debian's, or downloads puppeteer's Chrome.
 */
module.exports = { skipDownload: true };
