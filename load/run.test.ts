// `infercheck load` refuses bad input with one line and exit 2, before any file is touched or any request is sent;
// the budget caps submits against a URL target; polling keeps to a rate limit.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { UsageError } from '../core/target.ts';
import { optionsFromFlags } from './command.ts';
import { expectedServiceMs, runLoad } from './run.ts';
import { scoreQueueWait } from './summarize.ts';
import type { JobRecord } from '../core/result-files.ts';

test('a billable target without --max-billable is refused', async () => {
  await assert.rejects(runLoad({ scenario: 'smoke', target: 'live' }), (err: Error) => err instanceof UsageError && /--max-billable/.test(err.message));
  await assert.rejects(runLoad({ scenario: 'smoke', target: 'https://staging.example.com/v1' }), UsageError);
});

test('bad parameters are usage errors', async () => {
  for (const bad of [
    { scenario: 'soak' as never },
    { scenario: 'async' as const, rate: -1 },
    { scenario: 'async' as const, rate: 0 },
    { scenario: 'sync' as const, vus: 1.5 },
    { scenario: 'async' as const, models: ['sd1.5-unknown'] },
    { scenario: 'async' as const, serviceTime: 'gamma:3' },
    { scenario: 'async' as const, segment: 'half' },
    { scenario: 'async' as const, segment: '2/2' },
    { scenario: 'async' as const, graceS: -1 },
    { scenario: 'async' as const, slo: '/nonexistent/slo.yaml' },
    { scenario: 'async' as const, target: 'live', maxBillable: -3 },
  ]) {
    await assert.rejects(runLoad(bad), UsageError, JSON.stringify(bad));
  }
});

test('a live target with a budget but no key names the missing variable', async () => {
  await assert.rejects(runLoad({ scenario: 'smoke', target: 'live', maxBillable: 2, env: {} }), /SEGMIND_API_KEY/);
});

test('load’s duration flags are core/duration.ts’s one syntax; service-time means', () => {
  const flags = { target: 'mock', scenario: 'async', out: 'x', validate: true, progress: false };
  const options = optionsFromFlags({ ...flags, duration: '30', jobTimeout: '2m', requestTimeout: '1500ms', grace: '0', deadline: '20min', pollInterval: '250ms' });
  assert.deepEqual([options.durationS, options.jobTimeoutS, options.requestTimeoutS, options.graceS, options.deadlineS, options.pollIntervalMs], [30, 120, 1.5, 0, 1200, 250]);
  assert.throws(() => optionsFromFlags({ ...flags, duration: 'soon' }), (err: unknown) => err instanceof UsageError && /^--duration must be a positive duration like 30s/.test(err.message));
  assert.throws(() => optionsFromFlags({ ...flags, deadline: '0' }), (err: unknown) => err instanceof UsageError && /^--deadline/.test(err.message));
  assert.equal(expectedServiceMs('fixed:400', 'ci'), 400);
  assert.equal(expectedServiceMs('exp:1000', 'ci'), 1000);
  assert.ok(Math.abs(expectedServiceMs('lognormal:1000,0.5', 'ci') - 1000 * Math.exp(0.125)) < 1e-9);
  assert.equal(expectedServiceMs(undefined, 'ci'), 25);
});

test('the CLI prints one line and exits 2 for a billable target without a budget', () => {
  const r = spawnSync(process.execPath, ['bin/infercheck.mjs', 'load', '--target', 'live', '--scenario', 'smoke'], { encoding: 'utf8', env: { ...process.env, SEGMIND_API_KEY: 'SG_ffffffffffffffff' } });
  assert.equal(r.status, 2);
  assert.equal(r.stderr.trim().split('\n').length, 1);
  assert.match(r.stderr, /--max-billable/);
  assert.ok(!r.stderr.includes('SG_ffffffffffffffff'));
  const bad = spawnSync(process.execPath, ['bin/infercheck.mjs', 'load', '--scenario', 'smoke', '--duration', 'soon'], { encoding: 'utf8' });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--duration/);
});

test('queue-wait scoring compares each estimate with the truth measured from the same instant', () => {
  const job = (id: string, strategy: 'fixed' | 'adaptive', est: number, bound: number, polls: number): JobRecord => ({
    request_id: id, model: 'sd1.5-scifi', api: 'v2', stage: 's', params_digest: 'x', poll_strategy: strategy, submit_at_ms: 1000,
    submit_latency_ms: 1, observations: [], polls, queue_wait_est_ms: est, queue_wait_bound_ms: bound, e2e_ms: 10, result_fetch_ms: 1,
    server: {}, final_status: 'COMPLETED', final_code: 200, validation_errors: 0,
  });
  const truth = (id: string, started: number) => ({ request_id: id, queue_ms: started - 1001, started_at_ms: started, submitted_at_ms: 1001, inference_ms: 5 });
  const scores = scoreQueueWait(
    [job('a', 'fixed', 500, 500, 3), job('b', 'fixed', 300, 100, 5), job('c', 'adaptive', 100, 10, 2)],
    [truth('a', 1200), truth('b', 1500), truth('c', 1100)],
  );
  const fixed = scores.find((s) => s.strategy === 'fixed')!;
  assert.equal(fixed.jobs, 2);
  assert.equal(fixed.trueMeanMs, 350);
  assert.equal(fixed.meanErrorMs, (300 - 200) / 2);
  assert.equal(fixed.coverage, 0.5); // b is off by 200 with a bound of 100
  assert.equal(fixed.medianPolls, 4);
  assert.equal(scores.find((s) => s.strategy === 'adaptive')!.meanErrorMs, 0);
});

test('against a URL target the budget caps the submits, and the key from the environment is never written', { timeout: 90_000 }, async () => {
  const { startMock } = await import('../mock/index.ts');
  const { mkdtempSync, readdirSync, readFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const key = 'SG_abcdefabcdef1234';
  const mock = await startMock({ profile: 'ci', apiKeys: [key] });
  const out = mkdtempSync(join(tmpdir(), 'infercheck-budget-'));
  try {
    const result = await runLoad({
      scenario: 'async', target: mock.url, maxBillable: 3, apiKeyEnv: 'IC_TEST_KEY', env: { ...process.env, IC_TEST_KEY: key },
      rate: 6, durationS: 2, out, capture: true, jobTimeoutS: 20,
    });
    assert.equal(result.exitCode, 0, result.log);
    const stats = (await (await fetch(`${mock.url}/__mock/stats`)).json()) as { counters: { submitted: number } };
    assert.equal(stats.counters.submitted, 3, 'exactly the budget, though ~12 arrivals were scheduled');
    assert.equal(result.jobs.length, 3);
    assert.equal(result.meta.target.kind, 'url');
    assert.equal(result.meta.budget, 3);
    assert.equal(result.meta.spend?.sent, 3);
    assert.equal(result.meta.spend?.billed, 3);
    assert.equal(result.summary.arrivals.skippedBudget, result.summary.arrivals.started - 3, 'the other arrivals were never sent');
    assert.match(result.meta.spend?.ledger ?? '', /spend\.ndjson$/);
    for (const file of readdirSync(out)) assert.ok(!readFileSync(join(out, file), 'utf8').includes(key), `${file} holds the key`);
    assert.ok(!result.log.includes(key));
  } finally {
    await mock.close();
    rmSync(out, { recursive: true, force: true });
  }
});

test('polling keeps to the rate limit it is given: gaps of 60 000 × jobs in flight / rpm, no 429 from a mock enforcing it', { timeout: 90_000 }, async () => {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const out = mkdtempSync(join(tmpdir(), 'infercheck-rpm-'));
  try {
    const result = await runLoad({ scenario: 'async', rpm: 120, vus: 2, rate: 1, durationS: 2, arrivals: 'even', out, capture: true, jobTimeoutS: 40 });
    assert.equal(result.exitCode, 0, result.log);
    assert.ok(result.jobs.length >= 1);
    for (const job of result.jobs) {
      assert.equal(job.final_status, 'COMPLETED');
      const sent = job.observations.map((o) => o.sent_ms!);
      for (let i = 1; i < sent.length; i++) assert.ok(sent[i]! - sent[i - 1]! >= 1000 - 5, `poll gap ${sent[i]! - sent[i - 1]!} ms < 60 000 × 2 / 120`);
      assert.ok(!job.observations.some((o) => o.code === 429));
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('sync is a closed model: N clients back to back, never more than N requests at once', { timeout: 60_000 }, async () => {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const out = mkdtempSync(join(tmpdir(), 'infercheck-sync-'));
  try {
    const result = await runLoad({ scenario: 'sync', vus: 3, durationS: 1.5, out, capture: true });
    assert.equal(result.exitCode, 0, result.log);
    assert.ok(result.jobs.length >= 3 && result.jobs.every((j) => j.api === 'v1' && j.final_status === 'COMPLETED'));
    assert.deepEqual(result.meta.stages, [{ tag: 'vus=3', vus: 3, durationS: 1.5 }]);
    // at any instant, at most 3 requests were open
    const events = result.jobs.flatMap((j) => [[j.submit_at_ms, 1], [j.submit_at_ms + j.submit_latency_ms, -1]] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let open = 0;
    let most = 0;
    for (const [, d] of events) most = Math.max(most, (open += d));
    assert.ok(most <= 3, `${most} at once`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('--help lists every scenario from the one list, and the exit codes', async () => {
  const { SCENARIOS } = await import('./scenarios/index.ts');
  const help = spawnSync(process.execPath, ['bin/infercheck.mjs', 'load', '--help'], { encoding: 'utf8' });
  assert.equal(help.status, 0);
  for (const s of SCENARIOS) assert.ok(help.stdout.includes(`${s.name.padEnd(7)} ${s.summary}`), s.name);
  for (const code of ['0 ', '1 ', '2 ', '3 ', '130/143']) assert.match(help.stdout, new RegExp(`^  ${code}`, 'm'));
  assert.doesNotMatch(help.stdout, /k6/i);
});
