/**
 * The theme's tables alone: paper sizes, section keys, publication statuses and pre-1.0 field
 * names. Published as `jsonresume-theme-camera-ready/data`, so a tool can read them without
 * loading the templates, styles and fonts of the whole theme.
 */
export { PAPER_SIZES, PUBLICATION_STATUSES, SECTION_KEYS } from './types';
export { LEGACY_FIELDS } from './legacy-fields';
export { PAPER_DIMENSIONS } from './paper';
