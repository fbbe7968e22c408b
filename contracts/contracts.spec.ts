// The contract suite: one test per check in the registry, each reading the outcomes of the one catalogue run of this
// invocation (fixtures.ts) — failed with its findings, skipped with why (a check that could not run is never shown as
// passed) — and one that says whether the run itself went the whole way.
import { CHECKS } from './registry.ts';
import { verdictOf } from './evaluate.ts';
import { expect, test } from './fixtures.ts';

test('contract catalogue run', async ({ outcomes }) => {
  expect(outcomes.run?.stopped?.message, `the run stopped after ${outcomes.run?.casesDone} of ${outcomes.run?.casesPlanned} cases`).toBeUndefined();
  expect(outcomes.cases, 'the run sent no case at all').toBeGreaterThan(0);
});

for (const check of CHECKS) {
  test(`${check.id}: ${check.title}`, async ({ outcomes }) => {
    const outcome = outcomes.checks.find((c) => c.id === check.id);
    expect(outcome, `no outcome for ${check.id}`).toBeDefined();
    test.skip(verdictOf(outcome!) === 'skip', outcome!.skipReason ?? 'not exercised');
    expect(outcome!).toPassContractCheck();
  });
}
