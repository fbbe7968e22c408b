// Seeded random numbers for simulations, bootstrap resampling and fixtures. Every simulation in the test run is
// seeded so its figures are reproducible; Math.random is never used.

export interface Rng {
  /** Uniform on [0, 1). */
  next(): number;
}

/** mulberry32: a small, fast 32-bit generator, good enough for simulation (not for cryptography). */
export function seededRng(seed: number): Rng {
  let state = seed >>> 0;
  return {
    next() {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

export function standardNormal(rng: Rng): number {
  // Box–Muller; 1 - u keeps the logarithm finite.
  const u = 1 - rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

export function exponential(rng: Rng, mean: number): number {
  return -Math.log(1 - rng.next()) * mean;
}

export function lognormal(rng: Rng, median: number, sigma: number): number {
  return median * Math.exp(sigma * standardNormal(rng));
}

/** A distribution we can both sample and know the true quantiles of: the ground truth of the calibration runs. */
export interface KnownDistribution {
  readonly name: string;
  sample(rng: Rng): number;
  quantile(p: number): number;
  readonly mean: number;
  /** Squared coefficient of variation, Var/mean² (the c_s² of queueing formulas). */
  readonly scv: number;
}
