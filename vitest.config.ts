import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'src/**/*.test.tsx', 'test/support/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
