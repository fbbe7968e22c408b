// Playwright fixtures of the contract suite: `outcomes` is what the one catalogue run of this invocation wrote
// (global-setup.ts or `infercheck contracts`), read from the out folder — reading a file, so a replaced worker costs
// nothing and sends nothing. `toPassContractCheck` is the matcher the per-check tests use; its message carries each
// failure's curl reproducer and the --grep that re-runs its case alone.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect as baseExpect } from '@playwright/test';
import type { CheckOutcome, ContractOutcomes } from '../core/result-files.ts';
import { fromEnv } from './run-config.ts';

interface WorkerFixtures {
  outcomes: ContractOutcomes;
}

export const test = base.extend<object, WorkerFixtures>({
  outcomes: [
    async ({}, use) => {
      const file = join(fromEnv().outDir, 'outcomes.json');
      if (!existsSync(file)) throw new Error(`no ${file}: the catalogue run wrote no outcomes (see the global setup's output)`);
      await use(JSON.parse(readFileSync(file, 'utf8')) as ContractOutcomes);
    },
    { scope: 'worker' },
  ],
});

const SHOWN = 10;

export const expect = baseExpect.extend({
  toPassContractCheck(received: CheckOutcome) {
    const pass = received.failed === 0;
    const lines = received.failures.slice(0, SHOWN).flatMap((f) => [
      `  - [${f.severity}] ${f.message}`,
      ...(f.reproducer?.curl ? [`      ${f.reproducer.curl}`] : []),
      ...(f.reproducer ? [`      re-run: ${f.reproducer.rerun}`] : []),
    ]);
    return {
      pass,
      name: 'toPassContractCheck',
      message: () =>
        pass
          ? `expected check ${received.id} to fail, it passed ${received.passed} cases`
          : `check ${received.id} failed ${received.failed} of ${received.cases} cases:\n${lines.join('\n')}${received.failures.length > SHOWN ? `\n  … and ${received.failures.length - SHOWN} more (failures.json)` : ''}`,
    };
  },
});
