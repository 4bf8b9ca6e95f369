import { defineConfig } from 'vitest/config';

// Unit tests beside the code, plus the server suite (real server, real WebSocket, real SQLite
// files). End-to-end browser tests have their own config (vitest.e2e.config.ts).
export default defineConfig({
  test: {
    include: [
      '{shared,server,components,entrypoints}/**/*.test.{ts,tsx}',
      'tests/server/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
