import { defineConfig } from 'vitest/config';

// The server suite again, against PostgreSQL at TEST_DATABASE_URL.
export default defineConfig({
  test: {
    include: ['tests/server/**/*.test.ts'],
    environment: 'node',
    env: { SWITCHBOARD_TEST_BACKEND: 'postgres' },
    fileParallelism: false,
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
