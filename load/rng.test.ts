// Seeded schedules (k6/lib/rng.ts): Poisson arrivals must look Poisson and be the same for the same seed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hash32, interArrivalCv, poissonOffsetsMs, uniformAt } from './k6/lib/rng.ts';

test('Poisson offsets have the asked rate and an inter-arrival CV of 1; even spacing has CV 0', () => {
  const offsets = poissonOffsetsMs(5, 2000, 11);
  const stats = interArrivalCv(offsets);
  assert.ok(Math.abs(offsets.length / 2000 - 5) < 0.2, `rate ${offsets.length / 2000}`);
  assert.ok(Math.abs(stats.cv - 1) < 0.03, `cv ${stats.cv}`);
  assert.equal(interArrivalCv([0, 200, 400, 600, 800]).cv, 0);
});

test('the same seed gives the same schedule, another seed another one; limit caps it', () => {
  assert.deepEqual(poissonOffsetsMs(2, 30, 3), poissonOffsetsMs(2, 30, 3));
  assert.notDeepEqual(poissonOffsetsMs(2, 30, 3), poissonOffsetsMs(2, 30, 4));
  assert.equal(poissonOffsetsMs(10, 100, 1, 17).length, 17);
  assert.deepEqual(poissonOffsetsMs(0, 10, 1), []);
  for (const t of poissonOffsetsMs(3, 10, 9)) assert.ok(t >= 0 && t < 10_000);
});

test('uniformAt depends only on (seed, index) and is spread over [0, 1)', () => {
  assert.equal(uniformAt(5, 123), uniformAt(5, 123));
  assert.notEqual(hash32(5, 123), hash32(5, 124));
  let sum = 0;
  const n = 20_000;
  for (let i = 0; i < n; i++) {
    const u = uniformAt(1, i);
    assert.ok(u >= 0 && u < 1);
    sum += u;
  }
  assert.ok(Math.abs(sum / n - 0.5) < 0.01);
});
