// The smoke scenario under the real k6 against the embedded mock: the whole path from `runLoad` to the three raw
// files, and k6's exit code as the SLO verdict. Two short k6 runs (~5 s each).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { LATENCY_METRICS, RATE_METRICS } from '../core/objectives.ts';
import { DEFAULT_DEV_KEY } from '../mock/index.ts';
import type { JobRecord } from '../core/result-files.ts';
import { jobStateMachine } from '../core/spec.ts';
import { runLoad } from './run.ts';

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'infercheck-load-'));
  dirs.push(dir);
  return dir;
};
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Every metric the load issue asks for, by its k6 name. dropped_iterations is k6's own and appears only when > 0. */
const REQUIRED_METRICS = [
  ...Object.values(LATENCY_METRICS),
  ...Object.values(RATE_METRICS),
  'ic_queue_wait_bound',
  'ic_polls',
  'ic_polls_per_job',
  'ic_http_codes',
  'ic_rate_limited',
  'ic_validation_failures',
  'ic_validated_responses',
  'ic_jobs',
  'ic_job_timeouts',
  'ic_late_arrivals',
  'ic_budget_skipped',
];

test('smoke under k6 against the mock: every metric in summary.json, well-formed jobs.ndjson, exit 0', { timeout: 90_000 }, async () => {
  const out = tempDir();
  const result = await runLoad({ scenario: 'smoke', out, progress: false, capture: true, durationS: 3, rate: 4, seed: 3 });
  assert.equal(result.exitCode, 0, `k6 exit ${result.exitCode}\n${result.log.slice(-2000)}`);

  const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { metrics: Record<string, { type: string; values: Record<string, number> }> };
  for (const name of REQUIRED_METRICS) assert.ok(summary.metrics[name], `summary.json lacks ${name}`);
  for (const name of Object.values(LATENCY_METRICS)) {
    assert.equal(summary.metrics[name]!.type, 'trend');
    assert.ok(summary.metrics[name]!.values['count']! > 0, `${name} has no samples`);
    assert.ok(Number.isFinite(summary.metrics[name]!.values['p(95)']), `${name} has no p95`);
  }
  // broken down by model and api, and by status code
  assert.ok(summary.metrics['ic_e2e{model:sd1.5-scifi,api:v2}'], 'per-model e2e');
  assert.ok(summary.metrics['ic_e2e{model:sd1.5-epicrealism,api:v1}'], 'per-model v1 e2e');
  assert.ok(summary.metrics['ic_http_codes{code:200}']!.values['count']! > 0);
  assert.equal(summary.metrics['ic_validation_failures']!.values['count'], 0, 'the mock keeps the contract');
  assert.equal(summary.metrics['ic_job_success']!.values['rate'], 1);
  assert.equal(summary.metrics['dropped_iterations']?.values['count'] ?? 0, 0);
  // the open model was kept: the VU pool was large enough that arrivals left on their Poisson schedule
  const late = summary.metrics['ic_late_arrivals']!.values['count']!;
  const arrivals = summary.metrics['ic_jobs{api:v2}']?.values['count'] ?? result.jobs.filter((j) => j.api === 'v2').length;
  assert.ok(late <= Math.max(1, 0.1 * arrivals), `${late} of ${arrivals} v2 arrivals left late`);

  const lines = readFileSync(join(out, 'jobs.ndjson'), 'utf8').trim().split('\n');
  const jobs = lines.map((l) => JSON.parse(l) as JobRecord);
  assert.equal(jobs.length, result.jobs.length);
  assert.equal(jobs.length, summary.metrics['ic_jobs']!.values['count'], 'one line per job');
  const machine = jobStateMachine();
  const ids = new Set<string>();
  for (const job of jobs) {
    assert.match(job.request_id ?? '', /^[0-9a-f-]{36}$/);
    assert.ok(!ids.has(job.request_id!), 'request ids are unique');
    ids.add(job.request_id!);
    assert.ok(['sd1.5-scifi', 'sd1.5-epicrealism'].includes(job.model));
    assert.equal(job.stage, 'smoke');
    assert.match(job.params_digest, /^sha256:[0-9a-f]{16}$/);
    assert.ok(job.submit_at_ms > 1.7e12 && job.submit_latency_ms >= 0);
    assert.equal(job.final_status, 'COMPLETED');
    assert.equal(job.final_code, 200);
    assert.equal(job.validation_errors, 0);
    assert.ok(job.e2e_ms !== null && job.e2e_ms >= job.submit_latency_ms);
    if (job.api === 'v1') {
      assert.equal(job.poll_strategy, 'none');
      assert.equal(job.polls, 0);
      assert.ok((job.server.inference_time_s ?? -1) >= 0);
      continue;
    }
    assert.ok(job.poll_strategy === 'fixed' || job.poll_strategy === 'adaptive');
    assert.equal(job.polls, job.observations.length);
    let previous = machine.initial;
    let lastAt = job.submit_at_ms;
    for (const o of job.observations) {
      assert.ok(machine.transitions[previous]?.includes(o.status), `${previous} → ${o.status}`);
      assert.ok(o.at_ms >= lastAt, 'observations in time order');
      previous = o.status;
      lastAt = o.at_ms;
    }
    assert.equal(previous, 'COMPLETED');
    assert.ok(job.queue_wait_est_ms !== null && job.queue_wait_bound_ms !== null && job.queue_wait_bound_ms >= 0);
    assert.ok(job.result_fetch_ms !== null && job.result_fetch_ms >= 0);
    for (const key of ['queue_time_s', 'inference_time_s', 'total_time_s', 'cost'] as const) assert.equal(typeof job.server[key], 'number', key);
  }
  assert.ok(jobs.some((j) => j.api === 'v1') && jobs.some((j) => j.poll_strategy === 'fixed') && jobs.some((j) => j.poll_strategy === 'adaptive'));

  const meta = result.meta;
  assert.equal(meta.schema, 'infercheck/load-run@1');
  assert.equal(meta.k6ExitCode, 0);
  assert.deepEqual(meta.mockTruth, { workers: 2, profile: 'ci' });
  assert.deepEqual(JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')).scenario, 'smoke');
  // the mock's truth was read, and every estimate's interval holds it
  for (const a of meta.queueWaitAccuracy ?? []) assert.equal(a.coverage, 1, `${a.strategy}: truth outside the bound`);
  assert.ok((meta.queueWaitAccuracy ?? []).length === 2);

  for (const file of readdirSync(out)) assert.ok(!readFileSync(join(out, file), 'utf8').includes(DEFAULT_DEV_KEY), `${file} holds the API key`);
  assert.ok(!result.log.includes(DEFAULT_DEV_KEY));
});

test('an SLO the run cannot meet makes k6 exit 99, and the files are still written', { timeout: 90_000 }, async () => {
  const out = tempDir();
  const slo = { confidence: 0.95, objectives: [{ kind: 'latency', metric: 'e2e_ms', stat: 'p95', op: '<=', value: 0.001 }] } as const;
  const result = await runLoad({ scenario: 'smoke', out, progress: false, capture: true, durationS: 1, rate: 3, slo, models: ['sd1.5-scifi'] });
  assert.equal(result.exitCode, 99, result.log.slice(-1000));
  assert.equal(result.meta.k6ExitCode, 99);
  assert.equal(result.meta.slo?.['ic_e2e'], 'p(95)<=0.001');
  const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { metrics: Record<string, { thresholds?: Record<string, { ok: boolean }> }> };
  assert.equal(summary.metrics['ic_e2e']?.thresholds?.['p(95)<=0.001']?.ok, false);
  assert.ok(result.jobs.every((j) => j.model === 'sd1.5-scifi'));
});
