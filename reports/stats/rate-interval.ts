// Confidence bounds for a rate (success rate, error rate) from k successes in n trials.
// Clopper–Pearson ("exact") bounds carry the verdicts because their coverage is never below the stated level;
// Wilson's score interval is shown beside them as the tighter, near-nominal estimate users know.
import { betaQuantile, normalQuantile } from './jstat.ts';

/** One-sided Clopper–Pearson lower bound: P(true rate ≥ bound) ≥ confidence. */
export function clopperPearsonLower(k: number, n: number, confidence: number): number {
  if (k <= 0) return 0;
  return betaQuantile(1 - confidence, k, n - k + 1);
}

/** One-sided Clopper–Pearson upper bound: P(true rate ≤ bound) ≥ confidence. */
export function clopperPearsonUpper(k: number, n: number, confidence: number): number {
  if (k >= n) return 1;
  return betaQuantile(confidence, k + 1, n - k);
}

export interface RateInterval {
  readonly k: number;
  readonly n: number;
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
}

/** Two-sided Clopper–Pearson interval. */
export function clopperPearson(k: number, n: number, confidence: number): RateInterval {
  const oneSided = (1 + confidence) / 2;
  return { k, n, estimate: n === 0 ? Number.NaN : k / n, lower: clopperPearsonLower(k, n, oneSided), upper: clopperPearsonUpper(k, n, oneSided) };
}

/** Two-sided Wilson score interval. */
export function wilson(k: number, n: number, confidence: number): RateInterval {
  const z = normalQuantile((1 + confidence) / 2);
  const phat = k / n;
  const denom = 1 + (z * z) / n;
  const centre = (phat + (z * z) / (2 * n)) / denom;
  const half = (z * Math.sqrt((phat * (1 - phat)) / n + (z * z) / (4 * n * n))) / denom;
  return { k, n, estimate: phat, lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
}
