// The scheduler's plan: every open stage's arrivals computed up front, in time order, stages where the scenario puts
// them, the stream split over models by a seeded coin and over segments exactly; and a cap on jobs in flight shows
// up as late starts instead of being hidden (no coordinated omission).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { MODELS } from '../core/spec.ts';
import { jobIndexOf, openArrivals } from './engine.ts';
import { runLoad } from './run.ts';
import { scenarioNamed } from './scenarios/index.ts';
import { parseSegment } from './schedule.ts';

const params = { rate: 10, rates: [5, 10, 20], durationS: 20, vus: 0, models: MODELS, arrivals: 'poisson' as const, stageGapS: 4 };

test('a sweep: one stage per rate, each after the previous one and its pause, each at its own rate', () => {
  const stages = scenarioNamed('sweep')!.stages(params);
  const arrivals = openArrivals(stages, MODELS, 7);
  assert.deepEqual(stages.map((s) => s.startS), [0, 24, 48]);
  assert.ok(arrivals.every((a, i) => i === 0 || a.dueMs >= arrivals[i - 1]!.dueMs), 'in time order');
  for (const [k, stage] of stages.entries()) {
    const mine = arrivals.filter((a) => a.stage === stage.tag);
    assert.ok(mine.every((a) => a.dueMs >= stage.startS * 1000 && a.dueMs < (stage.startS + stage.durationS) * 1000));
    assert.ok(mine.every((a) => Math.floor(a.jobIndex / 1_000_000) === k));
    const expected = params.rates[k]! * params.durationS;
    assert.ok(Math.abs(mine.length - expected) < 4 * Math.sqrt(expected), `${stage.tag}: ${mine.length} arrivals`);
  }
  assert.equal(jobIndexOf(2, 5), 2_000_005);
});

test('models by a seeded coin (both get about half), and the same seed gives the same plan', () => {
  const stages = scenarioNamed('async')!.stages({ ...params, durationS: 200 });
  const arrivals = openArrivals(stages, MODELS, 3);
  const first = arrivals.filter((a) => a.model === MODELS[0]).length;
  assert.ok(Math.abs(first / arrivals.length - 0.5) < 0.05);
  assert.deepEqual(openArrivals(stages, MODELS, 3), arrivals);
});

test('segments split the plan exactly: disjoint, and together the whole', () => {
  const stages = scenarioNamed('async')!.stages(params);
  const whole = openArrivals(stages, MODELS, 9).map((a) => a.jobIndex);
  const parts = [0, 1, 2].map((i) => openArrivals(stages, MODELS, 9, parseSegment(`${i}/3`)).map((a) => a.jobIndex));
  assert.deepEqual(parts.flat().sort((a, b) => a - b), [...whole].sort((a, b) => a - b));
  assert.ok(parts.every((p) => p.length > 0));
});

test('a cap on jobs in flight (--vus on an open model) is reported as late starts, not hidden', { timeout: 60_000 }, async () => {
  const out = mkdtempSync(join(tmpdir(), 'infercheck-cap-'));
  try {
    const result = await runLoad({ scenario: 'async', vus: 1, rate: 40, durationS: 1, out, capture: true, seed: 2 });
    assert.equal(result.exitCode, 0, result.log);
    assert.equal(result.summary.arrivals.started, result.summary.arrivals.scheduled, 'every arrival still ran');
    assert.ok(result.summary.arrivals.late > 0, 'one job at a time cannot keep 40 arrivals/s');
    assert.ok(result.summary.arrivals.startLagMaxMs! > 20);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
