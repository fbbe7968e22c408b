// Proof that each check works: for every check in the registry, a nock-scripted vendor (contracts/testing/
// fake-vendor.ts) that breaks exactly that check's rule makes the check report it — as a failure when the rule is
// documented, as a finding when it is assumed, each naming the rule and its basis — and the same case against the
// conforming vendor leaves it silent, while still applying (a check that never applies proves nothing). Against the
// lenient vendor (negative seeds, null as absent, numbers as strings: what the documents allow and the spec's
// assumptions do not expect) every check stays silent too: no failure, at most findings on assumed rules.
// The last test fails when a registered check has no entry here, so the table and its proofs cannot drift apart.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import nock from 'nock';
import { BillableBudget } from '../core/billable-budget.ts';
import { CHECKS } from './registry.ts';
import { evaluateOne, rulesOf } from './evaluate.ts';
import { combinedBasis } from '../core/rule-basis.ts';
import { withExchangeSubjects } from './engine.ts';
import { runPlan } from './phases.ts';
import { buildPlan } from './plan.ts';
import { CaseRunner } from './runner.ts';
import { FAIL_WORD, VENDOR, VENDOR_KEY, installFakeVendor, type Quirk } from './testing/fake-vendor.ts';
import { LENIENCIES } from '../core/testing/vendor-script.ts';
import type { AnyCheck, CheckContext, Finding, Subject } from './types.ts';

const MODEL = 'sd1.5-scifi';
const RPM = 3;
const PLAN_OPTIONS = { models: [MODEL], failPrompt: `a ${FAIL_WORD} picture`, rpm: RPM } as const;
const PLAN = buildPlan(PLAN_OPTIONS);

interface Proof {
  /** The plan case(s) to run, by id. */
  readonly cases: readonly string[];
  /** The one rule the vendor breaks. */
  readonly quirk: Quirk;
  /** What that rule rests on: a documented one fails, an assumed one is a finding. */
  readonly basis: 'documented' | 'assumed';
}

const v2 = `outputs/v2/${MODEL}/samples-2`;
const PROOFS: Readonly<Record<string, Proof>> = {
  answered: { cases: ['lifecycle/unknown-request-id/status'], quirk: 'drop-unknown-id', basis: 'documented' },
  'status-code-documented': { cases: ['transport/wrong-method/status'], quirk: 'teapot', basis: 'documented' },
  'content-type-documented': { cases: [v2], quirk: 'submit-text-plain', basis: 'documented' },
  'response-schema-valid': { cases: [v2], quirk: 'metrics-as-string', basis: 'documented' },
  'documented-headers': { cases: [`outputs/v1/${MODEL}/raw`], quirk: 'no-remaining-credits-header', basis: 'documented' },
  'error-envelope': { cases: [`boundary/v1/${MODEL}/samples/outside-bound/max+1`], quirk: 'error-as-message', basis: 'documented' },
  'not-a-server-error': { cases: [`boundary/v1/${MODEL}/samples/outside-bound/max+1`], quirk: 'invalid-body-500', basis: 'assumed' },
  'bound-accepted': { cases: [`boundary/v1/${MODEL}/scheduler/enum-value/dpmpp_2m`], quirk: 'reject-dpmpp', basis: 'documented' },
  'out-of-range-rejected': { cases: [`boundary/v2/${MODEL}/guidance_scale/outside-bound/max+0.01`], quirk: 'accept-everything', basis: 'documented' },
  'wrong-type-rejected': { cases: [`boundary/v1/${MODEL}/num_inference_steps/wrong-type/array`], quirk: 'accept-everything', basis: 'documented' },
  'missing-required-rejected': { cases: [`boundary/v2/${MODEL}/prompt/missing-required/missing`], quirk: 'accept-everything', basis: 'documented' },
  'rejection-names-parameter': { cases: [`boundary/v1/${MODEL}/guidance_scale/outside-bound/min-0.01`], quirk: 'vague-400', basis: 'assumed' },
  'image-count-matches-samples': { cases: [v2], quirk: 'one-image', basis: 'documented' },
  'jpeg-dimensions': { cases: [v2], quirk: 'always-512', basis: 'documented' },
  'base64-mode-content': { cases: [`outputs/v1/${MODEL}/base64`], quirk: 'base64-garbage', basis: 'assumed' },
  'output-urls-serve-jpeg': { cases: [v2], quirk: 'images-404', basis: 'documented' },
  'seed-echoed': { cases: [`outputs/v1/${MODEL}/raw`], quirk: 'seed-drift', basis: 'documented' },
  'same-seed-same-image': { cases: [`outputs/v1/${MODEL}/raw`], quirk: 'nondeterministic', basis: 'assumed' },
  'job-state-transitions': { cases: [v2], quirk: 'backwards', basis: 'documented' },
  'failed-job-422': { cases: [`lifecycle/failed-job/${MODEL}`], quirk: 'failed-200', basis: 'documented' },
  'output-only-when-completed': { cases: [v2], quirk: 'early-output', basis: 'documented' },
  'submit-urls': { cases: [v2], quirk: 'relative-urls', basis: 'documented' },
  'request-id-consistent': { cases: [v2], quirk: 'wrong-request-id', basis: 'documented' },
  'v1-generation-time-plausible': { cases: [`outputs/v1/${MODEL}/raw`], quirk: 'slow-generation-time', basis: 'documented' },
  'result-retained': { cases: [v2], quirk: 'expire-on-reread', basis: 'documented' },
  'server-metrics-consistent': { cases: [v2], quirk: 'inflated-total-time', basis: 'assumed' },
  'unknown-request-id-404': { cases: ['lifecycle/unknown-request-id/status', 'lifecycle/unknown-request-id/result'], quirk: 'unknown-id-200', basis: 'documented' },
  'missing-key-401': { cases: [`auth/missing-key/v1/${MODEL}`], quirk: 'ignore-missing-key', basis: 'documented' },
  'wrong-key-401': { cases: ['auth/wrong-key/status'], quirk: 'accept-any-key', basis: 'documented' },
  'bearer-only-401': { cases: [`auth/bearer-only/v2/${MODEL}`], quirk: 'accept-bearer', basis: 'assumed' },
  'wrong-content-type-406': { cases: [`transport/wrong-content-type/v1/${MODEL}`], quirk: 'ignore-content-type', basis: 'documented' },
  'multipart-invalid-400': { cases: [`transport/multipart-invalid/v2/${MODEL}`], quirk: 'multipart-406', basis: 'documented' },
  'malformed-json-400': { cases: [`transport/malformed-json/v2/${MODEL}`], quirk: 'malformed-500', basis: 'documented' },
  'unknown-model-404': { cases: ['transport/unknown-model/v1'], quirk: 'unknown-model-400', basis: 'documented' },
  'wrong-method-405': { cases: [`transport/wrong-method/v2/${MODEL}`], quirk: 'wrong-method-404', basis: 'documented' },
  'success-billed-its-cost': { cases: [`money/ledger/${MODEL}`], quirk: 'overcharge', basis: 'documented' },
  'rejections-not-billed': { cases: [`money/ledger/${MODEL}`], quirk: 'bill-rejections', basis: 'documented' },
  'rate-limit-429': { cases: [`rate-limit/burst/${MODEL}`], quirk: 'no-rate-limit', basis: 'documented' },
};

const CTX: CheckContext = { target: { kind: 'url', baseUrl: VENDOR }, wallClock: true, failPrompt: `a ${FAIL_WORD} picture` };

type Vendor = 'conforming' | 'broken' | 'lenient';

/** Runs the proof's cases against the fake vendor (conforming, with the proof's quirk, or lenient) and evaluates one check. */
async function judge(check: AnyCheck, proof: Proof, vendor: Vendor): Promise<{ applied: number; findings: Finding[] }> {
  const missing = proof.cases.filter((id) => !PLAN.cases.some((c) => c.id === id));
  if (missing.length > 0) throw new Error(`self-test names cases ${missing.join(', ')}, which the plan does not contain`);
  installFakeVendor(vendor === 'broken' ? [proof.quirk] : [], {
    ...(proof.cases.some((c) => c.startsWith('rate-limit/')) ? { rpm: RPM } : {}),
    ...(vendor === 'lenient' ? { lenient: LENIENCIES } : {}),
  });
  const runner = new CaseRunner({ baseUrl: VENDOR, apiKey: VENDOR_KEY, budget: BillableBudget.unlimited(), wallClock: true, requestTimeoutMs: 5_000, pollIntervalMs: 1, pollTimeoutMs: 5_000 });
  const plan = buildPlan({ ...PLAN_OPTIONS, grep: { test: (id) => proof.cases.includes(id) } });
  const run = await runPlan(runner, plan, { concurrency: 1, failPrompt: CTX.failPrompt! });
  let applied = 0;
  const findings: Finding[] = [];
  for (const subject of withExchangeSubjects(run.subjects, runner.exchanges, run.infos)) {
    const verdict = evaluateOne(check, CTX, subject);
    if (verdict.kind === 'pass' || verdict.kind === 'fail') applied++;
    if (verdict.kind === 'fail') findings.push(...verdict.findings);
  }
  return { applied, findings };
}

before(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
after(() => nock.enableNetConnect());

describe('every check fires on its violation and stays silent otherwise', () => {
  for (const check of CHECKS) {
    const proof = PROOFS[check.id];
    if (!proof) continue;
    test(`${check.id}: silent against a conforming vendor`, async () => {
      const { applied, findings } = await judge(check, proof, 'conforming');
      assert.ok(applied > 0, `${check.id} never applied to ${proof.cases.join(', ')}, so the proof proves nothing`);
      assert.deepEqual(findings.map((f) => f.message), []);
    });
    test(`${check.id}: fires when the vendor breaks it (${proof.quirk}), naming a ${proof.basis} rule`, async () => {
      const { findings } = await judge(check, proof, 'broken');
      assert.ok(findings.length > 0, `${check.id} stayed silent against quirk ${proof.quirk}`);
      assert.ok(findings.every((f) => f.message.length > 0 && f.cause.length > 0));
      // The broken rule is named, with its basis: a documented one is a failure, an assumed one a finding.
      assert.ok(findings.some((f) => combinedBasis(rulesOf(check, f)) === proof.basis), `${check.id} against ${proof.quirk}: ${findings.map((f) => `${f.message} [${rulesOf(check, f).map((r) => `${r.id} ${r.basis}`).join(', ')}]`).join('; ')}`);
      if (process.env['INFERCHECK_SHOW_FINDINGS']) console.log(`${check.id}: ${findings[0]!.message} [${rulesOf(check, findings[0]!).map((r) => `${r.id}: ${r.basis}`).join(', ')}]`);
    });
    test(`${check.id}: no failure against the lenient vendor (${LENIENCIES.join(', ')})`, async () => {
      const { applied, findings } = await judge(check, proof, 'lenient');
      assert.ok(applied > 0, `${check.id} never applied against the lenient vendor`);
      const failing = findings.filter((f) => combinedBasis(rulesOf(check, f)) === 'documented');
      assert.deepEqual(failing.map((f) => f.message), [], `${check.id} failed a vendor for what the documents allow`);
    });
  }
});

test('every registered check has a self-test, and every self-test names a registered check', () => {
  const registered = CHECKS.map((c) => c.id).sort();
  assert.deepEqual(registered.filter((id) => !(id in PROOFS)), [], 'checks without a self-test');
  assert.deepEqual(Object.keys(PROOFS).filter((id) => !registered.includes(id)), [], 'self-tests of unknown checks');
});

test('a check that throws is reported as a failure of that check, not an abort', () => {
  const throwing: AnyCheck = {
    id: 'throws',
    title: 'throws',
    family: 'conformance',
    severity: 'major',
    subject: 'exchange',
    applies: () => true,
    run: () => {
      throw new TypeError('boom');
    },
    sampleFailure: '',
    rules: {},
  };
  const subject: Subject = { kind: 'exchange', case: { id: 'x', intent: 'outputs' }, exchange: { caseId: 'x', operationId: null, request: { method: 'GET', url: 'http://x/', headers: {} }, startedAt: 0, finishedAt: 0 } };
  const verdict = evaluateOne(throwing, CTX, subject);
  assert.equal(verdict.kind, 'fail');
  assert.match(verdict.kind === 'fail' ? verdict.findings[0]!.message : '', /threw: TypeError: boom/);
});
