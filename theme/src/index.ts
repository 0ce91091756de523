/** jsonresume-theme-camera-ready: a JSON Resume theme for research CVs. */
import { pdfRenderOptions } from './pdf-options';
import { render } from './render';
import { PAPER_SIZES, PUBLICATION_STATUSES, SECTION_KEYS } from './types';
import { buildViewModel } from './view-model';

export { render, pdfRenderOptions, buildViewModel };
/** The page's link rules, for other outputs built from the view model. */
export { safeHref, displayUrl } from './urls';
export type { PdfRenderOptions } from './pdf-options';
export type * from './view-types';
export * from './types';
export * from './legacy-fields';

/** The whole theme as one object, for `import theme from …` and `require(…).default`. */
const theme = {
  render,
  pdfRenderOptions,
  buildViewModel,
  PUBLICATION_STATUSES,
  PAPER_SIZES,
  SECTION_KEYS,
};
export default theme;
