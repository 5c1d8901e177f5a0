import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints one plain closing line, "tests: N passed, N failed, N skipped", that any CI can read,
 * and fails a CI run in which a test was skipped: there, browser and PostgreSQL tests must run.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    const skipped: string[] = [];
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') counts.failed++;
        else {
          counts.skipped++;
          skipped.push(`${module.moduleId}: ${test.fullName}`);
        }
      }
      if (module.state() === 'failed' && module.children.size === 0) counts.failed++;
    }
    console.log(`\ntests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
    if (process.env.CI === 'true' && counts.skipped > 0) {
      console.log(`CI must run every test; skipped:\n  ${skipped.join('\n  ')}`);
      process.exitCode = 1;
    }
  }
}
