import { createRequire } from 'node:module';

/**
 * pdf-lib through `require`: imported as an ES module, Node first scans each of its CommonJS
 * files for their export names, which doubles its load time (some 100 ms).
 */
export const pdfLib = createRequire(import.meta.url)('pdf-lib') as typeof import('pdf-lib');
