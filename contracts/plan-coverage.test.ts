// The cheaper plan (issue 10) loses no fault. Since then the full catalogue bills 84 requests instead of 148 (72
// before the three scheduler ids of the SDK wrappers joined the spec): the accepted values of independent parameters
// share requests (split in halves when refused), the determinism pair reuses the output case's body, and the money
// ledger runs first. The table: each single-rule fault — a vendor that breaks exactly one rule — and the check that
// still catches it when the whole plan (one model, every case) runs against that vendor: as a failure when the rule
// is documented, as a finding (and no failure) when it is assumed. The last rows refuse one documented value each,
// where sharing a request could hide which value was refused: the failure must name exactly that value's case.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runContracts } from './engine.ts';
import { buildPlan } from './plan.ts';
import { FAIL_WORD, VENDOR, VENDOR_KEY, fakeVendorFetch } from './testing/fake-vendor.ts';
import { QUIRKS, type Quirk, type RefusedValue } from '../core/testing/vendor-script.ts';

const MODEL = 'sd1.5-scifi';
const b = (api: 'v1' | 'v2', rest: string): string => `boundary/${api}/${MODEL}/${rest}`;

interface Row {
  readonly fault: string;
  readonly quirk?: Quirk;
  readonly refuse?: readonly RefusedValue[];
  readonly check: string;
  /** What the broken rule rests on: documented → the check fails; assumed → a finding, and no failure. */
  readonly basis: 'documented' | 'assumed';
  /** When set: the failures must name exactly these cases (sorted). */
  readonly cases?: readonly string[];
}

const TABLE: readonly Row[] = [
  { fault: 'drops the connection of an unknown request id', quirk: 'drop-unknown-id', basis: 'documented', check: 'answered' },
  { fault: 'answers a pending status with 202', quirk: 'status-202', basis: 'assumed', check: 'status-code-documented' },
  { fault: 'answers submit as text/plain', quirk: 'submit-text-plain', basis: 'documented', check: 'content-type-documented' },
  { fault: 'reports total_time as a string', quirk: 'metrics-as-string', basis: 'documented', check: 'response-schema-valid' },
  { fault: 'omits x-remaining-credits', quirk: 'no-remaining-credits-header', basis: 'documented', check: 'documented-headers' },
  { fault: 'errors as {"message"}', quirk: 'error-as-message', basis: 'documented', check: 'error-envelope' },
  { fault: 'answers an invalid body with 500', quirk: 'invalid-body-500', basis: 'assumed', check: 'not-a-server-error' },
  { fault: 'refuses the dpmpp scheduler names', quirk: 'reject-dpmpp', basis: 'documented', check: 'bound-accepted', cases: ['dpmpp_2m', 'dpmpp_sde_ancestral'].flatMap((s) => [b('v1', `scheduler/enum-value/${s}`), b('v2', `scheduler/enum-value/${s}`)]) },
  { fault: 'accepts everything', quirk: 'accept-everything', basis: 'documented', check: 'wrong-type-rejected' },
  { fault: 'accepts numbers outside their range', quirk: 'accept-out-of-range', basis: 'documented', check: 'out-of-range-rejected' },
  { fault: 'says only "Bad Request"', quirk: 'vague-400', basis: 'assumed', check: 'rejection-names-parameter' },
  { fault: 'returns one image whatever samples says', quirk: 'one-image', basis: 'documented', check: 'image-count-matches-samples' },
  { fault: 'always renders 512×512', quirk: 'always-512', basis: 'documented', check: 'jpeg-dimensions' },
  { fault: 'sends garbage in base64 mode', quirk: 'base64-garbage', basis: 'assumed', check: 'base64-mode-content' },
  { fault: 'serves no images', quirk: 'images-404', basis: 'documented', check: 'output-urls-serve-jpeg' },
  { fault: 'reports another seed', quirk: 'seed-drift', basis: 'documented', check: 'seed-echoed' },
  { fault: 'renders differently each time', quirk: 'nondeterministic', basis: 'assumed', check: 'same-seed-same-image' },
  { fault: 'goes back from PROCESSING to QUEUED', quirk: 'backwards', basis: 'documented', check: 'job-state-transitions' },
  { fault: 'answers a FAILED job with 200', quirk: 'failed-200', basis: 'documented', check: 'failed-job-422' },
  { fault: 'shows output before COMPLETED', quirk: 'early-output', basis: 'documented', check: 'output-only-when-completed' },
  { fault: 'returns a relative status_url', quirk: 'relative-urls', basis: 'documented', check: 'submit-urls' },
  { fault: 'names another request id', quirk: 'wrong-request-id', basis: 'documented', check: 'request-id-consistent' },
  { fault: 'claims a longer generation time than the request took', quirk: 'slow-generation-time', basis: 'documented', check: 'v1-generation-time-plausible' },
  { fault: 'forgets results when read again', quirk: 'expire-on-reread', basis: 'documented', check: 'result-retained' },
  { fault: 'inflates total_time', quirk: 'inflated-total-time', basis: 'assumed', check: 'server-metrics-consistent' },
  { fault: 'answers an unknown request id with 200', quirk: 'unknown-id-200', basis: 'documented', check: 'unknown-request-id-404' },
  { fault: 'ignores a missing key', quirk: 'ignore-missing-key', basis: 'documented', check: 'missing-key-401' },
  { fault: 'accepts any key', quirk: 'accept-any-key', basis: 'documented', check: 'wrong-key-401' },
  { fault: 'accepts the key as Bearer', quirk: 'accept-bearer', basis: 'assumed', check: 'bearer-only-401' },
  { fault: 'ignores the content type', quirk: 'ignore-content-type', basis: 'documented', check: 'wrong-content-type-406' },
  { fault: 'refuses multipart/form-data bodies', quirk: 'multipart-406', basis: 'documented', check: 'multipart-invalid-400' },
  { fault: 'answers a wrong verb on a read with 418', quirk: 'teapot', basis: 'documented', check: 'status-code-documented' },
  { fault: 'answers broken JSON with 500', quirk: 'malformed-500', basis: 'documented', check: 'malformed-json-400' },
  { fault: 'answers an unknown model with 400', quirk: 'unknown-model-400', basis: 'documented', check: 'unknown-model-404' },
  { fault: 'answers a wrong verb with 404', quirk: 'wrong-method-404', basis: 'documented', check: 'wrong-method-405' },
  { fault: 'charges twice what it reports', quirk: 'overcharge', basis: 'documented', check: 'success-billed-its-cost' },
  { fault: 'bills rejections', quirk: 'bill-rejections', basis: 'documented', check: 'rejections-not-billed' },
  { fault: 'has no rate limit', quirk: 'no-rate-limit', basis: 'documented', check: 'rate-limit-429' },
  // One documented value refused, where sharing a request could hide which.
  { fault: 'refuses scheduler "UniPC" on v2 only', refuse: [{ parameter: 'scheduler', value: 'UniPC', api: 'v2' }], basis: 'documented', check: 'bound-accepted', cases: [b('v2', 'scheduler/enum-value/UniPC')] },
  { fault: 'refuses seed -1 (a random seed)', refuse: [{ parameter: 'seed', value: -1 }], basis: 'documented', check: 'bound-accepted', cases: [b('v1', 'seed/bound/min'), b('v2', 'seed/bound/min')] },
  { fault: 'refuses img_height 1024 on v1', refuse: [{ parameter: 'img_height', value: 1024, api: 'v1' }], basis: 'documented', check: 'bound-accepted', cases: [b('v1', 'img_height/enum-value/1024')] },
  { fault: 'refuses samples 4', refuse: [{ parameter: 'samples', value: 4 }], basis: 'documented', check: 'bound-accepted', cases: [b('v1', 'samples/bound/max'), b('v2', 'samples/bound/max')] },
  { fault: 'refuses a 1-character prompt', refuse: [{ parameter: 'prompt', value: 'x' }], basis: 'documented', check: 'bound-accepted', cases: [b('v1', 'prompt/bound/min-length'), b('v2', 'prompt/bound/min-length')] },
  { fault: 'refuses guidance_scale 25 on v2', refuse: [{ parameter: 'guidance_scale', value: 25, api: 'v2' }], basis: 'documented', check: 'bound-accepted', cases: [b('v2', 'guidance_scale/bound/max')] },
];

const RPM = 60; // only for the rate-limit row: the run paces itself under it, and reads the balance paced too

async function runPlanAgainst(row: Pick<Row, 'quirk' | 'refuse'>) {
  const rateLimited = row.quirk === 'no-rate-limit';
  const vendor = fakeVendorFetch(row.quirk ? [row.quirk] : [], { ...(row.refuse ? { refuse: row.refuse } : {}), ...(rateLimited ? { rpm: RPM } : {}) });
  const run = await runContracts({
    fetch: vendor.fetch,
    target: { kind: 'url', baseUrl: VENDOR },
    apiKey: VENDOR_KEY,
    models: [MODEL],
    failPrompt: `a ${FAIL_WORD}`,
    maxBillable: Number.POSITIVE_INFINITY,
    pollIntervalMs: 1,
    pollTimeoutMs: 5_000,
    requestTimeoutMs: 5_000,
    // The burst needs --rpm, which paces every request: that row runs the burst alone.
    ...(rateLimited ? { rpm: RPM, grep: /^rate-limit\// } : {}),
  });
  return { ...run, vendor };
}

test('the cheaper plan bills at most half of the old one', () => {
  const full = buildPlan({ models: ['sd1.5-scifi', 'sd1.5-epicrealism'], failPrompt: 'fail' });
  assert.ok(full.expected <= 86, `the full catalogue plans ${full.expected} billable requests (148 before)`);
  assert.ok(full.cases.length >= 460, `only ${full.cases.length} cases`);
});

test('against a vendor that keeps every rule the whole plan finds nothing and bills what it announced', async () => {
  const { outcomes, planned, vendor } = await runPlanAgainst({});
  assert.deepEqual(outcomes.checks.filter((c) => c.failed > 0).map((c) => `${c.id}: ${c.failures[0]?.message}`), []);
  assert.equal(vendor.ledger().billable, planned.expected);
});

test('the table covers every fault the scripted vendor knows', () => {
  const covered = new Set(TABLE.map((r) => r.quirk));
  // submit-202 is a documented conflict the spec decided both ways: a finding, never a failure (engine.test.ts).
  assert.deepEqual(QUIRKS.filter((q) => q !== 'submit-202' && !covered.has(q)), []);
});

for (const row of TABLE) {
  test(`${row.fault} → ${row.check}`, async () => {
    const { outcomes, planned, vendor } = await runPlanAgainst(row);
    // Whatever the vendor wrongly accepts, it never takes on more than the plan announced as the worst case.
    assert.ok(vendor.ledger().billable <= planned.worstCase, `${vendor.ledger().billable} billable requests, ${planned.worstCase} announced at most`);
    const check = outcomes.checks.find((c) => c.id === row.check)!;
    if (row.basis === 'documented') {
      assert.ok(check.failed > 0, `${row.check} stayed silent: ${check.skipReason ?? `${check.passed} passed, ${check.differed} findings`}`);
      assert.ok(check.failures.every((f) => f.basis === 'documented' && f.rule && f.source));
    } else {
      // An assumed rule: listed as a finding that names its rule, failing nothing.
      assert.equal(check.failed, 0, JSON.stringify(check.failures.map((f) => f.message)));
      assert.ok((check.findings ?? []).length > 0, `${row.check} stayed silent: ${check.skipReason ?? `${check.passed} passed`}`);
      assert.ok(check.findings!.every((f) => f.basis === 'assumed' && f.rule && f.source));
    }
    if (row.cases) assert.deepEqual([...new Set(check.failures.flatMap((f) => f.reproducer?.caseIds ?? []))].sort(), [...row.cases].sort());
  });
}
