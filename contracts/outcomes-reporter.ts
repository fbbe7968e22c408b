// Our own Playwright reporter, stacked after json/junit/html: writes the result files other stages read
// (core/result-files.ts): outcomes.json (ContractOutcomes), failures.json (ContractFailure[], flat) and, when
// replaying, drift.json. It takes them from the run test's attachments, so the worker never formats a report.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import type { ContractOutcomes } from '../core/result-files.ts';
import { redactDeep } from '../core/redact.ts';

export default class OutcomesReporter implements Reporter {
  readonly #outDir: string;
  #outcomes: ContractOutcomes | undefined;
  #drift: unknown;

  constructor(options: { outDir?: string } = {}) {
    this.#outDir = options.outDir ?? 'reports/latest/contracts';
  }

  onTestEnd(_test: TestCase, result: TestResult): void {
    for (const attachment of result.attachments) {
      if (!attachment.body) continue;
      if (attachment.name === 'contract-outcomes') this.#outcomes = JSON.parse(attachment.body.toString('utf8')) as ContractOutcomes;
      if (attachment.name === 'contract-drift') this.#drift = JSON.parse(attachment.body.toString('utf8'));
    }
  }

  onEnd(_result: FullResult): void {
    if (!this.#outcomes) return;
    mkdirSync(this.#outDir, { recursive: true });
    // Redacted again on the way out: a key-shaped string must never reach a file, whatever a target echoed back.
    const outcomes = redactDeep(this.#outcomes);
    writeFileSync(join(this.#outDir, 'outcomes.json'), `${JSON.stringify(outcomes, null, 2)}\n`);
    writeFileSync(join(this.#outDir, 'failures.json'), `${JSON.stringify(outcomes.checks.flatMap((c) => c.failures), null, 2)}\n`);
    if (this.#drift) writeFileSync(join(this.#outDir, 'drift.json'), `${JSON.stringify(redactDeep(this.#drift), null, 2)}\n`);
    console.log(`contracts: wrote outcomes.json, failures.json${this.#drift ? ', drift.json' : ''}, junit.xml, playwright.json and html/ to ${this.#outDir}`);
  }

  printsToStdio(): boolean {
    return false;
  }
}
