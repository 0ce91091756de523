/** jsonresume-theme-camera-ready: a JSON Resume theme for research CVs. */
export { render } from './render';
export { pdfRenderOptions, type PdfRenderOptions } from './pdf-options';
export { buildViewModel } from './view-model';
export type * from './view-types';
export * from './types';
export * from './legacy-fields';
