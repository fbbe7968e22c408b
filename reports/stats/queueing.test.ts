import { test } from 'node:test';
import assert from 'node:assert/strict';
import { erlangC, fitWorkers, waitsGrow, meanWaitMs, saturationRate, waitQuantileMs, type StageMeasurement } from '../../core/queueing.ts';
import { simulateQueue } from './queue-simulation.ts';
import { exponentialDistribution, lognormalDistribution } from './known-distributions.ts';
import { seededRng } from '../../core/rng.ts';

test('Erlang C matches known values', () => {
  assert.ok(Math.abs(erlangC(1, 0.7) - 0.7) < 1e-12); // M/M/1: P(wait) = ρ
  // c = 2, a = 1: B = 0.2, C = 0.2 / (1 − 0.5·0.8) = 1/3
  assert.ok(Math.abs(erlangC(2, 1) - 1 / 3) < 1e-12);
  assert.equal(erlangC(3, 3), 1);
});

test('Allen–Cunneen is exact for M/M/c and close to a simulated M/G/c', () => {
  const mm = { c: 4, meanServiceMs: 1000, serviceScv: 1, arrivalScv: 1 };
  const simulateMeanWait = (service: ReturnType<typeof exponentialDistribution>, rate: number): number => {
    const { jobs } = simulateQueue({ workers: 4, service, ratePerS: rate, durationMs: 20_000_000, arrivals: 'poisson' }, seededRng(3));
    const steady = jobs.slice(Math.floor(jobs.length / 10));
    return steady.reduce((s, j) => s + j.startMs - j.arrivalMs, 0) / steady.length;
  };
  const rate = 3; // ρ = 0.75
  const mmSim = simulateMeanWait(exponentialDistribution(1000), rate);
  assert.ok(Math.abs(mmSim / meanWaitMs(mm, rate) - 1) < 0.1, `M/M/4 sim ${mmSim} vs ${meanWaitMs(mm, rate)}`);
  const logn = lognormalDistribution(800, 0.5);
  const mg = { c: 4, meanServiceMs: logn.mean, serviceScv: logn.scv, arrivalScv: 1 };
  const mgRate = 0.75 * saturationRate(mg);
  const mgSim = simulateMeanWait(logn, mgRate);
  assert.ok(Math.abs(mgSim / meanWaitMs(mg, mgRate) - 1) < 0.15, `M/G/4 sim ${mgSim} vs ${meanWaitMs(mg, mgRate)}`);
  assert.equal(waitQuantileMs(mm, 0.1, 0.95), 0); // almost nobody waits at ρ = 0.025
  assert.ok(waitQuantileMs(mm, 3, 0.95) > meanWaitMs(mm, 3));
});

test('fitWorkers recovers c from simulated stages, including a saturated one', () => {
  const service = exponentialDistribution(1000);
  const base = { meanServiceMs: 1000, serviceScv: 1, arrivalScv: 1 };
  const stages: StageMeasurement[] = [1, 2, 2.6, 3.2, 4].map((rate, i) => {
    const { jobs } = simulateQueue({ workers: 3, service, ratePerS: rate, durationMs: 600_000, arrivals: 'poisson' }, seededRng(10 + i));
    const done = jobs.filter((j) => j.endMs <= 600_000);
    return {
      tag: `rate=${rate}`,
      offeredRate: rate,
      throughput: done.length / 600,
      meanWaitMs: jobs.reduce((s, j) => s + j.startMs - j.arrivalMs, 0) / jobs.length,
      jobs: jobs.length,
      growing: waitsGrow(jobs.map((j) => j.startMs - j.arrivalMs), 1000),
    };
  });
  const fit = fitWorkers(stages, base);
  assert.equal(fit.c, 3, JSON.stringify({ stages, losses: fit.losses.slice(0, 6) }));
});
