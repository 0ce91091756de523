import { createRequire } from 'node:module';

/**
 * pdf-lib as its own one-file build (the one it publishes for `unpkg`), through `require`: its
 * CommonJS build is some 170 files, and imported as an ES module each is first scanned for its
 * export names. One file loads in about a third of the time.
 */
export const pdfLib = createRequire(import.meta.url)(
  'pdf-lib/dist/pdf-lib.min.js',
) as typeof import('pdf-lib');
