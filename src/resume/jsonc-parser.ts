import { createRequire } from 'node:module';

/**
 * jsonc-parser through `require`: its ES module entry is its CommonJS build, which Node would
 * first scan for export names, a cost every validation would pay at start-up.
 */
export const jsoncParser = createRequire(import.meta.url)(
  'jsonc-parser',
) as typeof import('jsonc-parser');
