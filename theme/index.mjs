// ES module entry: the same CommonJS build, re-exported by name.
import theme from './dist/index.js';

export const {
  render,
  pdfRenderOptions,
  buildViewModel,
  PUBLICATION_STATUSES,
  PAPER_SIZES,
  SECTION_KEYS,
  LEGACY_FIELDS,
} = theme;
export default theme;
