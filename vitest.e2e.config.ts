import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: the built extension in Debian's Chromium and Firefox ESR, one file at a time (the
 * machine has 2 cores). Firefox is driven over WebDriver BiDi with Node's own WebSocket, which Node 20
 * has behind a flag.
 */
export default defineConfig({
  test: {
    execArgv: ['--experimental-websocket'],
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
