// A typed door to the few jstat functions we use (jstat ships no types). Distribution functions come from jstat
// rather than being written again here.
import jstatPackage from 'jstat';

interface JStat {
  ibeta(x: number, a: number, b: number): number;
  beta: { inv(p: number, a: number, b: number): number };
  normal: { inv(p: number, mean: number, sd: number): number; cdf(x: number, mean: number, sd: number): number };
}

const { jStat } = jstatPackage as unknown as { jStat: JStat };

/** P(B ≤ k) for B ~ Binomial(n, p), through the regularized incomplete beta (exact, fast for large n). */
export function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  if (p <= 0) return 1;
  if (p >= 1) return 0;
  return jStat.ibeta(1 - p, n - k, k + 1);
}

export function betaQuantile(p: number, a: number, b: number): number {
  return jStat.beta.inv(p, a, b);
}

export function normalQuantile(p: number): number {
  return jStat.normal.inv(p, 0, 1);
}

export function normalCdf(x: number): number {
  return jStat.normal.cdf(x, 0, 1);
}
