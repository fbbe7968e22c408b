// Record against the embedded mock, close it, replay with nothing listening: the suite passes offline, the cassettes
// hold no API key, and the drift report is empty until the recording disagrees with the spec.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMock } from '../mock/index.ts';
import { runContracts } from './engine.ts';
import { installReplay, readCassette, recordedRequests, writeCassette, CASSETTE_FILE } from './cassette.ts';
import { VENDOR, VENDOR_KEY, fakeVendorFetch } from './testing/fake-vendor.ts';
import { driftReport } from './drift.ts';
import { MOCK_FAIL_WORD } from './run-config.ts';

const SECRET_KEY = 'SG_5ec2e7ab5ec2e7ab';
/** Checks that judge the wall clock, which a replay does not have (they skip). */
const TIMING_CHECKS = new Set(['server-metrics-consistent', 'v1-generation-time-plausible']);
const SUBSET = /^(auth|transport|lifecycle|outputs|money)\/|\/seed\//;

test('a recording made against the mock replays offline, passes, and contains no API key', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'infercheck-cassette-'));
  const mock = await startMock({ profile: 'ci', apiKeys: [SECRET_KEY], raiBlock: [MOCK_FAIL_WORD], credits: 1e6 });
  const failPrompt = `a ${MOCK_FAIL_WORD} picture`;
  let recordedCases: string[];
  try {
    const recorded = await runContracts({ target: { kind: 'mock', baseUrl: mock.url }, apiKey: SECRET_KEY, models: ['sd1.5-scifi'], failPrompt, maxBillable: Number.POSITIVE_INFINITY, grep: SUBSET, pollIntervalMs: 10, pollTimeoutMs: 20_000 });
    assert.ok(recorded.outcomes.checks.every((c) => c.failed === 0), 'the recording run itself failed');
    recordedCases = recorded.plan.map((c) => c.id);
    writeCassette(dir, { target: { kind: 'mock', baseUrl: mock.url }, models: ['sd1.5-scifi'], failPrompt, caseIds: recordedCases }, recorded.exchanges, [SECRET_KEY]);
  } finally {
    await mock.close(); // nothing listens any more: the replay below cannot reach a server
  }

  for (const file of readdirSync(dir)) {
    const text = readFileSync(join(dir, file), 'utf8');
    assert.ok(!text.includes(SECRET_KEY), `${file} contains the API key`);
    assert.ok(!/\bSG_[0-9a-f]{16}\b/i.test(text), `${file} contains a key-shaped string`);
    assert.ok(!/"x-api-key"\s*:/i.test(text), `${file} stores an x-api-key header`);
  }

  const { manifest, entries } = readCassette(dir);
  const ids = new Set(manifest.caseIds);
  const restore = installReplay(entries);
  let pending: string[];
  try {
    const replayed = await runContracts({
      target: { kind: 'replay', baseUrl: manifest.target.baseUrl },
      apiKey: 'SG_replayreplayrepl',
      models: [...manifest.models],
      failPrompt: manifest.failPrompt!,
      maxBillable: Number.POSITIVE_INFINITY,
      wallClock: false,
      grep: { test: (id: string) => ids.has(id) } as RegExp,
    });
    assert.equal(replayed.outcomes.cases, recordedCases.length);
    const failed = replayed.outcomes.checks.filter((c) => c.failed > 0);
    assert.deepEqual(failed.map((c) => `${c.id}: ${c.failures[0]?.message}`), []);
    assert.ok(replayed.outcomes.checks.find((c) => c.id === 'job-state-transitions')!.passed > 0);
  } finally {
    pending = restore();
  }
  assert.deepEqual(pending, [], 'the replay left recorded exchanges unused');
  assert.deepEqual(driftReport(manifest, entries).entries, []);

  // Today's spec against a tampered recording: an undocumented status and an invalid body are drift.
  const tampered = entries.map((e) => ({ ...e }));
  const submit = tampered.find((e) => e['x-infercheck'].operationId === 'submitAsync' && e.status === 200)!;
  Object.assign(submit, { response: { status: 'QUEUED' } });
  const poll = tampered.find((e) => e['x-infercheck'].operationId === 'getRequestStatus' && e.status === 200)!;
  Object.assign(poll, { status: 202 });
  writeFileSync(join(dir, CASSETTE_FILE), JSON.stringify(tampered));
  const drift = driftReport(manifest, readCassette(dir).entries, ['GET http://127.0.0.1:1/never']);
  assert.equal(drift.counts['body-schema'], 1);
  assert.equal(drift.counts['undocumented-status'], 1);
  assert.equal(drift.counts['not-replayed'], 1);
  // Each item says what the rule it differs from rests on: a submit body without its URLs breaks the documented
  // SubmitResponse; a 202 status read differs from an assumption (no document gives that code).
  const basis = (kind: string): string[] => drift.entries.filter((e) => e.kind === kind).map((e) => `${e.rule} ${e.basis}`);
  assert.deepEqual(basis('body-schema'), ['SubmitResponse:* documented']);
  assert.deepEqual(basis('undocumented-status'), ['getRequestStatus:success assumed']);
  assert.ok(drift.entries.filter((e) => e.kind !== 'not-replayed').every((e) => e.source && e.source.length > 0));
  assert.equal(drift.entries.find((e) => e.kind === 'not-replayed')!.basis, undefined);

  // A recorded request body: today's spec rejects a negative seed (an assumed bound) and a documented wrong type; the
  // target took both. Each drift item names the rule and its basis.
  const [first] = readCassette(dir).entries.filter((e) => e['x-infercheck'].operationId === 'generateSync' && e.status === 200);
  assert.ok(first, 'the recording holds a v1 success');
  const bodies = [{ ...(first!.body as object), seed: -2 }, { ...(first!.body as object), samples: [1] }, { ...(first!.body as object), samples: null }];
  const requestDrift = driftReport(manifest, bodies.map((body) => ({ ...first!, body })));
  assert.deepEqual(
    requestDrift.entries.map((e) => `${e.kind} ${e.rule} ${e.basis}`),
    ['request-verdict-changed Txt2ImgRequest.seed:minimum assumed', 'request-verdict-changed Txt2ImgRequest.samples:type documented', 'request-verdict-changed Txt2ImgRequest:null assumed'],
  );
});

// A recording made under a --max-billable below the plan: some cases were never sent, and a refused packed body may
// not have been split to the value it refused (no budget left). The replay has no budget of its own to run out of, so
// it must refuse exactly what the recording's budget refused — or it asks nock for answers nobody recorded.
test('a recording cut short by its budget replays to the same verdicts, asking for nothing it does not hold', async () => {
  // a vendor that refuses one documented value, DDIM, which the suite packs with values of other parameters: the
  // packed body is refused and split down to DDIM when the budget allows
  const grep = /^boundary\/v2\/sd1\.5-scifi\/(scheduler|num_inference_steps|guidance_scale)\//;
  const refusingDdim = (inner: ReturnType<typeof fakeVendorFetch>['fetch']): typeof inner => async (input, init = {}) =>
    init.method === 'POST' && typeof init.body === 'string' && init.body.includes('"scheduler":"DDIM"')
      ? new Response(JSON.stringify({ error: 'scheduler DDIM is not supported' }), { status: 400, headers: { 'content-type': 'application/json' } })
      : inner(input, init);
  const shapes: string[] = [];
  for (const maxBillable of [3, 9, 17]) {
    const vendor = fakeVendorFetch();
    const recorded = await runContracts({ target: { kind: 'url', baseUrl: VENDOR }, apiKey: VENDOR_KEY, fetch: refusingDdim(vendor.fetch), models: ['sd1.5-scifi'], maxBillable, grep, pollIntervalMs: 1, pollTimeoutMs: 20_000 });
    const dir = mkdtempSync(join(tmpdir(), 'infercheck-cassette-budget-'));
    writeCassette(dir, { target: { kind: 'url', baseUrl: VENDOR }, models: ['sd1.5-scifi'], caseIds: recorded.plan.map((c) => c.id) }, recorded.exchanges, [VENDOR_KEY]);
    const { manifest, entries } = readCassette(dir);
    const ids = new Set(manifest.caseIds);
    const restore = installReplay(entries);
    let replayed: Awaited<ReturnType<typeof runContracts>>;
    let pending: string[];
    try {
      replayed = await runContracts({ target: { kind: 'replay', baseUrl: VENDOR }, apiKey: 'SG_replayreplayrepl', models: ['sd1.5-scifi'], maxBillable: Number.POSITIVE_INFINITY, wallClock: false, grep: { test: (id: string) => ids.has(id) }, recorded: recordedRequests(entries) });
    } finally {
      pending = restore();
    }
    // a replay skips the timing checks (no wall clock): every other check judges the same answers the same way
    const verdicts = (r: typeof recorded): string[] => r.outcomes.checks.filter((c) => c.cases > 0 && !TIMING_CHECKS.has(c.id)).map((c) => `${c.id} ${c.passed}/${c.failed}: ${c.failures.map((f) => f.dedupeKey).join(' ')}`);
    assert.deepEqual(replayed.exchanges.filter((e) => e.error).map((e) => `${e.request.method} ${e.request.url}: ${e.error}`), [], `cap ${maxBillable}: the replay asked for what was not recorded`);
    assert.deepEqual(pending, [], `cap ${maxBillable}: recorded exchanges left unused`);
    assert.deepEqual(verdicts(replayed), verdicts(recorded), `cap ${maxBillable}`);
    assert.equal(replayed.outcomes.run?.casesOverBudget, recorded.outcomes.run?.casesOverBudget, `cap ${maxBillable}`);
    assert.equal(replayed.exchanges.length, recorded.exchanges.length, `cap ${maxBillable}`);
    assert.ok(vendor.ledger().billable <= maxBillable, `cap ${maxBillable}: the vendor took ${vendor.ledger().billable}`);
    // the vendor's refusal of DDIM is found (the packed body split down to it) whatever the cap
    assert.ok(recorded.outcomes.checks.find((c) => c.id === 'bound-accepted')!.failures.some((f) => f.message.includes('DDIM')), `cap ${maxBillable}: DDIM's refusal not judged`);
    shapes.push(`${maxBillable}: ${recorded.outcomes.run?.casesOverBudget} over budget`);
  }
  // two of the caps cut the run short, in different places; the third leaves room for the whole plan
  assert.equal(shapes.filter((s) => !s.endsWith(' 0 over budget')).length, 2, shapes.join('; '));
});
