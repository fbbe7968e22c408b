import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTimeline, scoreQueueWaitEstimator } from './analysis.ts';
import type { JobRow } from './results-types.ts';

const row = (over: Partial<JobRow>): JobRow => ({
  model: 'm', api: 'v2', stage: 's', request_id: 'r', status: 'COMPLETED', code: 200, submit_at_ms: 0, submit_latency_ms: 5,
  queue_wait_ms: null, queue_wait_bound_ms: null, processing_ms: null, e2e_ms: null, result_fetch_ms: null,
  server_queue_time_ms: null, server_inference_time_ms: null, server_total_time_ms: null, polls: 0, cost: null,
  processing_start_ms: null, end_ms: null, ...over,
});

test('the queue-wait estimator is scored against the server queue_time: bias, error and bound coverage', () => {
  const jobs = [
    row({ queue_wait_ms: 110, queue_wait_bound_ms: 20, server_queue_time_ms: 100 }),
    row({ queue_wait_ms: 90, queue_wait_bound_ms: 20, server_queue_time_ms: 100 }),
    row({ queue_wait_ms: 200, queue_wait_bound_ms: 20, server_queue_time_ms: 100 }), // outside its bound
    row({ queue_wait_ms: 50 }), // no server truth: not scored
  ];
  const score = scoreQueueWaitEstimator(jobs)!;
  assert.equal(score.n, 3);
  assert.equal(score.biasMs, (10 - 10 + 100) / 3);
  assert.equal(score.p95AbsErrorMs, 100);
  assert.equal(score.coverage, 2 / 3);
  assert.equal(scoreQueueWaitEstimator([row({})]), null);
});

test('timeline: in flight, queued and processing counts follow the job timestamps', () => {
  // two overlapping jobs: A queued 0–1000, processing 1000–2000; B queued 500–2000, processing 2000–3000
  const jobs = [
    row({ submit_at_ms: 0, processing_start_ms: 1000, end_ms: 2000 }),
    row({ submit_at_ms: 500, processing_start_ms: 2000, end_ms: 3000 }),
  ];
  const t = buildTimeline(jobs)!;
  const at = (ms: number, series: readonly number[]): number => series[Math.round(ms / t.stepMs)]!;
  assert.equal(at(750, t.inFlight), 2);
  assert.equal(at(750, t.queued), 2);
  assert.equal(at(1500, t.queued), 1);
  assert.equal(at(1500, t.processing), 1);
  assert.equal(at(2500, t.inFlight), 1);
  assert.equal(at(2500, t.queued), 0);
  assert.equal(Math.max(...t.processing), 1);
});
