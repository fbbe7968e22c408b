// What a baseline can catch (issue 13). The power estimate is checked against the truth by simulation, and the
// sizes the smoke scenario needs for a 20 % slowdown of either API to be caught are measured on synthetic runs of
// `npm start`'s size and shape (reports/fixtures/generate-run.ts NPM_START_FIXTURE, NPM_START_V1) and printed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lognormal, seededRng } from '../../core/rng.ts';
import { buildResults } from '../build-results.ts';
import { generateRun, NPM_START_FIXTURE, NPM_START_V1 } from '../fixtures/generate-run.ts';
import { metricValues } from '../samples.ts';
import { detectableSlowdown, jobsToDetect } from './gate-power.ts';
import { decideChange, DEFAULT_GATE_OPTIONS, MIN_GATE_SAMPLE } from './regression-gate.ts';

const sorted = (values: number[]): Float64Array => Float64Array.from(values).sort();

test('the detectable slowdown estimated from one baseline is caught ≥ 95 % of the time by the real gate (lognormal σ 0.5)', () => {
  const rng = seededRng(31);
  const rows: string[] = [];
  for (const n of [50, 200, 800]) {
    const baseline = Array.from({ length: n }, () => lognormal(rng, 2000, 0.5));
    const s = detectableSlowdown(baseline, n, DEFAULT_GATE_OPTIONS)!;
    assert.ok(s > DEFAULT_GATE_OPTIONS.maxRegression, `n ${n}: ${s} is above the tolerance`);
    // the truth: fresh runs from the true distribution, the current one slower by s
    let caught = 0;
    const runs = 1000;
    for (let r = 0; r < runs; r++) {
      const a = sorted(Array.from({ length: n }, () => lognormal(rng, 2000, 0.5)));
      const b = sorted(Array.from({ length: n }, () => lognormal(rng, 2000 * (1 + s), 0.5)));
      if (decideChange(a, b, DEFAULT_GATE_OPTIONS).verdict === 'regressed') caught++;
    }
    rows.push(`n ${n}: detectable ≥ +${(s * 100).toFixed(1)} %, true catch rate there ${(caught / 10).toFixed(1)} %`);
    // the bootstrap estimate comes from one baseline of n jobs, so its own noise is allowed for
    assert.ok(caught / runs >= 0.85, rows.at(-1));
  }
  console.log(`gate power (lognormal σ 0.5, tolerance 10 %, α 0.05):\n  ${rows.join('\n  ')}`);
});

test('jobs per run to catch +20 % at 95 %, by the spread of the metric (lognormal σ), for sizing a scenario', () => {
  const rng = seededRng(77);
  const sizes = [0.1, 0.25, 0.5, 1].map((sigma) => {
    const reference = Array.from({ length: 4000 }, () => lognormal(rng, 1000, sigma));
    return [sigma, jobsToDetect(reference, 0.2, DEFAULT_GATE_OPTIONS)!] as const;
  });
  console.log(`jobs per run (each side) for the gate to catch +20 % at 95 % (tolerance 10 %): ${sizes.map(([sigma, n]) => `σ ${sigma}: ${n}`).join(', ')}`);
  for (let i = 1; i < sizes.length; i++) assert.ok(sizes[i]![1] > sizes[i - 1]![1], 'a wider spread needs more jobs');
});

test('too few jobs give no detectable slowdown at all; more jobs catch smaller ones', () => {
  const rng = seededRng(5);
  const values = Array.from({ length: 400 }, () => lognormal(rng, 100, 0.3));
  assert.equal(detectableSlowdown(values.slice(0, MIN_GATE_SAMPLE - 1), 50, DEFAULT_GATE_OPTIONS), null);
  assert.equal(detectableSlowdown(values, 2, DEFAULT_GATE_OPTIONS), null, 'two current jobs cannot be tested');
  const small = detectableSlowdown(values.slice(0, 20), 20, DEFAULT_GATE_OPTIONS)!;
  const large = detectableSlowdown(values, 400, DEFAULT_GATE_OPTIONS)!;
  assert.ok(large < small, `${large} < ${small}`);
});

test('npm start-sized run: the power table at the size issue 13 found and at the smoke scenario’s size now', () => {
  const dir = mkdtempSync(join(tmpdir(), 'infercheck-power-'));
  // issue 13's size: 75 jobs, both models, v2 ~35 per model, v1 2 per model
  generateRun(join(dir, 'before'), NPM_START_FIXTURE);
  const before = buildResults(join(dir, 'before')).load!;
  // now: the smoke scenario's v1 stage (load/scenarios/smoke.ts) at a real run's v1 spread
  generateRun(join(dir, 'now'), { ...NPM_START_FIXTURE, ...NPM_START_V1 });
  const now = buildResults(join(dir, 'now')).load!;
  // the same shape with plenty of v1 jobs, only to know v1's spread
  generateRun(join(dir, 'spread'), { ...NPM_START_FIXTURE, ...NPM_START_V1, v1Jobs: 400, seed: 41 });
  const spread = buildResults(join(dir, 'spread')).load!;
  const table: string[] = [];
  const text = (s: number | null): string => (s === null ? `not testable (needs ≥ ${MIN_GATE_SAMPLE})` : `+${(s * 100).toFixed(1)} %`);
  for (const model of NPM_START_FIXTURE.models) {
    for (const api of ['v1', 'v2'] as const) {
      const detectable = (load: typeof now): [number, number | null] => {
        const values = metricValues(load.jobs, 'e2e_ms', { model, api });
        return [values.length, detectableSlowdown(values, values.length, DEFAULT_GATE_OPTIONS)];
      };
      const [nBefore, sBefore] = detectable(before);
      const [nNow, sNow] = detectable(now);
      const n = jobsToDetect(metricValues(spread.jobs, 'e2e_ms', { model, api }), 0.2, DEFAULT_GATE_OPTIONS)!;
      table.push(`${model.padEnd(18)} ${api}  before n ${String(nBefore).padStart(3)}: ${text(sBefore)};  now n ${String(nNow).padStart(3)}: ${text(sNow)};  jobs per run to catch +20 %: ${n}`);
      if (api === 'v1') assert.equal(sBefore, null, 'two v1 jobs per model cannot be tested');
      assert.ok(sNow !== null && sNow <= 0.2, `${model} ${api}: the smoke scenario's size catches +20 % (${text(sNow)}, n ${nNow})`);
    }
  }
  console.log(`gate power on a synthetic npm start-sized run (e2e_ms; tolerance 10 %, α 0.05, power 95 %):\n  ${table.join('\n  ')}`);
  rmSync(dir, { recursive: true, force: true });
});
