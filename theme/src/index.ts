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
export * from './paper';
/** The theme's own HTML escaping, for other pages built beside it (the preview's banner). */
export { escapeHtml } from './text';

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
