// Verdicts that fail a vendor only for what the documents say (issue 12's "Must show"): `infercheck contracts`, the
// whole catalogue of one model, against a scripted vendor on a real port of 127.0.0.1 that is more lenient than the
// spec's assumptions and keeps every documented rule — it takes negative seeds (and echoes x-seed-value "-2"), reads
// null as absent and numbers sent as strings as numbers. No check fails and the exit code is 0; each difference is a
// finding in outcomes.json and on the console, naming the assumed rule it differs from. With --strict the same
// differences fail (exit 1), still marked assumed. Both runs at once: about ten seconds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { failuresOf, leftBehind, outcomesOf, runContractsCli } from './testing/cli-run.ts';
import { startScriptedVendor } from '../core/testing/scripted-vendor.ts';
import { LENIENCIES } from '../core/testing/vendor-script.ts';

const ARGS = ['--models', 'sd1.5-scifi', '--max-billable', '200', '--fail-prompt', 'a forbiddenword picture'];

/** The rules the lenient vendor differs from, each an assumption of the spec. */
const ASSUMED = ['Txt2ImgRequest.seed:minimum', 'Txt2ImgRequest:null', 'Txt2ImgRequest:strings'];

test('a vendor that takes negative seeds, reads null as absent and numbers as strings: 0 failures, its differences listed as findings; with --strict they fail', { timeout: 120_000 }, async () => {
  const lenient = await startScriptedVendor({ lenient: LENIENCIES });
  const lenientStrict = await startScriptedVendor({ lenient: LENIENCIES });
  try {
    const [run, strict] = await Promise.all([runContractsCli(lenient, ARGS), runContractsCli(lenientStrict, [...ARGS, '--strict'])]);

    // Default: nothing fails, the gate passes, and every difference is listed with the assumed rule it rests on.
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const outcomes = outcomesOf(run);
    assert.equal(outcomes.strict, false);
    assert.deepEqual(outcomes.checks.filter((c) => c.failed > 0).map((c) => `${c.id}: ${c.failures[0]!.message}`), []);
    assert.deepEqual(failuresOf(run), []);
    assert.equal(JSON.parse(readFileSync(join(run.out, 'findings.json'), 'utf8')).length, outcomes.checks.reduce((n, c) => n + (c.findings?.length ?? 0), 0));
    const findings = outcomes.checks.flatMap((c) => (c.findings ?? []).map((f) => ({ ...f, check: c.id })));
    assert.deepEqual([...new Set(findings.map((f) => f.rule))].sort(), [...ASSUMED].sort());
    assert.ok(findings.every((f) => f.basis === 'assumed' && f.source?.startsWith('assumed:')), JSON.stringify(findings.find((f) => f.basis !== 'assumed')));
    for (const [rule, example] of [
      ['Txt2ImgRequest.seed:minimum', /seed = -2 .* was accepted/],
      ['Txt2ImgRequest:null', /= null \(wrong type\) was accepted/],
      ['Txt2ImgRequest:strings', /= "\d+" \(wrong type\) was accepted/],
    ] as const) {
      assert.ok(findings.some((f) => f.rule === rule && example.test(f.message)), `no finding on ${rule} like ${example}`);
    }
    // The output checks read null and "4" as the vendor applied them: no "asked for 0 samples", no "0×512".
    for (const id of ['image-count-matches-samples', 'jpeg-dimensions', 'seed-echoed', 'documented-headers']) {
      const check = outcomes.checks.find((c) => c.id === id)!;
      assert.ok(check.passed > 0 && (check.findings ?? []).length === 0, `${id}: ${JSON.stringify(check.findings?.slice(0, 2))}`);
    }
    assert.match(run.stdout, /FINDING\s+out-of-range-rejected/);
    assert.match(run.stdout, /checks: \d+ passed, 0 failed, \d+ skipped; \d+ findings on assumed rules/);
    assert.match(run.stdout, /rule Txt2ImgRequest\.seed:minimum: assumed: the pages give no range/);
    // The run folder's JUnit file carries them too: passing test cases with the findings as their output.
    const junit = readFileSync(join(run.out, 'junit.xml'), 'utf8');
    assert.match(junit, /name="out-of-range-rejected: [^"]*" time="[\d.]+"><system-out>\d+ findings? on assumed rules \(not failing\):[^<]*seed = -2/);
    assert.doesNotMatch(junit, /<failure/);

    // --strict: the same differences fail, each still saying it rests on an assumption.
    assert.equal(strict.code, 1, strict.stdout + strict.stderr);
    const strictOutcomes = outcomesOf(strict);
    assert.equal(strictOutcomes.strict, true);
    const failed = strictOutcomes.checks.filter((c) => c.failed > 0);
    assert.deepEqual(failed.map((c) => c.id).sort(), [...new Set(findings.map((f) => f.check))].sort());
    const strictFailures = failuresOf(strict);
    assert.equal(strictFailures.length, findings.length);
    assert.ok(strictFailures.every((f) => f.basis === 'assumed' && ASSUMED.includes(f.rule!)));
    assert.ok(strictFailures.every((f) => f.reproducer?.rerun.includes('--strict')), strictFailures[0]?.reproducer?.rerun);
    assert.match(strict.stdout, /contracts: FAILED — /);
    assert.deepEqual(JSON.parse(readFileSync(join(strict.out, 'findings.json'), 'utf8')), []);
    // The spec's conflicts are reported too: the multipart probe agrees with the decision (400, not 406).
    assert.equal(outcomes.findings.find((f) => f.conflict === 'multipart-bodies')?.agreesWithDecision, true);

    // The vendor's own count: what it took on is what the runs reported, under the cap.
    assert.equal(outcomes.billableRequests, lenient.ledger().billable);
    assert.deepEqual([...leftBehind(run.mark), ...leftBehind(strict.mark)], []);
  } finally {
    await lenient.close();
    await lenientStrict.close();
  }
});
