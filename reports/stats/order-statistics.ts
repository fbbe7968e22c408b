// Distribution-free confidence bounds for percentiles from order statistics.
//
// For a continuous distribution with true p-quantile q, the number of observations ≤ q in n independent draws is
// Binomial(n, p) whatever the distribution is. So the u-th smallest observation x(u) is ≥ q with probability
// P(B ≤ u − 1), and x(l) ≤ q with probability P(B ≥ l). Choosing the ranks from the binomial CDF gives bounds whose
// confidence holds exactly (conservatively, because ranks are whole numbers) for any latency distribution — no
// normality, no bootstrap. This is the same binomial argument as MLPerf LoadGen's early stopping
// (loadgen/early_stopping.cc; anchors §4.1), applied to both sides so a verdict can also be FAIL.
import { quantileRank } from '../../core/queue-wait.ts';
import { binomialCdf } from './jstat.ts';

/** A sample sorted ascending, read by 1-based rank. Raw samples and histograms both provide it. */
export interface OrderedSample {
  readonly n: number;
  /** The rank-th smallest value, 1 ≤ rank ≤ n. */
  at(rank: number): number;
  /** How many values are ≤ x (or < x when strict). */
  countAtMost(x: number, strict?: boolean): number;
}

export function sortedSample(values: readonly number[] | Float64Array): OrderedSample {
  const sorted = Float64Array.from(values).sort();
  return {
    n: sorted.length,
    at: (rank) => {
      const v = sorted[rank - 1];
      if (v === undefined) throw new RangeError(`rank ${rank} outside 1..${sorted.length}`);
      return v;
    },
    countAtMost: (x, strict = false) => {
      // binary search for the first index whose value is > x (or ≥ x when strict)
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const v = sorted[mid]!;
        if (strict ? v < x : v <= x) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    },
  };
}

/** Smallest k in [from, to] with cdf(k) ≥ target, or undefined; cdf(k) = P(B ≤ k) is increasing in k. */
function firstAtLeast(n: number, p: number, target: number): number | undefined {
  if (binomialCdf(n - 1, n, p) < target) return undefined;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (binomialCdf(mid, n, p) >= target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Largest k in [0, n − 1] with cdf(k) ≤ target, or undefined. */
function lastAtMost(n: number, p: number, target: number): number | undefined {
  if (binomialCdf(0, n, p) > target) return undefined;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (binomialCdf(mid, n, p) <= target) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Rank u of the one-sided upper bound: P(q_p ≤ x(u)) ≥ confidence. Undefined when n is too small for any
 * observation to bound the percentile from above (then the upper bound is +∞).
 */
export function upperBoundRank(n: number, p: number, confidence: number): number | undefined {
  if (n < 1) return undefined;
  const k = firstAtLeast(n, p, confidence);
  return k === undefined ? undefined : k + 1;
}

/** Rank l of the one-sided lower bound: P(x(l) ≤ q_p) ≥ confidence. Undefined when the lower bound is −∞. */
export function lowerBoundRank(n: number, p: number, confidence: number): number | undefined {
  if (n < 1) return undefined;
  const k = lastAtMost(n, p, 1 - confidence);
  return k === undefined ? undefined : k + 1;
}

export interface PercentileInterval {
  readonly n: number;
  readonly p: number;
  readonly confidence: number;
  /** The sample quantile x(⌈np⌉). */
  readonly estimate: number;
  readonly lower: number; // −Infinity when n is too small
  readonly upper: number; // +Infinity when n is too small
  readonly lowerRank: number | null;
  readonly upperRank: number | null;
  /** The exact coverage of [x(l), x(u)] for a continuous distribution: ≥ confidence, by construction. */
  readonly exactCoverage: number;
}

/** x(⌈np⌉): the one sample-quantile rule (core/queue-wait.ts), shared with the load console. */
export function sampleQuantile(sample: OrderedSample, p: number): number {
  return sample.at(quantileRank(sample.n, p));
}

/**
 * Two-sided interval for the p-quantile at the given confidence. Equal tails are the starting point; because ranks
 * are whole numbers, equal tails can over-cover badly (98 % for a stated 95 % at p99, n = 1000), so nearby rank pairs
 * are tried and the one whose exact coverage is closest to — but never below — the confidence wins. The coverage
 * guarantee is unchanged; the interval just stops being needlessly wide.
 */
export function percentileInterval(sample: OrderedSample, p: number, confidence: number): PercentileInterval {
  const n = sample.n;
  if (n === 0) throw new RangeError('percentileInterval needs at least one observation');
  const ranks = intervalRanks(n, p, confidence);
  return {
    n,
    p,
    confidence,
    estimate: sampleQuantile(sample, p),
    lower: ranks.lower === undefined ? Number.NEGATIVE_INFINITY : sample.at(ranks.lower),
    upper: ranks.upper === undefined ? Number.POSITIVE_INFINITY : sample.at(ranks.upper),
    lowerRank: ranks.lower ?? null,
    upperRank: ranks.upper ?? null,
    exactCoverage: ranks.coverage,
  };
}

const coverageOf = (n: number, p: number, l: number | undefined, u: number | undefined): number =>
  (u === undefined ? 1 : binomialCdf(u - 1, n, p)) - (l === undefined ? 0 : binomialCdf(l - 1, n, p));

/** The rank pair of percentileInterval, with its exact coverage. */
export function intervalRanks(n: number, p: number, confidence: number): { lower?: number; upper?: number; coverage: number } {
  const oneSided = (1 + confidence) / 2;
  const l0 = lowerBoundRank(n, p, oneSided);
  const u0 = upperBoundRank(n, p, oneSided);
  let best = { lower: l0, upper: u0, coverage: coverageOf(n, p, l0, u0) };
  if (l0 === undefined || u0 === undefined) return best;
  // Shift each end inwards by up to a few ranks (never past the one-sided bound at the full confidence, so each
  // tail alone still keeps at least `confidence`).
  const lMax = lowerBoundRank(n, p, confidence) ?? l0;
  const uMin = upperBoundRank(n, p, confidence) ?? u0;
  for (let l = l0; l <= Math.min(lMax, l0 + 8); l++) {
    for (let u = u0; u >= Math.max(uMin, u0 - 8, l); u--) {
      const coverage = coverageOf(n, p, l, u);
      if (coverage < confidence) break;
      if (coverage < best.coverage) best = { lower: l, upper: u, coverage };
    }
  }
  return best;
}

/**
 * The fewest jobs that can claim "p-quantile ≤ X" at the confidence when `exceedances` of them are above X:
 * the smallest n with n − exceedances ≥ upperBoundRank(n). With 0 exceedances this is ⌈ln(1 − c) / ln p⌉.
 */
export function jobsToClaimPercentile(p: number, confidence: number, exceedances = 0, limit = 10_000_000): number | undefined {
  // P(claim) is monotone in n for fixed exceedances, so a doubling search then bisection finds the first n.
  const claims = (n: number): boolean => {
    const u = upperBoundRank(n, p, confidence);
    return u !== undefined && n - exceedances >= u;
  };
  let hi = Math.max(1, exceedances + 1);
  while (!claims(hi)) {
    hi *= 2;
    if (hi > limit) return undefined;
  }
  let lo = Math.max(1, Math.floor(hi / 2));
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (claims(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
