// "Queueing is real": a discrete-event run of the pure core on the fake clock, Poisson arrivals and exponential
// service at utilisation 0.7, must give the mean queue wait the Erlang C formula predicts (M/M/c), within 10 %.
// Seeded and instant: no sockets, no timers.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from './clock.ts';
import { MockCore } from './core.ts';
import { serviceTimeModel } from './latency.ts';
import { exponential, seededRng } from '../core/rng.ts';
import { erlangC, mmcMeanWaitMs } from '../core/queueing.ts';

function simulate(workers: number, meanServiceMs: number, utilisation: number, jobs: number, seed: number, service: string): number {
  const clock = new FakeClock(0);
  const core = new MockCore(
    {
      models: ['m'],
      workers,
      latency: serviceTimeModel(service === 'exp' ? { kind: 'exp', meanMs: meanServiceMs } : { kind: 'fixed', ms: meanServiceMs }),
      retentionMs: 3_600_000,
      credits: 1e12,
      rpm: 0,
      raiBlock: [],
      maxQueueDepth: 1e9,
      maxRecords: 1e9,
      keyCount: 1,
    },
    clock,
    seededRng(seed),
  );
  const arrivals = seededRng(seed + 1);
  const meanInterarrival = meanServiceMs / (utilisation * workers);
  const warmup = Math.floor(jobs / 20);
  let waited = 0;
  for (let i = 0; i < jobs; i++) {
    clock.advance(exponential(arrivals, meanInterarrival));
    const outcome = core.submit('m', 'v2', 0, { prompt: 'x', steps: 20, width: 512, height: 512, samples: 1, seed: 1, paramsDigest: 0 });
    if (outcome.kind !== 'accepted') throw new Error(outcome.kind);
    if (i >= warmup) waited += outcome.job.startedAt - outcome.job.submittedAt;
  }
  return waited / (jobs - warmup);
}

describe('queueing theory against the core', () => {
  for (const workers of [1, 2, 4]) {
    it(`M/M/${workers} at ρ = 0.7: mean queue wait within 10 % of Erlang C`, () => {
      const meanServiceMs = 1000;
      const measured = simulate(workers, meanServiceMs, 0.7, 200_000, 2026 + workers, 'exp');
      const ratePerS = (0.7 * workers * 1000) / meanServiceMs;
      const predicted = mmcMeanWaitMs(workers, ratePerS, meanServiceMs);
      const error = Math.abs(measured - predicted) / predicted;
      console.log(`# M/M/${workers} rho=0.7: measured Wq ${measured.toFixed(1)} ms, Erlang C ${predicted.toFixed(1)} ms, error ${(error * 100).toFixed(2)} %`);
      assert.ok(error < 0.1, `error ${(error * 100).toFixed(1)} %`);
    });
  }

  it('M/D/1 at ρ = 0.7 (fixed service): mean wait within 10 % of Pollaczek–Khinchine', () => {
    const measured = simulate(1, 1000, 0.7, 200_000, 99, 'fixed');
    const rho = 0.7;
    const predicted = (rho * 1000) / (2 * (1 - rho)); // Wq = ρ / (2μ(1 − ρ))
    const error = Math.abs(measured - predicted) / predicted;
    console.log(`# M/D/1 rho=0.7: measured Wq ${measured.toFixed(1)} ms, P-K ${predicted.toFixed(1)} ms, error ${(error * 100).toFixed(2)} %`);
    assert.ok(error < 0.1, `error ${(error * 100).toFixed(1)} %`);
  });

  it('the formula itself: known values', () => {
    // c = 1 reduces to M/M/1: P(wait) = ρ
    assert.ok(Math.abs(erlangC(1, 0.7) - 0.7) < 1e-12);
    // c = 2, a = 1.4: C = 0.5765 (tabulated)
    assert.ok(Math.abs(erlangC(2, 1.4) - 0.576470588) < 1e-6);
  });
});
