import { SummaryReporter } from '@jest/reporters';

/**
 * Jest's own summary, followed by one machine-readable last line, `N passed, N failed`, so
 * that CI can tell a run that tested nothing (or crashed before reporting) from a green one.
 * Suites that failed to run count as failures.
 */
export default class SluiceSummaryReporter extends SummaryReporter {
  constructor(globalConfig, options) {
    super(globalConfig, options ?? {});
  }

  onRunComplete(testContexts, results) {
    super.onRunComplete(testContexts, results);
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    process.stderr.write(`\n${results.numPassedTests} passed, ${failed} failed\n`);
  }
}
