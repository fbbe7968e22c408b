// Distributions with known quantiles: the ground truth that calibration simulations compare intervals against.
import { normalCdf, normalQuantile } from './jstat.ts';
import { exponential, lognormal, type KnownDistribution, type Rng } from '../../core/rng.ts';
import { parseServiceTime as parseServiceTimeSpec, type ServiceTimeSpec } from '../../core/service-time.ts';

export function lognormalDistribution(median: number, sigma: number): KnownDistribution {
  return {
    name: `lognormal(median ${median}, σ ${sigma})`,
    sample: (rng) => lognormal(rng, median, sigma),
    quantile: (p) => median * Math.exp(sigma * normalQuantile(p)),
    mean: median * Math.exp((sigma * sigma) / 2),
    scv: Math.exp(sigma * sigma) - 1,
  };
}

export function exponentialDistribution(mean: number): KnownDistribution {
  return {
    name: `exponential(mean ${mean})`,
    sample: (rng) => exponential(rng, mean),
    quantile: (p) => -Math.log(1 - p) * mean,
    mean,
    scv: 1,
  };
}

export function fixedDistribution(value: number): KnownDistribution {
  return { name: `fixed(${value})`, sample: () => value, quantile: () => value, mean: value, scv: 0 };
}

/**
 * A two-mode mixture of lognormals — e.g. warm jobs and cold starts, the shape that breaks normal-theory intervals.
 * Its quantile has no closed form, so it is found by bisection on the mixture's CDF.
 */
export function bimodalDistribution(weightSlow: number, fast: { median: number; sigma: number }, slow: { median: number; sigma: number }): KnownDistribution {
  const cdf = (x: number): number => {
    if (x <= 0) return 0;
    const f = normalCdf(Math.log(x / fast.median) / fast.sigma);
    const s = normalCdf(Math.log(x / slow.median) / slow.sigma);
    return (1 - weightSlow) * f + weightSlow * s;
  };
  const moment = (m: { median: number; sigma: number }, k: number): number => m.median ** k * Math.exp((k * k * m.sigma * m.sigma) / 2);
  const mean = (1 - weightSlow) * moment(fast, 1) + weightSlow * moment(slow, 1);
  const second = (1 - weightSlow) * moment(fast, 2) + weightSlow * moment(slow, 2);
  return {
    name: `bimodal(${Math.round((1 - weightSlow) * 100)}% ~${fast.median}, ${Math.round(weightSlow * 100)}% ~${slow.median})`,
    sample: (rng: Rng) => (rng.next() < weightSlow ? lognormal(rng, slow.median, slow.sigma) : lognormal(rng, fast.median, fast.sigma)),
    quantile: (p) => {
      let lo = 0;
      let hi = Math.max(fast.median, slow.median) * Math.exp(10 * Math.max(fast.sigma, slow.sigma));
      for (let i = 0; i < 200 && hi - lo > 1e-9 * hi; i++) {
        const mid = (lo + hi) / 2;
        if (cdf(mid) < p) lo = mid;
        else hi = mid;
      }
      return (lo + hi) / 2;
    },
    mean,
    scv: second / (mean * mean) - 1,
  };
}

/** The distribution a mock `--service-time` spec draws from (core/service-time.ts); undefined when it does not parse. */
export function parseServiceTime(text: string): KnownDistribution | undefined {
  let spec: ServiceTimeSpec;
  try {
    spec = parseServiceTimeSpec(text);
  } catch {
    return undefined;
  }
  if (spec.kind === 'fixed') return fixedDistribution(spec.ms);
  if (spec.kind === 'exp') return exponentialDistribution(spec.meanMs);
  return lognormalDistribution(spec.medianMs, spec.sigma);
}
