import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Browser tests: Debian's Chromium driven by playwright-core against the whole system started
 * in-process per test file (fresh demo database, built web client). Run after `npm run build:web`.
 */
export default defineConfig({
  resolve: { alias: { '@core': fileURLToPath(new URL('./core', import.meta.url)) } },
  test: {
    include: ['tests/browser/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Assertions on the page poll until they hold (never a fixed sleep).
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
