// The contract suite: one run of the catalogue against the project's target (fixtures.ts), then one test per check
// in the registry, so JUnit/HTML reports show each rule as its own line — failed with its findings, skipped with why
// (a check that could not run is never shown as passed).
import { CHECKS } from './registry.ts';
import { verdictOf } from './evaluate.ts';
import { formatSummary } from './summary.ts';
import { expect, test } from './fixtures.ts';

test('contract catalogue run', async ({ contractRun }, testInfo) => {
  await testInfo.attach('contract-outcomes', { body: JSON.stringify(contractRun.outcomes), contentType: 'application/json' });
  if (contractRun.drift) await testInfo.attach('contract-drift', { body: JSON.stringify(contractRun.drift), contentType: 'application/json' });
  console.log(formatSummary(contractRun.outcomes, contractRun.wallMs));
  expect(contractRun.outcomes.cases, 'the run sent no case at all').toBeGreaterThan(0);
});

for (const check of CHECKS) {
  test(`${check.id}: ${check.title}`, async ({ contractRun }) => {
    const outcome = contractRun.outcomes.checks.find((c) => c.id === check.id);
    expect(outcome, `no outcome for ${check.id}`).toBeDefined();
    test.skip(verdictOf(outcome!) === 'skip', outcome!.skipReason ?? 'not exercised');
    expect(outcome!).toPassContractCheck();
  });
}
