// Calibration by simulation (seeded, a few seconds): do the stated 95 % percentile intervals cover the true
// percentile 95 ± 2 % of the time on known distributions, and is a PASS never issued when the truth misses the
// objective by more than the stated margin? Prints its figures so the numbers can be quoted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bimodalDistribution, exponentialDistribution, lognormalDistribution } from './known-distributions.ts';
import { intervalRanks, jobsToClaimPercentile, upperBoundRank } from './order-statistics.ts';
import { clopperPearson, wilson } from './rate-interval.ts';
import { passMarginFor } from './sla-verdict.ts';
import { seededRng, type KnownDistribution } from '../../core/rng.ts';

const RUNS = 2000;
const N = 1000;
const DISTRIBUTIONS: KnownDistribution[] = [
  lognormalDistribution(2000, 0.5),
  exponentialDistribution(1500),
  bimodalDistribution(0.2, { median: 1000, sigma: 0.2 }, { median: 6000, sigma: 0.3 }),
];

function sortedDraw(dist: KnownDistribution, rng: ReturnType<typeof seededRng>, n: number): Float64Array {
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = dist.sample(rng);
  return values.sort();
}

test(`95 % order-statistic intervals cover the true percentile in 95 ± 2 % of ${RUNS} runs (n = ${N}; p95 also at n = 300)`, () => {
  const rows: string[] = [];
  const configs: Array<[number, number]> = [[N, 0.5], [N, 0.95], [N, 0.99], [300, 0.95]];
  for (const [d, dist] of DISTRIBUTIONS.entries()) {
    for (const [n, p] of configs) {
      const ranks = intervalRanks(n, p, 0.95);
      const truth = dist.quantile(p);
      const rng = seededRng(1000 + d * 10 + Math.round(p * 100) + n);
      let covered = 0;
      for (let run = 0; run < RUNS; run++) {
        const s = sortedDraw(dist, rng, n);
        const lower = ranks.lower === undefined ? -Infinity : s[ranks.lower - 1]!;
        const upper = ranks.upper === undefined ? Infinity : s[ranks.upper - 1]!;
        if (lower <= truth && truth <= upper) covered++;
      }
      const coverage = covered / RUNS;
      rows.push(`  ${dist.name.padEnd(34)} n ${String(n).padEnd(5)} p${String(p * 100).padEnd(3)} ranks [${ranks.lower}, ${ranks.upper}]  exact ${(ranks.coverage * 100).toFixed(1)} %  simulated ${(coverage * 100).toFixed(1)} %`);
      assert.ok(coverage >= 0.93 && coverage <= 0.97, `${dist.name} p${p * 100}: coverage ${coverage}`);
    }
  }
  // Small samples: ranks are whole numbers, so exact coverage overshoots, and below ~300 jobs a p99 has no upper bound
  // at all (+∞) — shown, not hidden.
  const small = [50, 100, 200].flatMap((n) => [0.95, 0.99].map((p) => {
    const r = intervalRanks(n, p, 0.95);
    return `n ${n} p${p * 100}: ${(r.coverage * 100).toFixed(1)} %${r.upper === undefined ? ' (upper bound +∞)' : ''}`;
  }));
  console.log(`calibration: coverage of stated 95 % intervals, ${RUNS} seeded runs each\n${rows.join('\n')}\n  exact coverage at small n: ${small.join(', ')}`);
});

test('a PASS is never issued when the true percentile misses the objective by more than the stated margin', () => {
  const confidence = 0.95;
  const rows: string[] = [];
  for (const [d, dist] of DISTRIBUTIONS.entries()) {
    for (const p of [0.95, 0.99]) {
      const u = upperBoundRank(N, p, confidence)!;
      // the stated margin: a share of jobs above the objective at which a PASS has chance < 1e-6
      const marginShare = passMarginFor(N, u);
      const atBoundary = dist.quantile(p); // truth exactly on the objective: PASS chance ≤ 1 − confidence
      const pastMargin = dist.quantile(1 - marginShare); // truth misses by the stated margin
      const rng = seededRng(2000 + d * 10 + Math.round(p * 100));
      let passAtBoundary = 0;
      let passPastMargin = 0;
      for (let run = 0; run < RUNS; run++) {
        const s = sortedDraw(dist, rng, N);
        if (s[u - 1]! <= atBoundary) passAtBoundary++;
        if (s[u - 1]! <= pastMargin) passPastMargin++;
      }
      rows.push(
        `  ${dist.name.padEnd(34)} p${String(p * 100).padEnd(3)} PASS rate with truth on the objective ${((passAtBoundary / RUNS) * 100).toFixed(1)} % (≤ 5 % stated); ` +
          `margin: ${(marginShare * 100).toFixed(2)} % of jobs above (objective allows ${((1 - p) * 100).toFixed(0)} %), = value ${((atBoundary / pastMargin - 1) * 100).toFixed(1)} % over; PASS there ${passPastMargin}/${RUNS}`,
      );
      assert.equal(passPastMargin, 0);
      assert.ok(passAtBoundary / RUNS <= 0.065, `false PASS rate at the boundary ${passAtBoundary / RUNS}`);
    }
  }
  console.log(`calibration: false PASS (confidence 95 %, n = ${N}, ${RUNS} runs)\n${rows.join('\n')}`);
});

test('sample-size rule vs MLPerf LoadGen early stopping: the same binomial rule reproduces 459 / 662 for p99', () => {
  const claim95 = jobsToClaimPercentile(0.99, 0.95, 0);
  const claim99 = jobsToClaimPercentile(0.99, 0.99, 0);
  const claim99OneOver = jobsToClaimPercentile(0.99, 0.99, 1);
  const p95At95 = jobsToClaimPercentile(0.95, 0.95, 0);
  // LoadGen (c = 0.99): h_min 459 with zero over-latency queries, 662 minimum queries (one over-latency query).
  assert.equal(claim99, 459);
  assert.equal(claim99OneOver, 662);
  assert.equal(claim95, 299);
  assert.equal(p95At95, 59);
  console.log(
    `sample size to claim a percentile ≤ X with 0 jobs above X: p99 at 95 % → ${claim95} jobs, p99 at 99 % → ${claim99}; ` +
      `with 1 job above X at 99 % → ${claim99OneOver} (LoadGen's 662); p95 at 95 % → ${p95At95}`,
  );
});

test('rate intervals: Clopper–Pearson never under-covers, Wilson is near nominal', () => {
  const rng = seededRng(77);
  const rows: string[] = [];
  for (const [n, truth] of [[200, 0.97], [1000, 0.99], [500, 0.9]] as const) {
    let cp = 0;
    let w = 0;
    for (let run = 0; run < RUNS; run++) {
      let k = 0;
      for (let i = 0; i < n; i++) if (rng.next() < truth) k++;
      const a = clopperPearson(k, n, 0.95);
      const b = wilson(k, n, 0.95);
      if (a.lower <= truth && truth <= a.upper) cp++;
      if (b.lower <= truth && truth <= b.upper) w++;
    }
    rows.push(`  n ${n} rate ${truth}: Clopper–Pearson ${((cp / RUNS) * 100).toFixed(1)} %, Wilson ${((w / RUNS) * 100).toFixed(1)} %`);
    assert.ok(cp / RUNS >= 0.94, `CP coverage ${cp / RUNS}`);
    assert.ok(Math.abs(w / RUNS - 0.95) <= 0.025, `Wilson coverage ${w / RUNS}`);
  }
  console.log(`calibration: 95 % rate intervals over ${RUNS} runs\n${rows.join('\n')}`);
});
