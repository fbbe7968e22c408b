// The contract suite: one test per check of the registry, each reading the outcomes of the one catalogue run of this
// invocation — failed with its findings, skipped with why (a check that could not run is never shown as passed) —
// and one that says whether the run itself went the whole way. The outcomes are written before Playwright loads this
// file (by `infercheck contracts`, or by the global setup, which Playwright runs first), so the list of tests comes
// from them and a worker loads no check code: a failed test replaces its worker, and a new one costs only this file.
// A check that broke only assumed rules passes with its findings as annotations (JUnit properties, the HTML report);
// INFERCHECK_CONTRACTS_STRICT=1 (or `infercheck contracts --strict`) runs the catalogue so that they fail instead.
import { expect, readOutcomes, test } from './fixtures.ts';
import { verdictOf } from './evaluate.ts';

const outcomes = readOutcomes();

test('contract catalogue run', () => {
  expect(outcomes, 'the catalogue run wrote no outcomes.json (see the global setup output above)').toBeDefined();
  expect(outcomes!.run?.stopped?.message, `the run stopped after ${outcomes!.run?.casesDone} of ${outcomes!.run?.casesPlanned} cases`).toBeUndefined();
  expect(outcomes!.cases, 'the run sent no case at all').toBeGreaterThan(0);
});

/** Findings shown per check as annotations; every one is in outcomes.json. */
const ANNOTATED = 10;

for (const outcome of outcomes?.checks ?? []) {
  test(`${outcome.id}: ${outcome.title}`, () => {
    test.skip(verdictOf(outcome) === 'skip', outcome.skipReason ?? 'not exercised');
    for (const f of (outcome.findings ?? []).slice(0, ANNOTATED)) {
      test.info().annotations.push({ type: 'finding (assumed rule, not failing)', description: `${f.message} — rule ${f.rule}: ${f.source}` });
    }
    expect(outcome).toPassContractCheck();
  });
}
