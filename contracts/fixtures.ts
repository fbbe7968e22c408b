// What the contract suite's tests share: the outcomes the one catalogue run of this invocation wrote (global-setup.ts
// or `infercheck contracts`), read from the out folder — reading a file, so a replaced worker sends nothing — and
// `toPassContractCheck`, whose message carries each failure's curl reproducer and the --grep that re-runs its case.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect as baseExpect } from '@playwright/test';
import type { CheckOutcome, ContractOutcomes } from '../core/result-files.ts';
import { fromEnv } from './run-config.ts';

export { test };

/** The outcomes of this invocation's catalogue run; undefined before one was written (`playwright test --list`). */
export function readOutcomes(): ContractOutcomes | undefined {
  const file = join(fromEnv().outDir, 'outcomes.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ContractOutcomes) : undefined;
}

const SHOWN = 10;

export const expect = baseExpect.extend({
  toPassContractCheck(received: CheckOutcome) {
    const pass = received.failed === 0;
    const lines = received.failures.slice(0, SHOWN).flatMap((f) => [
      `  - [${f.severity}] ${f.message}`,
      ...(f.rule ? [`      rule ${f.rule}${f.basis === 'assumed' ? '' : ' (documented)'}: ${f.source ?? ''}`] : []),
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
