// SLA verdicts: each objective is PASS, FAIL or INCONCLUSIVE at a stated confidence, with the number of further
// jobs that would decide an inconclusive one. Pure functions over samples; the report only presents the result.
//
// Percentile objectives ("p95 ≤ X") reduce to a binomial test on k = #{jobs ≤ X}: the one-sided upper bound
// x(u) is ≤ X exactly when k ≥ u, and the lower bound x(l) is > X exactly when k < l (order-statistics.ts).
// Rates use one-sided Clopper–Pearson bounds. A mean has no distribution-free bound, so it uses the CLT and says so.
import type { Comparison } from '../../core/objectives.ts';
import { binomialCdf, normalQuantile } from './jstat.ts';
import { lowerBoundRank, sampleQuantile, upperBoundRank, type OrderedSample } from './order-statistics.ts';
import { clopperPearsonLower, clopperPearsonUpper } from './rate-interval.ts';

export type Verdict = 'PASS' | 'FAIL' | 'INCONCLUSIVE';

export interface VerdictDetail {
  readonly verdict: Verdict;
  readonly n: number;
  readonly estimate: number;
  /** One-sided bounds at the confidence (±Infinity when the sample is too small to give one). */
  readonly lower: number;
  readonly upper: number;
  readonly confidence: number;
  readonly method: 'order-statistics' | 'clopper-pearson' | 'normal-approximation';
  /** When INCONCLUSIVE: more jobs that would decide it if the observed proportion held; null if it never would. */
  readonly moreJobsNeeded: number | null;
  /**
   * For a PASS on a percentile: the share of jobs above the objective at which this PASS would have had a chance
   * below PASS_MARGIN_RISK (the objective allows 1 − p). The margin a PASS is safe against, distribution-free.
   */
  readonly passMarginExceedance?: number;
}

/** The risk level that defines the stated margin of a PASS (see passMarginExceedance). */
export const PASS_MARGIN_RISK = 1e-6;

const isUpperLimit = (op: Comparison): boolean => op === '<=' || op === '<';

/** Smallest N ≥ n (≤ limit) for which `decides(N)` holds, assuming monotonicity; undefined beyond the limit. */
function firstDecidingN(n: number, decides: (N: number) => boolean, limit = 10_000_000): number | undefined {
  let hi = Math.max(n + 1, 2);
  while (!decides(hi)) {
    hi *= 2;
    if (hi > limit) return undefined;
  }
  let lo = Math.max(n + 1, Math.floor(hi / 2));
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (decides(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The exceedance share s at which P(Binomial(n, 1 − s) ≥ u) = risk: a PASS is that unlikely past it. */
export function passMarginFor(n: number, u: number, risk = PASS_MARGIN_RISK): number {
  let lo = 0; // fraction at or below X, searched on (0, 1)
  let hi = 1;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    const passChance = 1 - binomialCdf(u - 1, n, mid);
    if (passChance > risk) hi = mid;
    else lo = mid;
  }
  return 1 - lo;
}

/** Verdict for "p-quantile op value" (op < or ≤ is the usual latency SLO; > or ≥ is supported symmetrically). */
export function percentileVerdict(sample: OrderedSample, p: number, op: Comparison, value: number, confidence: number): VerdictDetail {
  const n = sample.n;
  const u = upperBoundRank(n, p, confidence);
  const l = lowerBoundRank(n, p, confidence);
  const upper = u === undefined ? Number.POSITIVE_INFINITY : sample.at(u);
  const lower = l === undefined ? Number.NEGATIVE_INFINITY : sample.at(l);
  const base = { n, estimate: n ? sampleQuantile(sample, p) : Number.NaN, lower, upper, confidence, method: 'order-statistics' as const };
  if (n === 0) return { ...base, verdict: 'INCONCLUSIVE', moreJobsNeeded: jobsForFirstDecision(p, confidence) };

  const strictUpper = op === '<';
  const strictLower = op === '>';
  const meetsUpperLimit = (bound: number): boolean => (strictUpper ? bound < value : bound <= value);
  const breaksUpperLimit = (bound: number): boolean => (strictUpper ? bound >= value : bound > value);
  let verdict: Verdict;
  if (isUpperLimit(op)) verdict = meetsUpperLimit(upper) ? 'PASS' : breaksUpperLimit(lower) ? 'FAIL' : 'INCONCLUSIVE';
  else verdict = (strictLower ? lower > value : lower >= value) ? 'PASS' : (strictLower ? upper <= value : upper < value) ? 'FAIL' : 'INCONCLUSIVE';

  let moreJobsNeeded: number | null = null;
  if (verdict === 'INCONCLUSIVE') {
    // Project with the observed share of jobs within the limit held fixed, and find when a bound would cross it.
    const within = sample.countAtMost(value, strictUpper) / n;
    const decides = (N: number): boolean => {
      const k = Math.round(within * N);
      const uN = upperBoundRank(N, p, confidence);
      const lN = lowerBoundRank(N, p, confidence);
      return (uN !== undefined && k >= uN) || (lN !== undefined && k < lN);
    };
    const N = within === p ? undefined : firstDecidingN(n, decides);
    moreJobsNeeded = N === undefined ? null : N - n;
  }
  const detail: VerdictDetail = { ...base, verdict, moreJobsNeeded };
  if (verdict === 'PASS' && isUpperLimit(op) && u !== undefined) return { ...detail, passMarginExceedance: passMarginFor(n, u) };
  return detail;
}

/** Jobs needed before a percentile bound can exist at all (the LoadGen-style minimum with zero exceedances). */
function jobsForFirstDecision(p: number, confidence: number): number {
  return Math.ceil(Math.log(1 - confidence) / Math.log(p));
}

/** Verdict for "rate op value" from k successes (or errors) out of n. */
export function rateVerdict(k: number, n: number, op: Comparison, value: number, confidence: number): VerdictDetail {
  const lower = n === 0 ? 0 : clopperPearsonLower(k, n, confidence);
  const upper = n === 0 ? 1 : clopperPearsonUpper(k, n, confidence);
  const base = { n, estimate: n ? k / n : Number.NaN, lower, upper, confidence, method: 'clopper-pearson' as const };
  const decide = (lo: number, hi: number): Verdict => {
    switch (op) {
      case '>=': return lo >= value ? 'PASS' : hi < value ? 'FAIL' : 'INCONCLUSIVE';
      case '>': return lo > value ? 'PASS' : hi <= value ? 'FAIL' : 'INCONCLUSIVE';
      case '<=': return hi <= value ? 'PASS' : lo > value ? 'FAIL' : 'INCONCLUSIVE';
      case '<': return hi < value ? 'PASS' : lo >= value ? 'FAIL' : 'INCONCLUSIVE';
    }
  };
  const verdict = decide(lower, upper);
  let moreJobsNeeded: number | null = null;
  if (verdict === 'INCONCLUSIVE') {
    const share = n === 0 ? undefined : k / n;
    const decides = (N: number): boolean => {
      const kN = Math.round((share ?? 0) * N);
      return decide(clopperPearsonLower(kN, N, confidence), clopperPearsonUpper(kN, N, confidence)) !== 'INCONCLUSIVE';
    };
    const N = share === undefined || share === value ? undefined : firstDecidingN(n, decides);
    moreJobsNeeded = N === undefined ? null : N - n;
  }
  return { ...base, verdict, moreJobsNeeded };
}

/** Verdict for "mean op value": normal approximation (CLT), the one verdict here that is not distribution-free. */
export function meanVerdict(values: readonly number[], op: Comparison, value: number, confidence: number): VerdictDetail {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / Math.max(1, n);
  const variance = n > 1 ? values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1) : Number.POSITIVE_INFINITY;
  return meanVerdictOf(n, mean, variance, op, value, confidence);
}

/**
 * The same verdict from a sample's count, sum and sum of squares (what results.json keeps of the jobs' costs in
 * histogram mode). A spread below 1e-12 of the mean is rounding, not spread: the same price on every job.
 */
export function meanVerdictFromMoments(n: number, sum: number, sumSq: number, op: Comparison, value: number, confidence: number): VerdictDetail {
  const mean = sum / Math.max(1, n);
  const raw = n > 1 ? (sumSq - (sum * sum) / n) / (n - 1) : Number.POSITIVE_INFINITY;
  const variance = raw < (mean * 1e-12) ** 2 ? 0 : raw;
  return meanVerdictOf(n, mean, variance, op, value, confidence);
}

function meanVerdictOf(n: number, mean: number, variance: number, op: Comparison, value: number, confidence: number): VerdictDetail {
  const z = normalQuantile(confidence);
  const half = z * Math.sqrt(variance / Math.max(1, n));
  const lower = n > 1 ? mean - half : Number.NEGATIVE_INFINITY;
  const upper = n > 1 ? mean + half : Number.POSITIVE_INFINITY;
  const pass = isUpperLimit(op) ? (op === '<' ? upper < value : upper <= value) : op === '>' ? lower > value : lower >= value;
  const fail = isUpperLimit(op) ? (op === '<' ? lower >= value : lower > value) : op === '>' ? upper <= value : upper < value;
  const verdict: Verdict = pass ? 'PASS' : fail ? 'FAIL' : 'INCONCLUSIVE';
  let moreJobsNeeded: number | null = null;
  if (verdict === 'INCONCLUSIVE' && n > 1 && mean !== value) {
    const needed = Math.ceil((z * Math.sqrt(variance) / Math.abs(mean - value)) ** 2);
    moreJobsNeeded = Math.max(1, needed - n);
  }
  return { verdict, n, estimate: n ? mean : Number.NaN, lower, upper, confidence, method: 'normal-approximation', moreJobsNeeded };
}
