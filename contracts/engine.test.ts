// The engine's money and scheduling rules, against the nock-scripted vendor (no socket) and, for the rate limit, the
// embedded mock started with --rpm.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import nock from 'nock';
import { startMock } from '../mock/index.ts';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BillableBudget } from '../core/billable-budget.ts';
import { MODELS } from '../core/spec.ts';
import { runContracts } from './engine.ts';
import { verdictOf } from './evaluate.ts';
import { FAIL_WORD, VENDOR, VENDOR_KEY, installFakeVendor } from './testing/fake-vendor.ts';

const fast = { pollIntervalMs: 1, pollTimeoutMs: 5_000, requestTimeoutMs: 5_000 } as const;

before(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
after(() => nock.enableNetConnect());

function isBillableSubmit(e: { request: { method: string; url: string } }): boolean {
  return e.request.method === 'POST' && /\/v[12]\/sd1\.5-(scifi|epicrealism)$/.test(e.request.url);
}

test('with --max-billable 0 nothing that could be billed is sent, and the checks that need it say why', async () => {
  const vendor = installFakeVendor();
  const { outcomes, exchanges } = await runContracts({ target: { kind: 'url', baseUrl: VENDOR }, apiKey: VENDOR_KEY, models: ['sd1.5-scifi'], maxBillable: 0, ...fast });
  assert.equal(outcomes.billableRequests, 0);
  const keyed = exchanges.filter((e) => isBillableSubmit(e) && (e.request.auth === 'key' || e.request.auth === 'bearer'));
  assert.deepEqual(keyed.map((e) => e.caseId), [], 'a request carrying the key reached a billable operation');
  assert.equal(vendor.ledger().billable, 0);
  assert.ok(outcomes.cases > 20, `only ${outcomes.cases} cases ran`);
  assert.ok(outcomes.run!.casesOverBudget > 200, `${outcomes.run!.casesOverBudget} cases over budget`);
  for (const id of ['bound-accepted', 'out-of-range-rejected', 'wrong-content-type-406']) {
    const check = outcomes.checks.find((c) => c.id === id)!;
    assert.equal(verdictOf(check), 'skip', id);
    assert.match(check.skipReason ?? '', /--max-billable/, id);
  }
  assert.equal(verdictOf(outcomes.checks.find((c) => c.id === 'missing-key-401')!), 'pass');
  assert.ok(outcomes.checks.every((c) => c.failed === 0), JSON.stringify(outcomes.checks.filter((c) => c.failed > 0).map((c) => c.failures[0]?.message)));
});

test('a budget is never exceeded; the money ledger comes first, then every free case, then the other billable ones', async () => {
  installFakeVendor();
  const { outcomes, exchanges } = await runContracts({ target: { kind: 'url', baseUrl: VENDOR }, apiKey: VENDOR_KEY, models: ['sd1.5-scifi'], maxBillable: 5, concurrency: 1, ...fast });
  assert.ok(outcomes.billableRequests <= 5, `${outcomes.billableRequests} billable requests`);
  assert.ok(outcomes.billableRequests >= 3);
  assert.ok(exchanges[0]!.caseId.startsWith('money/ledger/'), `the run began with ${exchanges[0]!.caseId}`);
  const firstSpend = exchanges.findIndex((e) => !e.caseId.startsWith('money/') && isBillableSubmit(e) && e.response!.status === 200);
  const lastFree = exchanges.map((e) => e.caseId.startsWith('auth/') || e.caseId.startsWith('transport/') || /^boundary\/.*\/(outside-bound|not-in-enum|fraction|too-short|wrong-type|missing-required)\//.test(e.caseId)).lastIndexOf(true);
  assert.ok(lastFree > 0);
  assert.ok(lastFree < firstSpend, `a free case (#${lastFree}) ran after the first billable request (#${firstSpend})`);
});

test('an invalid body the vendor wrongly accepts counts against the budget, and sending stops there', async () => {
  const vendor = installFakeVendor(['accept-everything']);
  // 3 for the ledger's successes; the rest goes to invalid bodies this vendor wrongly takes on and bills.
  const { outcomes } = await runContracts({ target: { kind: 'url', baseUrl: VENDOR }, apiKey: VENDOR_KEY, models: ['sd1.5-scifi'], maxBillable: 8, concurrency: 1, ...fast });
  assert.ok(vendor.ledger().billable <= 8, `the vendor took on ${vendor.ledger().billable} billable requests against a budget of 8`);
  assert.equal(outcomes.billableRequests, vendor.ledger().billable);
  const rejections = outcomes.checks.filter((c) => ['out-of-range-rejected', 'wrong-type-rejected', 'missing-required-rejected', 'multipart-invalid-400'].includes(c.id));
  assert.ok(rejections.some((c) => c.failed > 0), JSON.stringify(rejections.map((c) => [c.id, c.failed, c.skipReason])));
  assert.ok(outcomes.run!.casesOverBudget > 0);
});

test('without --fail-prompt the FAILED-job checks are skipped with that reason, never passed', async () => {
  installFakeVendor();
  const { outcomes } = await runContracts({ target: { kind: 'url', baseUrl: VENDOR }, apiKey: VENDOR_KEY, models: ['sd1.5-scifi'], maxBillable: Number.POSITIVE_INFINITY, grep: /^(outputs|lifecycle)\//, ...fast });
  const failed = outcomes.checks.find((c) => c.id === 'failed-job-422')!;
  assert.equal(verdictOf(failed), 'skip');
  assert.match(failed.skipReason ?? '', /--fail-prompt/);
  const withPrompt = await runContracts({ target: { kind: 'url', baseUrl: VENDOR }, apiKey: VENDOR_KEY, models: ['sd1.5-scifi'], failPrompt: `a ${FAIL_WORD}`, maxBillable: Number.POSITIVE_INFINITY, grep: /^lifecycle\//, ...fast });
  assert.equal(verdictOf(withPrompt.outcomes.checks.find((c) => c.id === 'failed-job-422')!), 'pass');
});

// The run reads the balance before and after, paced like every other request: a 1 s gap keeps this short.
test('with --rpm the burst gets 429 with the reset header from the mock', async () => {
  const mock = await startMock({ profile: 'ci', rpm: 60 });
  try {
    nock.enableNetConnect('127.0.0.1');
    const { outcomes } = await runContracts({ target: { kind: 'mock', baseUrl: mock.url }, apiKey: mock.apiKey, models: ['sd1.5-scifi'], rpm: 60, maxBillable: Number.POSITIVE_INFINITY, grep: /^rate-limit\//, ...fast });
    const rate = outcomes.checks.find((c) => c.id === 'rate-limit-429')!;
    assert.equal(verdictOf(rate), 'pass', JSON.stringify(rate.failures.map((f) => f.message)));
    assert.equal(outcomes.cases, 1);
  } finally {
    nock.disableNetConnect();
    await mock.close();
  }
});

test('conflict findings are reported for every conflict the spec records', async () => {
  installFakeVendor();
  const { outcomes } = await runContracts({ target: { kind: 'url', baseUrl: VENDOR }, apiKey: VENDOR_KEY, models: ['sd1.5-scifi'], maxBillable: Number.POSITIVE_INFINITY, grep: /scheduler|^outputs|^transport\/wrong-method|^auth\/bearer/, ...fast });
  const byId = Object.fromEntries(outcomes.findings.map((f) => [f.conflict, f]));
  assert.equal(byId['scheduler-names']?.agreesWithDecision, true);
  assert.match(byId['scheduler-names']?.observed ?? '', /dpmpp_2m/);
  assert.equal(byId['wrong-method-body']?.agreesWithDecision, true);
  assert.equal(byId['bearer-auth']?.agreesWithDecision, true);
  assert.equal(byId['scifi-wrapper-defaults']?.agreesWithDecision, null);
});

test('a 202 submit is reported as the submit-status-code finding, not as a failure (spec decision)', async () => {
  installFakeVendor(['submit-202']);
  const { outcomes } = await runContracts({ target: { kind: 'url', baseUrl: VENDOR }, apiKey: VENDOR_KEY, models: ['sd1.5-scifi'], maxBillable: Number.POSITIVE_INFINITY, grep: /^outputs\/v2\//, ...fast });
  assert.deepEqual(outcomes.checks.filter((c) => c.failed > 0).map((c) => c.failures[0]?.message), []);
  assert.ok(outcomes.checks.find((c) => c.id === 'job-state-transitions')!.passed > 0, 'a 202 submit must still be followed');
  const finding = outcomes.findings.find((f) => f.conflict === 'submit-status-code')!;
  assert.equal(finding.agreesWithDecision, false);
  assert.match(finding.observed, /202/);
  // … and status-code-documented lists it as a finding: no document gives the code of a successful submit.
  const status = outcomes.checks.find((c) => c.id === 'status-code-documented')!;
  assert.equal(status.failed, 0);
  assert.deepEqual([...new Set(status.findings!.map((f) => `${f.rule} ${f.basis}`))], ['submitAsync:success assumed']);
});

test('against a vendor that keeps the contract the full catalogue bills exactly the announced plan, and the spend agrees', async () => {
  const vendor = installFakeVendor();
  const { outcomes, planned } = await runContracts({ target: { kind: 'url', baseUrl: VENDOR }, apiKey: VENDOR_KEY, models: [...MODELS], failPrompt: `a ${FAIL_WORD}`, maxBillable: Number.POSITIVE_INFINITY, ...fast });
  assert.deepEqual(outcomes.checks.filter((c) => c.failed > 0).map((c) => c.failures[0]?.message), []);
  assert.ok(planned.expected <= 86, `the full catalogue plans ${planned.expected} billable requests`);
  assert.equal(vendor.ledger().billable, planned.expected, 'the vendor took on more or fewer billable requests than announced');
  const spend = outcomes.spend!;
  assert.deepEqual([spend.requests.billed, spend.requests.unknown, spend.planned.expected], [planned.expected, 0, planned.expected]);
  assert.equal(spend.creditsReported, vendor.ledger().charged);
  assert.equal(spend.agreement.verdict, 'agree', spend.agreement.detail);
  assert.equal(outcomes.run!.casesDone, outcomes.run!.casesPlanned);
});

test('a vendor that charges more than it reports: the spend says the cost fields and the balance disagree', async () => {
  installFakeVendor(['overcharge']);
  const { outcomes } = await runContracts({ target: { kind: 'url', baseUrl: VENDOR }, apiKey: VENDOR_KEY, models: ['sd1.5-scifi'], maxBillable: 3, grep: /^money\//, ...fast });
  assert.equal(outcomes.spend!.agreement.verdict, 'disagree', outcomes.spend!.agreement.detail);
  assert.match(outcomes.spend!.agreement.detail, /fell by 0\.012000 but the cost fields name 0\.006000/);
});

test('values sent together are split when refused, down to the one refused value; a conforming vendor never sees a split', async () => {
  const refuse = [{ parameter: 'scheduler', value: 'UniPC', api: 'v2' as const }];
  const vendor = installFakeVendor([], { refuse });
  const { outcomes, planned } = await runContracts({ target: { kind: 'url', baseUrl: VENDOR }, apiKey: VENDOR_KEY, models: ['sd1.5-scifi'], maxBillable: Number.POSITIVE_INFINITY, grep: /\/enum-value\/|\/bound\/|\/plain-value\//, ...fast });
  const bound = outcomes.checks.find((c) => c.id === 'bound-accepted')!;
  assert.deepEqual(bound.failures.map((f) => f.reproducer?.caseIds), [['boundary/v2/sd1.5-scifi/scheduler/enum-value/UniPC']]);
  assert.match(bound.failures[0]!.message, /scheduler = "UniPC" \(a value the spec accepts\) was rejected with 400/);
  assert.equal(bound.failures[0]!.basis, 'documented');
  assert.equal(bound.failures[0]!.rule, 'Txt2ImgRequest.scheduler:default');
  assert.ok(vendor.ledger().billable <= planned.worstCase);
  assert.equal(planned.expected, 34, '17 requests per API carry the 35 accepted values of each API');
});

test('a target that stops accepting connections stops the run at once, in one line, and nothing unsent is counted', async () => {
  // A port that was just free: nothing listens there.
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  nock.enableNetConnect('127.0.0.1');
  try {
    const budget = BillableBudget.inMemory(5);
    const { outcomes } = await runContracts({ target: { kind: 'url', baseUrl: `http://127.0.0.1:${port}` }, apiKey: VENDOR_KEY, models: ['sd1.5-scifi'], budget, ...fast });
    assert.deepEqual(outcomes.run!.stopped, { reason: 'unreachable', message: `cannot connect to http://127.0.0.1:${port} (ECONNREFUSED)` });
    assert.equal(outcomes.cases, 0);
    assert.equal(budget.totals().committed, 0, 'a request never sent was counted as spent');
    assert.deepEqual(outcomes.checks.filter((c) => c.failed > 0 || !/stopped after 0 of|needs --rpm|needs --fail-prompt/.test(c.skipReason ?? '')).map((c) => c.id), []);
  } finally {
    nock.disableNetConnect();
  }
});

test('progress is told after each unit: never backwards, ending at every planned case (done or over budget)', async () => {
  installFakeVendor();
  const seen: [number, number][] = [];
  const { outcomes } = await runContracts({ target: { kind: 'url', baseUrl: VENDOR }, apiKey: VENDOR_KEY, models: ['sd1.5-scifi'], maxBillable: 5, concurrency: 1, onProgress: (done, total) => seen.push([done, total]), ...fast });
  assert.ok(seen.length > 3, `${seen.length} progress reports`);
  assert.ok(seen.every(([, total]) => total === outcomes.run!.casesPlanned));
  assert.ok(seen.every(([done], i) => i === 0 || done >= seen[i - 1]![0]), 'never backwards');
  assert.deepEqual(seen.at(-1), [outcomes.run!.casesDone + outcomes.run!.casesOverBudget, outcomes.run!.casesPlanned]);
  assert.ok(outcomes.run!.casesOverBudget > 0, 'the budget left cases out, and they count as done for progress');
});
