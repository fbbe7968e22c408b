// Holds Playwright's console slot: infercheck prints the one contract table (the command, or the global setup when
// the suite is run by hand), so Playwright's own list would show every check twice with another count. What this
// prints is only what the table cannot: a test that broke (not a check that failed — the table has those), with its
// error's first line, so a failure of the suite itself is never silent.
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class QuietReporter implements Reporter {
  printsToStdio(): boolean {
    return true;
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status === 'passed' || result.status === 'skipped' || test.title.includes(':')) return;
    const first = (result.error?.message ?? result.status).split('\n')[0];
    process.stderr.write(`playwright: ${test.title}: ${first}\n`);
  }
}
