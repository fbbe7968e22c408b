// Holds Playwright's console slot when `infercheck contracts` prints its own summary: Playwright adds its line
// reporter whenever no reporter claims the terminal, and the command's output would show every check twice.
import type { Reporter } from '@playwright/test/reporter';

export default class QuietReporter implements Reporter {
  printsToStdio(): boolean {
    return true;
  }
}
