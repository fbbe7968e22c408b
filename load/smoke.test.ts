// The smoke scenario under the engine against the embedded mock: the whole path from `runLoad` to the three raw
// files, and the objectives' verdict as the exit code. Two short runs (~8 s and ~4 s: the v1 stage runs 3 × the v2's).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { LATENCY_METRICS } from '../core/objectives.ts';
import { DEFAULT_DEV_KEY } from '../mock/index.ts';
import type { JobRecord, LoadSummary } from '../core/result-files.ts';
import { jobStateMachine, MODELS } from '../core/spec.ts';
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

test('smoke against the mock: every count in summary.json, well-formed jobs.ndjson, exit 0', { timeout: 90_000 }, async () => {
  const out = tempDir();
  // both polling strategies side by side (the scenario's default polls adaptively only): every path is exercised
  const result = await runLoad({ scenario: 'smoke', out, capture: true, durationS: 2, rate: 6, seed: 3, poll: 'both' });
  assert.equal(result.exitCode, 0, result.log);

  const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as LoadSummary;
  assert.equal(summary.schema, 'infercheck/load-summary@1');
  for (const metric of ['submit_latency_ms', 'e2e_ms', 'result_fetch_ms', 'server_inference_time_ms'] as const) {
    assert.ok(metric in LATENCY_METRICS);
    assert.ok((summary.latency[metric]?.count ?? 0) > 0, `${metric} has no samples`);
    assert.ok(Number.isFinite(summary.latency[metric]!.p95), `${metric} has no p95`);
  }
  // queue wait: per model on v2, core/queue-wait.ts's figures (the report's), never a percentile of the engine's own
  assert.equal(summary.latency['queue_wait_ms'], undefined);
  assert.deepEqual(summary.queueWait.map((f) => `${f.model} ${f.api}`), ['sd1.5-epicrealism v2', 'sd1.5-scifi v2']);
  assert.ok(summary.queueWait.every((f) => f.n > 0 && Number.isFinite(f.p95)));
  // every status code counted, per operation; every response judged; nothing dropped, late or unknown
  assert.ok((summary.http.byCode['200'] ?? 0) > 0);
  for (const op of ['submitAsync', 'getRequestStatus', 'getRequestResult', 'generateSync']) assert.ok(summary.http.byEndpoint[op], op);
  assert.equal(summary.conformance.judged, summary.http.requests);
  assert.equal(summary.conformance.violations, 0, 'the mock keeps the contract');
  assert.equal(summary.http.droppedConnections, 0);
  assert.equal(summary.jobs.unknownSubmits, 0);
  assert.equal(summary.jobs.completed, summary.jobs.total);
  // start lags are measured for every job (their size is a benchmark's business on a shared machine, not a test's)
  assert.equal(summary.arrivals.started, summary.jobs.total);
  assert.ok(summary.arrivals.startLagP99Ms !== null && summary.arrivals.startLagP99Ms >= summary.arrivals.startLagP50Ms!);
  assert.equal(summary.spend.billed, summary.jobs.total, 'every job billed once, counted at send');
  assert.ok(summary.spend.credits > 0, 'the cost fields were summed');
  assert.deepEqual(summary.objectives.map((o) => o.pass), [true, true, true]);

  const lines = readFileSync(join(out, 'jobs.ndjson'), 'utf8').trim().split('\n');
  const jobs = lines.map((l) => JSON.parse(l) as JobRecord);
  assert.equal(jobs.length, result.jobs.length);
  assert.equal(jobs.length, summary.jobs.total, 'one line per job');
  const machine = jobStateMachine();
  const ids = new Set<string>();
  for (const job of jobs) {
    assert.match(job.request_id ?? '', /^[0-9a-f-]{36}$/);
    assert.ok(!ids.has(job.request_id!), 'request ids are unique');
    ids.add(job.request_id!);
    assert.ok((MODELS as readonly string[]).includes(job.model));
    assert.equal(job.stage, 'smoke');
    assert.match(job.params_digest, /^sha256:[0-9a-f]{16}$/);
    assert.ok(job.submit_at_ms > 1.7e12 && job.submit_latency_ms >= 0);
    assert.equal(job.final_status, 'COMPLETED');
    assert.equal(job.final_code, 200);
    assert.equal(job.validation_errors, 0);
    assert.ok(job.e2e_ms !== null && job.e2e_ms >= job.submit_latency_ms);
    assert.equal(job.result_read ?? true, true);
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
    // the end lies between the last running poll and the first terminal answer: estimate ± bound beside the observed
    assert.ok(job.e2e_est_ms! <= job.e2e_ms! + 1e-6 && job.e2e_ms! - job.e2e_est_ms! <= job.e2e_bound_ms! + 0.11, `${job.e2e_est_ms} ± ${job.e2e_bound_ms} vs ${job.e2e_ms}`);
    assert.ok(job.processing_est_ms !== null && job.processing_bound_ms !== null && job.processing_est_ms! >= 0);
    for (const key of ['queue_time_s', 'inference_time_s', 'total_time_s', 'cost'] as const) assert.equal(typeof job.server[key], 'number', key);
  }
  assert.ok(jobs.some((j) => j.api === 'v1') && jobs.some((j) => j.poll_strategy === 'fixed') && jobs.some((j) => j.poll_strategy === 'adaptive'));

  const meta = result.meta;
  assert.equal(meta.schema, 'infercheck/load-run@1');
  assert.equal(meta.exitCode, 0);
  assert.match(meta.engine, /^infercheck .*undici .*, heap ≤ max\(2 × live, 128 MB\): (V8's own growth throughout|growth down to [\d.]+ ×)\)$/); // load/heap.ts
  assert.deepEqual(meta.mockTruth, { workers: 2, profile: 'ci' });
  assert.deepEqual(JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')).scenario, 'smoke');
  // the mock's truth was read, and every estimate's interval holds it
  for (const a of meta.queueWaitAccuracy ?? []) assert.equal(a.coverage, 1, `${a.strategy}: truth outside the bound`);
  assert.ok((meta.queueWaitAccuracy ?? []).length === 2);

  for (const file of readdirSync(out)) assert.ok(!readFileSync(join(out, file), 'utf8').includes(DEFAULT_DEV_KEY), `${file} holds the API key`);
  assert.ok(!result.log.includes(DEFAULT_DEV_KEY));
});

test('an objective the run cannot meet makes the exit code 1, and the files are still written', { timeout: 90_000 }, async () => {
  const out = tempDir();
  const slo = { confidence: 0.95, objectives: [{ kind: 'latency', metric: 'e2e_ms', stat: 'p95', op: '<=', value: 0.001 }] } as const;
  const result = await runLoad({ scenario: 'smoke', out, capture: true, durationS: 1, rate: 3, slo, models: ['sd1.5-scifi'] });
  assert.equal(result.exitCode, 1, result.log);
  assert.equal(result.meta.exitCode, 1);
  assert.match(result.meta.slo?.['p95 e2e_ms ≤ 0.001'] ?? '', /^FAIL \(observed/);
  const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as LoadSummary;
  assert.equal(summary.objectives[0]?.pass, false);
  assert.ok(result.jobs.length > 0 && result.jobs.every((j) => j.model === 'sd1.5-scifi'));
});
