import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sortedSample } from './order-statistics.ts';
import { meanVerdict, percentileVerdict, rateVerdict } from './sla-verdict.ts';
import { lognormal, seededRng } from '../../core/rng.ts';

const draw = (n: number, median: number, seed: number): number[] => {
  const rng = seededRng(seed);
  return Array.from({ length: n }, () => lognormal(rng, median, 0.4));
};

test('percentile verdicts: PASS well inside, FAIL well outside, INCONCLUSIVE near the limit', () => {
  const sample = sortedSample(draw(500, 1000, 1)); // p95 ≈ 1000·e^(0.4·1.645) ≈ 1930
  assert.equal(percentileVerdict(sample, 0.95, '<=', 3000, 0.95).verdict, 'PASS');
  assert.equal(percentileVerdict(sample, 0.95, '<=', 1200, 0.95).verdict, 'FAIL');
  const near = percentileVerdict(sample, 0.95, '<=', 1950, 0.95);
  assert.equal(near.verdict, 'INCONCLUSIVE');
  assert.ok(near.lower <= 1950 && near.upper > 1950);
  // the > / >= forms are symmetric
  assert.equal(percentileVerdict(sample, 0.5, '>=', 500, 0.95).verdict, 'PASS');
  assert.equal(percentileVerdict(sample, 0.5, '>', 5000, 0.95).verdict, 'FAIL');
});

test('a PASS states its margin; too few jobs cannot PASS a p99 at all', () => {
  const pass = percentileVerdict(sortedSample(draw(1000, 1000, 2)), 0.95, '<=', 4000, 0.95);
  assert.equal(pass.verdict, 'PASS');
  assert.ok(pass.passMarginExceedance! > 0.05 && pass.passMarginExceedance! < 0.1, String(pass.passMarginExceedance));
  const few = percentileVerdict(sortedSample(draw(100, 1000, 3)), 0.99, '<=', 1e9, 0.95);
  assert.equal(few.verdict, 'INCONCLUSIVE');
  assert.equal(few.upper, Infinity);
  // 299 jobs is the fewest that can claim a p99 at 95 % (0 over the limit)
  assert.equal(few.moreJobsNeeded, 299 - 100);
});

test('"more jobs needed" is the count that decides it if the observed share holds', () => {
  // 1000 jobs, 4 % over the limit, objective p95: looks like a pass but is not yet proven
  const values = Array.from({ length: 1000 }, (_, i) => (i < 40 ? 2000 : 500 + i / 10));
  const v = percentileVerdict(sortedSample(values), 0.95, '<=', 1000, 0.95);
  assert.equal(v.verdict, 'INCONCLUSIVE');
  const more = v.moreJobsNeeded!;
  assert.ok(more > 0);
  const grown = (n: number): number[] => Array.from({ length: n }, (_, i) => (i < Math.round(0.04 * n) ? 2000 : 500));
  assert.equal(percentileVerdict(sortedSample(grown(1000 + more)), 0.95, '<=', 1000, 0.95).verdict, 'PASS');
  assert.equal(percentileVerdict(sortedSample(grown(1000 + Math.floor(more / 2))), 0.95, '<=', 1000, 0.95).verdict, 'INCONCLUSIVE');
});

test('rate verdicts use Clopper–Pearson bounds and project the jobs still needed', () => {
  assert.equal(rateVerdict(998, 1000, '>=', 0.99, 0.95).verdict, 'PASS');
  assert.equal(rateVerdict(995, 1000, '>=', 0.99, 0.95).verdict, 'INCONCLUSIVE'); // 99.5 % observed, not yet proven ≥ 99 %
  assert.equal(rateVerdict(950, 1000, '>=', 0.99, 0.95).verdict, 'FAIL');
  const unsure = rateVerdict(99, 100, '>=', 0.97, 0.95);
  assert.equal(unsure.verdict, 'INCONCLUSIVE');
  assert.ok(unsure.moreJobsNeeded! > 0);
  assert.equal(rateVerdict(2, 1000, '<=', 0.01, 0.95).verdict, 'PASS');
  assert.equal(rateVerdict(0, 0, '>=', 0.9, 0.95).verdict, 'INCONCLUSIVE');
});

test('mean verdicts say they rest on the normal approximation', () => {
  const v = meanVerdict(draw(400, 1000, 4), '<=', 2000, 0.95);
  assert.equal(v.verdict, 'PASS');
  assert.equal(v.method, 'normal-approximation');
  assert.equal(meanVerdict([1], '<=', 2, 0.95).verdict, 'INCONCLUSIVE');
});
