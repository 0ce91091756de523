import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    server: { deps: { external: [/\/theme\/dist\//] } },
    include: ['tests/**/*.test.ts'],
    // Browser and CLI tests start real Chromium and real clients: give them room, and keep
    // parallelism within the two cores CI has.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
  },
});
