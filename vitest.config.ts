import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'e2e/**/*.test.ts'],
    globalSetup: ['testing/globalSetup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
