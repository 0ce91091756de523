/**
 * What resume-cli and resumed pass to Chromium's `page.pdf()`. Print media (both default to
 * screen), and the page size from the CSS `@page` rule, which follows `themeOptions.paper`;
 * `format` is the fallback for clients that ignore `preferCSSPageSize`.
 */
export interface PdfRenderOptions {
  mediaType: 'print';
  printBackground: true;
  preferCSSPageSize: true;
  format: 'A4';
}

export const pdfRenderOptions: PdfRenderOptions = Object.freeze({
  mediaType: 'print',
  printBackground: true,
  preferCSSPageSize: true,
  format: 'A4',
});
