// Capacity planning on a synthetic sweep drawn from a discrete-event M/G/c simulation with known workers and service
// times: the fitted worker count and the knee are printed next to the true values.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseObjectives } from '../core/objectives.ts';
import { buildResults } from './build-results.ts';
import { planCapacity, vusFor } from './capacity.ts';
import { generateRun, SWEEP_FIXTURE } from './fixtures/generate-run.ts';
import { parseServiceTime } from './stats/known-distributions.ts';
import { simulateQueue } from './stats/queue-simulation.ts';
import { meanWaitMs } from '../core/queueing.ts';
import { seededRng } from '../core/rng.ts';

const OBJECTIVES = parseObjectives(`
confidence: 0.95
objectives:
  - { metric: e2e_ms, stat: p95, op: '<=', value: 5000 }
  - { metric: queue_wait_ms, stat: p95, op: '<=', value: 3000 }
`);
// the fixture's client adds ~25 ms submit latency and, on average, half its 250 ms poll interval
const CLIENT_OVERHEAD_MS = 25 + 125;

/** The true knee: the highest rate at which a long simulated run meets both objectives. */
function trueKnee(workers: number, serviceTime: string): number {
  const service = parseServiceTime(serviceTime)!;
  const meets = (rate: number): boolean => {
    const { jobs } = simulateQueue({ workers, service, ratePerS: rate, durationMs: (60_000 / rate) * 1000, arrivals: 'poisson' }, seededRng(99));
    const steady = jobs.slice(Math.floor(jobs.length / 10));
    const waits = steady.map((j) => j.startMs - j.arrivalMs).sort((a, b) => a - b);
    const e2e = steady.map((j) => j.endMs - j.arrivalMs + CLIENT_OVERHEAD_MS).sort((a, b) => a - b);
    const p95 = (xs: number[]): number => xs[Math.ceil(0.95 * xs.length) - 1]!;
    return p95(waits) <= 3000 && p95(e2e) <= 5000;
  };
  let lo = 0.1;
  let hi = (workers * 1000) / service.mean;
  for (let i = 0; i < 14; i++) {
    const mid = (lo + hi) / 2;
    if (meets(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'infercheck-capacity-'));
  generateRun(dir, SWEEP_FIXTURE);
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('a sweep of a simulated M/G/3 queue: fitted workers and knee next to the truth', () => {
  const results = buildResults(dir);
  const load = results.load!;
  const knee = trueKnee(SWEEP_FIXTURE.workers, SWEEP_FIXTURE.serviceTime);
  const truth = parseServiceTime(SWEEP_FIXTURE.serviceTime)!;
  const trueSaturation = (SWEEP_FIXTURE.workers * 1000) / truth.mean;
  const lines: string[] = [];
  for (const model of SWEEP_FIXTURE.models) {
    const plan = planCapacity(load.jobs, load.stages, model, 'v2', OBJECTIVES, load.mockTruth ?? null);
    assert.ok(plan, `no plan for ${model}`);
    lines.push(
      `  ${model}: workers fitted ${plan.fit.c} (true ${SWEEP_FIXTURE.workers}); effective (Little) ${plan.effectiveWorkers.value.toFixed(2)}; ` +
        `saturation ${plan.saturationRate.toFixed(2)}/s (true ${trueSaturation.toFixed(2)}/s); knee: measured stage ${plan.kneeMeasured?.tag ?? 'none'} ` +
        `(${plan.kneeMeasured?.rate.toFixed(2) ?? '—'}/s), model ${plan.kneeModel?.toFixed(2)}/s, true ${knee.toFixed(2)}/s; ` +
        `held-out mean-wait error ${((plan.meanHoldoutError ?? NaN) * 100).toFixed(0)} % (steady-state stages ${((plan.meanHoldoutErrorSteady ?? NaN) * 100).toFixed(0)} %); VUs at knee ${plan.vusAtKnee}`,
    );
    assert.equal(plan.fit.c, SWEEP_FIXTURE.workers);
    assert.ok(Math.abs(plan.effectiveWorkers.value - SWEEP_FIXTURE.workers) < 0.3, `Little: ${plan.effectiveWorkers.value}`);
    assert.ok(Math.abs(plan.saturationRate / trueSaturation - 1) < 0.05);
    assert.ok(plan.kneeModel !== null && Math.abs(plan.kneeModel / knee - 1) < 0.1, `model knee ${plan.kneeModel} vs true ${knee}`);
    // The measured knee is the highest swept stage below the true knee — unless a faster stage was too short for
    // its queue to reach steady state, which the plan must then say.
    const below = SWEEP_FIXTURE.rates.filter((r) => r <= knee);
    const expectedTag = `rate=${Math.max(...below).toFixed(1)}`;
    const kneeStage = plan.stages.find((s) => s.tag === plan.kneeMeasured?.tag);
    assert.ok(kneeStage, 'no measured knee');
    if (plan.kneeMeasured?.tag !== expectedTag) assert.equal(kneeStage.reachedSteadyState, false, `${kneeStage.tag} met the SLA above the true knee but is not flagged`);
    lines.push(`    measured-knee stage ${kneeStage.tag}: relaxation time ${kneeStage.relaxationS?.toFixed(0)} s vs ${kneeStage.durationS} s stage → ${kneeStage.reachedSteadyState ? 'steady state' : 'too short for steady state (flagged)'}`);
    assert.equal(plan.holdout.length, SWEEP_FIXTURE.rates.length);
    assert.ok(plan.truth && plan.truth.workers === SWEEP_FIXTURE.workers);
  }
  console.log(`capacity on a simulated sweep (M/G/${SWEEP_FIXTURE.workers}, service ${SWEEP_FIXTURE.serviceTime}, stages ${SWEEP_FIXTURE.rates.join(', ')} jobs/s per model, ${SWEEP_FIXTURE.stageDurationS} s each)\n${lines.join('\n')}`);
});

test('VUs follow Little’s law on end-to-end time', () => {
  const queue = { c: 4, meanServiceMs: 2000, serviceScv: 0.2, arrivalScv: 1 };
  const rate = 1.5;
  const expected = Math.ceil((rate * (meanWaitMs(queue, rate) + 2000 + 100)) / 1000);
  assert.equal(vusFor(queue, rate, 100), expected);
  assert.equal(vusFor(queue, 2.5, 100), Infinity); // past saturation no VU count keeps up
});

test('too few stages or no queue data gives no plan rather than a made-up one', () => {
  const results = buildResults(dir);
  const load = results.load!;
  assert.equal(planCapacity(load.jobs, load.stages.slice(0, 1), SWEEP_FIXTURE.models[0]!, 'v2', OBJECTIVES), null);
  assert.equal(planCapacity(load.jobs, load.stages, 'no-such-model', 'v2', OBJECTIVES), null);
});

test('the service-time truth is read with the mock\'s own grammar: what the mock refuses is no truth', () => {
  assert.equal(parseServiceTime('exp:300')?.mean, 300);
  for (const bad of ['fixed:-1', 'exp:0', 'lognormal:800', 'uniform:3', 'fixed:1,2']) assert.equal(parseServiceTime(bad), undefined, bad);
});
