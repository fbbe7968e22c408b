// Pooled queue-wait estimates (pooled-queue-wait.ts) on simulated queues with a known truth.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { JobRecord } from '../core/result-files.ts';
import { defaultPollPlan, type PollStrategy } from './poll.ts';
import { seededRandom } from './schedule.ts';
import { asJobRecord, pollJob, simulateQueue } from './polling-sim.ts';
import { pooledConditionalMeans, poolQueueWaits } from './pooled-queue-wait.ts';

/** `groups` runs of `size` jobs each (one model, one strategy), M/G/2 at ρ 0.7 with 2 s log-normal service. */
function runs(strategy: PollStrategy, groups: number, size: number, seed: number): { jobs: JobRecord[]; truth: number[] }[] {
  const random = seededRandom(seed);
  const queue = simulateQueue(random, groups * size, 2, 0.7, 2000, 0.15);
  const plan = defaultPollPlan(strategy);
  return Array.from({ length: groups }, (_, g) => {
    const polled = queue.slice(g * size, (g + 1) * size).map((job) => pollJob(random, plan, job, 2023));
    return { jobs: polled.map((p, i) => asJobRecord(p, i, strategy, 'rate=1')), truth: polled.map((p) => p.trueWaitMs) };
  });
}

const meanOf = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

for (const strategy of ['adaptive', 'fixed'] as const) {
  test(`${strategy} polling: midpoints overstate the mean queue wait, pooled estimates do not`, () => {
    let midError = 0;
    let pooledError = 0;
    let truthSum = 0;
    for (const { jobs, truth } of runs(strategy, 30, 200, strategy === 'adaptive' ? 11 : 12)) {
      const pooled = poolQueueWaits(jobs);
      pooled.forEach((job, i) => {
        midError += jobs[i]!.queue_wait_est_ms! - truth[i]!;
        pooledError += job.queue_wait_est_ms! - truth[i]!;
        truthSum += truth[i]!;
        // the estimate moved inside the interval: the re-measured bound still holds the truth
        assert.ok(Math.abs(job.queue_wait_est_ms! - truth[i]!) <= job.queue_wait_bound_ms! + 0.1, `job ${i}: truth outside the bound`);
      });
    }
    const midPct = (100 * midError) / truthSum;
    const pooledPct = (100 * pooledError) / truthSum;
    // 6,000 jobs: the boundary bias f(0+)·E[h²]/12 of the midpoints is ≈ 0.7 % (adaptive) and 1.3 % (fixed), and
    // the standard error of these means ≈ 0.2 %
    assert.ok(midPct > 0.4, `midpoints: ${midPct.toFixed(2)} % (the bias this module removes should show)`);
    assert.ok(Math.abs(pooledPct) < 0.35, `pooled: ${pooledPct.toFixed(2)} %`);
  });
}

test('each job\'s own midpoint is kept beside the pooled estimate; jobs running at their first poll are left alone', () => {
  const jobs = runs('adaptive', 1, 200, 3)[0]!.jobs;
  const pooled = poolQueueWaits(jobs);
  let moved = 0;
  pooled.forEach((job, i) => {
    const before = jobs[i]!;
    if (before.observations[0]!.status !== 'QUEUED') {
      assert.deepEqual(job, before);
      return;
    }
    assert.equal(job.queue_wait_mid_ms, before.queue_wait_est_ms);
    if (job.queue_wait_est_ms !== before.queue_wait_est_ms) moved++;
  });
  assert.ok(moved > 50, `${moved} estimates moved`);
});

test('groups are one model and one strategy each, and a group too small to estimate a density stays as the job wrote it', () => {
  const adaptive = runs('adaptive', 1, 120, 4)[0]!.jobs;
  const fixed = runs('fixed', 1, 12, 5)[0]!.jobs; // ≈ 7 queued jobs: fewer than minJobs
  const other = runs('adaptive', 1, 12, 6)[0]!.jobs.map((j) => ({ ...j, model: 'sd1.5-epicrealism' }));
  const pooled = poolQueueWaits([...adaptive, ...fixed, ...other]);
  assert.deepEqual(pooled.slice(adaptive.length), [...fixed, ...other]);
  assert.ok(pooled.slice(0, adaptive.length).some((j) => j.queue_wait_mid_ms !== undefined));
});

test('a flat density leaves the midpoints where they are; a density that falls pulls them towards the early end', () => {
  const random = seededRandom(9);
  const intervals = (draw: () => number) =>
    Array.from({ length: 400 }, () => {
      const w = draw();
      const phase = random() * 500;
      const low = Math.floor((w - phase) / 500) * 500 + phase;
      return { lowMs: low, highMs: low + 500 };
    });
  const flat = intervals(() => 1000 + random() * 8000);
  const inner = flat.map((iv, i) => ({ iv, i })).filter(({ iv }) => iv.lowMs > 2000 && iv.highMs < 8000);
  const flatMeans = pooledConditionalMeans(flat);
  assert.ok(meanOf(inner.map(({ iv, i }) => flatMeans[i]! - (iv.lowMs + iv.highMs) / 2)) ** 2 < 20 ** 2);
  const falling = intervals(() => -Math.log(1 - random()) * 600);
  const fallingMeans = pooledConditionalMeans(falling);
  // exponential with mean 600 over a 500 ms interval: the conditional mean sits ≈ 35 ms before the midpoint
  const shift = meanOf(falling.map((iv, i) => fallingMeans[i]! - (iv.lowMs + iv.highMs) / 2).filter((_, i) => falling[i]!.lowMs > 0));
  assert.ok(shift < -15 && shift > -60, `shift ${shift.toFixed(1)} ms`);
});
