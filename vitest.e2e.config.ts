import { defineConfig } from 'vitest/config';

// Browser tests: the built extension (.output/chrome-mv3) in Debian's Chromium, with a real server.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
