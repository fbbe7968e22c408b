// The gate's error rates by simulation (seeded, ~2 s): A/A false alarms ≤ 5 % and a true 15 % slowdown caught
// ≥ 90 % at the default sample size. Prints its figures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareMetric, decideChange, DEFAULT_GATE_OPTIONS, DEFAULT_GATE_SAMPLE_SIZE } from './regression-gate.ts';
import { lognormal, seededRng, type Rng } from '../../core/rng.ts';
import { bimodalDistribution } from './known-distributions.ts';

const RUNS = 2000;
const draw = (rng: Rng, n: number, f: (rng: Rng) => number): Float64Array => {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = f(rng);
  return out.sort();
};

test(`gate simulation: A/A false alarms ≤ 5 %, a 15 % slowdown caught ≥ 90 % at n = ${DEFAULT_GATE_SAMPLE_SIZE} per run`, () => {
  const n = DEFAULT_GATE_SAMPLE_SIZE;
  const rows: string[] = [];
  const bimodal = bimodalDistribution(0.2, { median: 1000, sigma: 0.2 }, { median: 6000, sigma: 0.3 });
  const shapes: Array<[string, (rng: Rng, scale: number) => number]> = [
    ['lognormal σ 0.5', (rng, scale) => lognormal(rng, 2000 * scale, 0.5)],
    ['bimodal (20 % cold starts)', (rng, scale) => bimodal.sample(rng) * scale],
  ];
  for (const [s, [name, sample]] of shapes.entries()) {
    const rng = seededRng(4242 + s);
    let falseAlarms = 0;
    let anyChange = 0;
    let caught = 0;
    for (let run = 0; run < RUNS; run++) {
      const baseline = draw(rng, n, (r) => sample(r, 1));
      const same = draw(rng, n, (r) => sample(r, 1));
      const slower = draw(rng, n, (r) => sample(r, 1.15));
      const aa = decideChange(baseline, same, DEFAULT_GATE_OPTIONS).verdict;
      if (aa === 'regressed') falseAlarms++;
      if (aa !== 'unchanged') anyChange++;
      if (decideChange(baseline, slower, DEFAULT_GATE_OPTIONS).verdict === 'regressed') caught++;
    }
    rows.push(`  ${name.padEnd(28)} A/A false alarms ${((falseAlarms / RUNS) * 100).toFixed(2)} % (any verdict but unchanged ${((anyChange / RUNS) * 100).toFixed(2)} %); 15 % slowdown caught ${((caught / RUNS) * 100).toFixed(1)} %`);
    assert.ok(falseAlarms / RUNS <= 0.05, `A/A false alarms ${falseAlarms / RUNS}`);
    assert.ok(caught / RUNS >= 0.9, `15 % slowdown caught ${caught / RUNS}`);
  }
  // how the catch rate falls with smaller runs (lognormal σ 0.5), so users can size a run
  const power: string[] = [];
  const rng = seededRng(777);
  for (const size of [100, 200, 400, 800]) {
    let caught = 0;
    const runs = 500;
    for (let run = 0; run < runs; run++) {
      const baseline = draw(rng, size, (r) => lognormal(r, 2000, 0.5));
      const slower = draw(rng, size, (r) => lognormal(r, 2300, 0.5));
      if (decideChange(baseline, slower, DEFAULT_GATE_OPTIONS).verdict === 'regressed') caught++;
    }
    power.push(`n ${size}: ${((caught / runs) * 100).toFixed(0)} %`);
  }
  console.log(`gate: ${RUNS} seeded runs per row, n = ${n} jobs per run, tolerance 10 %, α = 0.05\n${rows.join('\n')}\n  15 % slowdown caught by run size (500 runs each, lognormal σ 0.5): ${power.join(', ')}`);
});

test('compareMetric reports the ratio of medians with a bootstrap interval that brackets it', () => {
  const rng = seededRng(9);
  const a = Array.from({ length: 300 }, () => lognormal(rng, 1000, 0.3));
  const b = Array.from({ length: 300 }, () => lognormal(rng, 1300, 0.3));
  const c = compareMetric(a, b);
  assert.equal(c.verdict, 'regressed');
  assert.ok(c.ratioLower < c.ratio && c.ratio < c.ratioUpper);
  assert.ok(c.ratioLower > 1.15 && c.ratioUpper < 1.45, `${c.ratioLower}..${c.ratioUpper}`);
  assert.equal(compareMetric(b, a).verdict, 'improved');
  // same inputs, same interval: the bootstrap is seeded
  assert.deepEqual(compareMetric(a, b), c);
});

test('a significant change inside the tolerance is unchanged; too few samples are "not tested", never unchanged', () => {
  const rng = seededRng(10);
  const a = Array.from({ length: 4000 }, () => lognormal(rng, 1000, 0.3));
  const b = Array.from({ length: 4000 }, () => lognormal(rng, 1050, 0.3));
  const c = compareMetric(a, b);
  assert.equal(c.significant, true);
  assert.equal(c.verdict, 'unchanged');
  assert.match(c.note, /within the ±10 % tolerance/);
  const tiny = compareMetric([1, 2, 3], [10, 20, 30]);
  assert.equal(tiny.verdict, 'untested');
  assert.equal(tiny.note, 'not tested (n = 3 / 3, needs ≥ 8 per run)');
});
