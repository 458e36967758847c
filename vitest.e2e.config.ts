import { defineConfig } from 'vitest/config';

/** End-to-end tests: the built extension in Debian's Chromium, one file at a time (the machine has 2 cores). */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
