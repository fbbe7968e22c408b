// Distribution-free two-sample comparisons for the regression gate: Mann–Whitney U for "did it change at all" and
// a seeded percentile bootstrap for the ratio of medians, the effect size users read ("12 % slower, 95 % CI 6–19 %").
// benchstat uses the same pair (median + Mann–Whitney; anchors §5) because latencies are not normal.
import { normalCdf } from './jstat.ts';
import type { Rng } from '../../core/rng.ts';

export function median(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const mid = n >> 1;
  return n % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface MannWhitney {
  readonly u: number;
  /** Two-sided p-value, normal approximation with tie and continuity corrections (fine for n ≥ 8 per side). */
  readonly pValue: number;
  /** P(current > baseline) + ½ P(equal): 0.5 means no shift (the common-language effect size). */
  readonly probabilityOfSuperiority: number;
}

/** Mann–Whitney U of `b` against `a`; both sorted ascending. */
export function mannWhitney(a: Float64Array, b: Float64Array): MannWhitney {
  const n1 = a.length;
  const n2 = b.length;
  // merge the two sorted samples, giving tied runs their mean rank
  let i = 0;
  let j = 0;
  let rank = 1;
  let rankSumB = 0;
  let tieTerm = 0;
  while (i < n1 || j < n2) {
    const v = j >= n2 || (i < n1 && a[i]! <= b[j]!) ? a[i]! : b[j]!;
    let countA = 0;
    let countB = 0;
    while (i < n1 && a[i] === v) { countA++; i++; }
    while (j < n2 && b[j] === v) { countB++; j++; }
    const t = countA + countB;
    const meanRank = rank + (t - 1) / 2;
    rankSumB += countB * meanRank;
    tieTerm += t * t * t - t;
    rank += t;
  }
  const u = rankSumB - (n2 * (n2 + 1)) / 2;
  const mu = (n1 * n2) / 2;
  const n = n1 + n2;
  const sigma = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
  const z = sigma === 0 ? 0 : (Math.abs(u - mu) - 0.5) / sigma;
  return { u, pValue: Math.min(1, 2 * (1 - normalCdf(Math.max(0, z)))), probabilityOfSuperiority: u / (n1 * n2) };
}

function resampledMedian(sorted: Float64Array, rng: Rng, scratch: Float64Array): number {
  const n = sorted.length;
  // Drawing indices and sorting them is the same as drawing values from the sorted sample and sorting those.
  for (let k = 0; k < n; k++) scratch[k] = Math.floor(rng.next() * n);
  scratch.sort();
  return median(scratch.map((index) => sorted[index]!));
}

export interface RatioInterval {
  readonly ratio: number;
  readonly lower: number;
  readonly upper: number;
}

/** Percentile-bootstrap interval for median(b) / median(a). Seeded: same inputs, same interval. */
export function bootstrapMedianRatio(a: Float64Array, b: Float64Array, rng: Rng, confidence = 0.95, resamples = 1000): RatioInterval {
  const ratio = median(b) / median(a);
  const scratchA = new Float64Array(a.length);
  const scratchB = new Float64Array(b.length);
  const ratios = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) ratios[r] = resampledMedian(b, rng, scratchB) / resampledMedian(a, rng, scratchA);
  ratios.sort();
  const tail = (1 - confidence) / 2;
  return {
    ratio,
    lower: ratios[Math.max(0, Math.floor(tail * resamples))]!,
    upper: ratios[Math.min(resamples - 1, Math.ceil((1 - tail) * resamples) - 1)]!,
  };
}
