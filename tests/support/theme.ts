/**
 * Our theme as the tests use it: the CommonJS entry (`index.js`), which is what resume-cli and
 * the hosted registry load. The ES entry is covered by the client tests (resumed imports it).
 */
import { createRequire } from 'node:module';

type Theme = typeof import('jsonresume-theme-camera-ready');

export const theme = createRequire(import.meta.url)('jsonresume-theme-camera-ready') as Theme;
