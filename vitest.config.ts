import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'e2e/**/*.test.ts', 'testing/**/*.test.ts'],
    globalSetup: ['testing/globalSetup.ts'],
    reporters: ['default', './testing/summaryReporter.ts'],
    testTimeout: 30_000,
    // expect.poll gives up after 1 s by default: under the full suite a page's first load (the
    // session, then the list) took longer on this 2-core machine, and a right answer was failed.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 120_000,
    // Two cores: the browser tests and the PostgreSQL tests each start servers of their own.
    maxWorkers: 2,
  },
});
