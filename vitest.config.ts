import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    server: { deps: { external: [/\/theme\/dist\//] } },
    // A busy two-core machine runs Chromium and clients slowly: give them room, and keep
    // parallelism within the two cores CI has.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
    globalSetup: ['tests/support/global-setup.ts'],
    projects: [
      {
        // In process, the fast loop (`npm run test:unit`): no process, browser or client started.
        // The files mock nothing and change no global, so they share one module graph per worker:
        // the theme and the schema load once, not once per file.
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], isolate: false },
      },
      {
        // Properties over 1,000 and more generated résumés: in process, but minutes, not seconds.
        extends: true,
        test: { name: 'property', include: ['tests/property/**/*.test.ts'], testTimeout: 300_000 },
      },
      {
        // Real processes, Chromium and clients.
        extends: true,
        test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'] },
      },
    ],
  },
});
