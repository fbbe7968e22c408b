// The queue-wait estimator (estimate.ts): its interval must always hold the truth, and be as tight as the
// observations allow.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { estimateCompletion, estimateQueueWait, type Observation } from './estimate.ts';
import { seededRandom } from './schedule.ts';

const obs = (status: string, sent: number, at: number, code = 200): Observation => ({ status, sent_ms: 1000 + sent, at_ms: 1000 + at, code });

test('the start lies between the last QUEUED poll sent and the first PROCESSING answer received', () => {
  const e = estimateQueueWait(1000, [obs('QUEUED', 0, 2), obs('QUEUED', 100, 103), obs('PROCESSING', 300, 304), obs('COMPLETED', 900, 902)]);
  assert.deepEqual(e?.interval, { lowMs: 100, highMs: 304 });
  // the point estimate uses each poll's midpoint as the instant the server looked: (101.5 + 302) / 2
  assert.equal(e?.estimateMs, 201.75);
  assert.equal(e?.boundMs, 102.25);
});

test('no estimate while every poll saw QUEUED', () => {
  assert.equal(estimateQueueWait(1000, [obs('QUEUED', 0, 2), obs('QUEUED', 500, 501)]), null);
  assert.equal(estimateQueueWait(1000, []), null);
});

test('a job a free worker took at once is bounded by the first answer', () => {
  const e = estimateQueueWait(1000, [obs('PROCESSING', 3, 5)]);
  assert.deepEqual(e?.interval, { lowMs: 0, highMs: 5 });
  assert.equal(e?.estimateMs, 2);
});

test('a slow answer widens the interval but does not drag the estimate up', () => {
  const fast = estimateQueueWait(1000, [obs('QUEUED', 0, 2), obs('PROCESSING', 400, 402)])!;
  const slow = estimateQueueWait(1000, [obs('QUEUED', 0, 2), obs('PROCESSING', 400, 480)])!;
  assert.equal(slow.interval.highMs, 480);
  assert.ok(slow.estimateMs - fast.estimateMs <= 20, `${slow.estimateMs} vs ${fast.estimateMs}`);
  assert.ok(slow.boundMs > fast.boundMs);
});

test('QUEUED straight to COMPLETED: the server inference_time caps the start from above', () => {
  const withoutServer = estimateQueueWait(1000, [obs('QUEUED', 0, 1), obs('COMPLETED', 1000, 1002)]);
  assert.deepEqual(withoutServer?.interval, { lowMs: 0, highMs: 1002 });
  const withServer = estimateQueueWait(1000, [obs('QUEUED', 0, 1), obs('COMPLETED', 1000, 1002)], 0.8);
  assert.equal(withServer?.interval.highMs, 1002 - 799.5);
});

test('an inference_time the observations contradict is ignored, not trusted', () => {
  const e = estimateQueueWait(1000, [obs('QUEUED', 500, 501), obs('COMPLETED', 1000, 1002)], 0.9);
  assert.deepEqual(e?.interval, { lowMs: 500, highMs: 1002 });
});

test('completion lies between the last running poll sent and the first terminal answer', () => {
  const e = estimateCompletion(1000, [obs('PROCESSING', 10, 12), obs('PROCESSING', 500, 505), obs('FAILED', 800, 801, 422)]);
  assert.deepEqual(e?.interval, { lowMs: 500, highMs: 801 });
  assert.equal(estimateCompletion(1000, [obs('PROCESSING', 10, 12)]), null);
});

test('over random timelines and poll schedules the interval always holds the true start (coverage 100 %)', () => {
  const random = seededRandom(42);
  for (let run = 0; run < 2000; run++) {
    const start = random() < 0.3 ? random() * 5 : random() * 3000;
    const inference = 50 + random() * 1500;
    const overhead = random() * 100; // cold start / upload: the server span is longer than inference_time
    const end = start + overhead + inference;
    const observations: Observation[] = [];
    let t = random() * 5;
    while (observations.length === 0 || !['COMPLETED'].includes(observations[observations.length - 1]!.status)) {
      const latency = 1 + random() * 20;
      const serverAt = t + random() * latency; // the server answers somewhere between send and arrival
      const status = serverAt < start ? 'QUEUED' : serverAt < end ? 'PROCESSING' : 'COMPLETED';
      observations.push(obs(status, t, t + latency));
      t += latency + random() * 700;
    }
    const e = estimateQueueWait(1000, observations, Math.round(inference) / 1000);
    assert.ok(e, `run ${run}: an estimate`);
    assert.ok(e.interval.lowMs <= start && start <= e.interval.highMs, `run ${run}: start ${start} outside [${e.interval.lowMs}, ${e.interval.highMs}]`);
    assert.ok(Math.abs(e.estimateMs - start) <= e.boundMs + 1e-9);
  }
});
