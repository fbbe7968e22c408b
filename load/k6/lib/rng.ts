// Seeded randomness for load schedules. k6's Math.random cannot be seeded, and a schedule that changes from run to
// run cannot be compared or split across instances; so every random draw here is a pure function of (seed, index).
// Plain TypeScript with no k6 or Node imports: the same file runs in k6 and under node:test.

/** 32-bit integer hash of (seed, index): the "squirrel" noise construction (Squirrel Eiserloh, GDC 2017). */
export function hash32(seed: number, index: number): number {
  let n = Math.imul(index | 0, 0xb5297a4d);
  n = (n + (seed | 0)) | 0;
  n ^= n >>> 8;
  n = (n + 0x68e31da4) | 0;
  n ^= n << 8;
  n = Math.imul(n, 0x1b56c4e9);
  n ^= n >>> 8;
  return n >>> 0;
}

/** A uniform draw in [0, 1) that depends only on (seed, index). */
export function uniformAt(seed: number, index: number): number {
  return hash32(seed, index) / 4294967296;
}

/** mulberry32: a small, fast, seeded generator for sequences drawn in order. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Start offsets (ms from the scenario start) of a Poisson arrival process at `ratePerS` over `durationS`: gaps are
 * independent exponential draws, so the inter-arrival coefficient of variation is 1 (k6's arrival-rate executors
 * space starts evenly, CV 0 — anchors §3.1, grafana/k6-docs#974). The same seed gives the same schedule in every VU
 * and in every instance of a segmented run, which is what lets segments add up to the whole.
 */
export function poissonOffsetsMs(ratePerS: number, durationS: number, seed: number, limit = Number.POSITIVE_INFINITY): number[] {
  if (!(ratePerS > 0) || !(durationS > 0)) return [];
  const random = seededRandom(seed);
  const offsets: number[] = [];
  let t = 0;
  for (;;) {
    // 1 - u is in (0, 1], so the log is finite
    t += (-Math.log(1 - random()) / ratePerS) * 1000;
    if (t >= durationS * 1000 || offsets.length >= limit) return offsets;
    offsets.push(t);
  }
}

/** Coefficient of variation (sample standard deviation / mean) of the gaps between sorted instants. */
export function interArrivalCv(instantsMs: readonly number[]): { readonly gaps: number; readonly meanMs: number; readonly cv: number } {
  const sorted = [...instantsMs].sort((a, b) => a - b);
  const gaps: number[] = [];
  for (let i = 1; i < sorted.length; i++) gaps.push(sorted[i]! - sorted[i - 1]!);
  if (gaps.length < 2) return { gaps: gaps.length, meanMs: gaps[0] ?? 0, cv: Number.NaN };
  const mean = gaps.reduce((s, g) => s + g, 0) / gaps.length;
  const variance = gaps.reduce((s, g) => s + (g - mean) ** 2, 0) / (gaps.length - 1);
  return { gaps: gaps.length, meanMs: mean, cv: mean > 0 ? Math.sqrt(variance) / mean : Number.NaN };
}
