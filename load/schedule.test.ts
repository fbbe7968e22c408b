// Seeded schedules (schedule.ts): Poisson arrivals must look Poisson and be the same for the same seed; ramps follow
// their rate; segments split one schedule exactly.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { arrivalOffsetsMs, hash32, inSegment, interArrivalCv, ksDistanceToExponential, parseSegment, poissonOffsetsMs, uniformAt } from './schedule.ts';

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

test('even spacing has CV 0 and a large KS distance to the exponential; Poisson a small one', () => {
  const even = arrivalOffsetsMs('even', 10, 60, 1);
  assert.equal(even.length, 600);
  assert.ok(interArrivalCv(even).cv < 1e-9);
  assert.ok(ksDistanceToExponential(even) > 0.3);
  const poisson = arrivalOffsetsMs('poisson', 10, 600, 5);
  assert.ok(ksDistanceToExponential(poisson) < 0.03, `KS ${ksDistanceToExponential(poisson)}`);
});

test('a ramp from 2/s to 20/s puts about 11/s × duration arrivals, denser towards the end', () => {
  const ramp = arrivalOffsetsMs('poisson', 2, 100, 7, 20);
  assert.ok(Math.abs(ramp.length - 1100) < 110, `${ramp.length} arrivals`);
  const firstTenth = ramp.filter((t) => t < 10_000).length;
  const lastTenth = ramp.filter((t) => t >= 90_000).length;
  assert.ok(lastTenth > 4 * firstTenth, `${firstTenth} early vs ${lastTenth} late`);
  const evenRamp = arrivalOffsetsMs('even', 0, 10, 1, 10);
  assert.equal(evenRamp.length, 50);
  assert.ok(evenRamp.every((t, i) => i === 0 || t > evenRamp[i - 1]!));
});

test('segments: every job lands in exactly one of N, about 1/N each', () => {
  const segments = [0, 1, 2].map((i) => parseSegment(`${i}/3`)!);
  assert.equal(parseSegment('3/3'), undefined);
  assert.equal(parseSegment('half'), undefined);
  const counts = [0, 0, 0];
  for (let job = 0; job < 30_000; job++) {
    const owners = segments.filter((s) => inSegment(s, 9, job));
    assert.equal(owners.length, 1);
    counts[owners[0]!.index]!++;
  }
  for (const c of counts) assert.ok(Math.abs(c - 10_000) < 400, String(c));
  assert.equal(inSegment(undefined, 9, 5), true);
});
