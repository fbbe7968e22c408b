// Polling strategies (poll.ts): the SDK's fixed loop, the adaptive schedule, the rate-limit spacing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { estimateQueueWait } from './estimate.ts';
import { backoffAfter429Ms, defaultPollPlan, learnInferenceMs, nextPollDelayMs, rateLimitGapMs, type PollPlan, type PollProgress } from './poll.ts';
import { seededRandom } from './schedule.ts';
import { pollJob } from './polling-sim.ts';

const progress = (over: Partial<PollProgress>): PollProgress => ({
  elapsedMs: 0,
  polls: 0,
  lastStatus: null,
  processingPolls: 0,
  startEstimateMs: null,
  expectedInferenceMs: 2000,
  ...over,
});

test('fixed is the SDK loop: poll at once, then 1 s after every answer', () => {
  const plan = defaultPollPlan('fixed');
  assert.equal(nextPollDelayMs(plan, progress({}), 0.3), 0);
  assert.equal(nextPollDelayMs(plan, progress({ polls: 1, lastStatus: 'QUEUED' }), 0.3), 1000);
  assert.equal(nextPollDelayMs(plan, progress({ polls: 5, lastStatus: 'PROCESSING', processingPolls: 3, startEstimateMs: 10 }), 0.9), 1000);
});

test('adaptive polls at once, then at jittered fractions of the inference time while queued', () => {
  const plan = defaultPollPlan('adaptive');
  assert.equal(nextPollDelayMs(plan, progress({}), 0.5), 0);
  const low = nextPollDelayMs(plan, progress({ polls: 1, lastStatus: 'QUEUED' }), 0);
  const high = nextPollDelayMs(plan, progress({ polls: 1, lastStatus: 'QUEUED' }), 0.999999);
  assert.equal(low, 300); // 0.3 × 2000 × 0.5
  assert.ok(Math.abs(high - 900) < 0.01); // 0.3 × 2000 × 1.5
});

test('adaptive sleeps through the run once PROCESSING is seen, then polls briefly if it overruns', () => {
  const plan = defaultPollPlan('adaptive');
  const first = nextPollDelayMs(plan, progress({ elapsedMs: 600, polls: 3, lastStatus: 'PROCESSING', processingPolls: 1, startEstimateMs: 500 }), 0.5);
  assert.equal(first, 500 + 2000 * 1.15 - 600);
  const overrun = nextPollDelayMs(plan, progress({ elapsedMs: 3000, polls: 4, lastStatus: 'PROCESSING', processingPolls: 2, startEstimateMs: 500 }), 0.5);
  assert.equal(overrun, 200);
});

test('no gap is shorter than the minimum the rate limit sets', () => {
  const plan: PollPlan = { ...defaultPollPlan('adaptive'), minGapMs: 900 };
  assert.ok(nextPollDelayMs(plan, progress({ polls: 1, lastStatus: 'QUEUED', expectedInferenceMs: 100 }), 0) >= 900);
  assert.ok(nextPollDelayMs(plan, progress({ elapsedMs: 3000, polls: 4, lastStatus: 'PROCESSING', processingPolls: 2, startEstimateMs: 0, expectedInferenceMs: 100 }), 0) >= 900);
  assert.equal(rateLimitGapMs(50, 10), 12_000); // Pro plan, 50 RPM shared by 10 jobs polling at once
  assert.equal(rateLimitGapMs(0, 10), 0);
});

test('after a 429, wait for x-rate-limit-reset-at-utc (no Retry-After on Segmind), else a fallback', () => {
  const now = Date.parse('2026-11-21T10:00:00.000Z');
  assert.equal(backoffAfter429Ms('2026-11-21T10:00:07.500Z', now), 7500);
  assert.equal(backoffAfter429Ms(String(now / 1000 + 3), now), 3000);
  assert.equal(backoffAfter429Ms('not a date', now, 1234), 1234);
  assert.equal(backoffAfter429Ms('2026-11-21T09:00:00Z', now, 1000), 1000);
  assert.equal(backoffAfter429Ms(undefined, now, 800), 800);
});

test('the learned inference time follows the server reports', () => {
  let learned: number | undefined;
  for (let i = 0; i < 50; i++) learned = learnInferenceMs(learned, 4000);
  assert.ok(Math.abs((learned ?? 0) - 4000) < 1);
  assert.equal(learnInferenceMs(undefined, 1200), 1200);
  assert.equal(learnInferenceMs(1000, 2000, 0.5), 1500);
});

test('for 4 s jobs the adaptive schedule spends fewer polls than the SDK loop for narrower intervals, and its bound holds the truth', () => {
  const random = seededRandom(7);
  const totals = { fixed: { polls: 0, bound: 0 }, adaptive: { polls: 0, bound: 0 } };
  for (let i = 0; i < 400; i++) {
    const start = random() < 0.4 ? 0 : -Math.log(1 - random()) * 2000;
    const inference = 4000 * (0.9 + 0.2 * random());
    for (const strategy of ['fixed', 'adaptive'] as const) {
      const polled = pollJob(random, defaultPollPlan(strategy), { waitMs: start, serviceMs: inference }, 4000);
      const e = estimateQueueWait(0, polled.observations, polled.inferenceS)!;
      const r = { polls: polled.polls, error: e.estimateMs - polled.trueWaitMs, bound: e.boundMs };
      assert.ok(Math.abs(r.error) <= r.bound + 1e-9);
      totals[strategy].polls += r.polls;
      totals[strategy].bound += r.bound;
    }
  }
  assert.ok(totals.adaptive.polls < 0.7 * totals.fixed.polls, `adaptive ${totals.adaptive.polls} vs fixed ${totals.fixed.polls} polls`);
  // queued-phase gaps average 0.6 s against the SDK's 1 s: the intervals are narrower too
  assert.ok(totals.adaptive.bound <= 0.8 * totals.fixed.bound, `adaptive bound ${totals.adaptive.bound} vs fixed ${totals.fixed.bound}`);
});
