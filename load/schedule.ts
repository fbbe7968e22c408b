// Seeded arrival schedules. A schedule that changes from run to run cannot be compared or split across instances, so
// every random draw here is a pure function of (seed, index), and the whole schedule of a run is computed before the
// first request leaves: each job then starts at its own instant whatever else is in flight (no coordinated omission).
import { seededRng } from '../core/rng.ts';
import type { Segment } from '../core/segment.ts';

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

/** A seeded generator for sequences drawn in order (core/rng.ts mulberry32). */
export function seededRandom(seed: number): () => number {
  const rng = seededRng(seed);
  return () => rng.next();
}

export type ArrivalProcess = 'poisson' | 'even';

/**
 * Start offsets (ms from the stage start) of an arrival process whose rate goes linearly from `ratePerS` to
 * `rateToPerS` (the same for a constant rate) over `durationS`.
 * - poisson: a (non-homogeneous) Poisson process by time rescaling — unit-rate exponential gaps on the cumulative
 *   intensity Λ(t), mapped back through Λ⁻¹ — so at a constant rate the gaps are independent exponentials (CV 1).
 * - even: the n-th arrival where Λ(t) = n − ½ (evenly spaced at a constant rate, CV 0).
 */
export function arrivalOffsetsMs(process: ArrivalProcess, ratePerS: number, durationS: number, seed: number, rateToPerS = ratePerS): number[] {
  if (!(ratePerS >= 0) || !(rateToPerS >= 0) || !(durationS > 0) || ratePerS + rateToPerS <= 0) return [];
  const slope = (rateToPerS - ratePerS) / durationS; // per s²
  const total = ((ratePerS + rateToPerS) / 2) * durationS; // Λ(duration)
  // Λ(t) = r0 t + slope t² / 2  →  t = Λ⁻¹(x)
  const inverse = (x: number): number => (Math.abs(slope) < 1e-12 ? x / ratePerS : (-ratePerS + Math.sqrt(ratePerS * ratePerS + 2 * slope * x)) / slope);
  const offsets: number[] = [];
  if (process === 'even') {
    for (let n = 1; n - 0.5 < total; n++) offsets.push(inverse(n - 0.5) * 1000);
    return offsets;
  }
  const random = seededRandom(seed);
  let x = 0;
  for (;;) {
    x += -Math.log(1 - random()); // 1 - u is in (0, 1], so the log is finite
    if (x >= total) return offsets;
    offsets.push(inverse(x) * 1000);
  }
}

/** Poisson offsets at a constant rate (kept for the simulations and tests that draw one stage). */
export function poissonOffsetsMs(ratePerS: number, durationS: number, seed: number, limit = Number.POSITIVE_INFINITY): number[] {
  const offsets = arrivalOffsetsMs('poisson', ratePerS, durationS, seed);
  return Number.isFinite(limit) ? offsets.slice(0, limit) : offsets;
}

export { parseSegment, type Segment } from '../core/segment.ts';

const SEGMENT_SALT = 0x7f4a7c15;

/**
 * Whether job `jobIndex` belongs to `segment`: a seeded coin per job, the same in every instance. Random thinning of
 * a Poisson process gives Poisson processes, so each instance's stream stays Poisson and the union of the segments
 * is exactly the whole schedule (each job lands in one segment).
 */
export function inSegment(segment: Segment | undefined, seed: number, jobIndex: number): boolean {
  if (!segment || segment.count === 1) return true;
  return Math.floor(uniformAt(seed ^ SEGMENT_SALT, jobIndex) * segment.count) === segment.index;
}

/** Coefficient of variation (sample standard deviation / mean) of the gaps between sorted instants. */
export function interArrivalCv(instantsMs: readonly number[]): { readonly gaps: number; readonly meanMs: number; readonly cv: number } {
  const gaps = gapsOf(instantsMs);
  if (gaps.length < 2) return { gaps: gaps.length, meanMs: gaps[0] ?? 0, cv: Number.NaN };
  const mean = gaps.reduce((s, g) => s + g, 0) / gaps.length;
  const variance = gaps.reduce((s, g) => s + (g - mean) ** 2, 0) / (gaps.length - 1);
  return { gaps: gaps.length, meanMs: mean, cv: mean > 0 ? Math.sqrt(variance) / mean : Number.NaN };
}

function gapsOf(instantsMs: readonly number[]): number[] {
  const sorted = [...instantsMs].sort((a, b) => a - b);
  const gaps: number[] = [];
  for (let i = 1; i < sorted.length; i++) gaps.push(sorted[i]! - sorted[i - 1]!);
  return gaps;
}

/**
 * Kolmogorov–Smirnov distance between the inter-arrival gaps and the exponential distribution of the same mean: 0 for
 * a perfect Poisson process (in the limit), large for evenly spaced or bunched starts. Ties (gaps of equal length,
 * e.g. a clock with 1 ms resolution) are compared at the top of their step.
 */
export function ksDistanceToExponential(instantsMs: readonly number[]): number {
  const gaps = gapsOf(instantsMs).sort((a, b) => a - b);
  const n = gaps.length;
  if (n < 2) return Number.NaN;
  const mean = gaps.reduce((s, g) => s + g, 0) / n;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = 1 - Math.exp(-gaps[i]! / mean);
    let j = i;
    while (j + 1 < n && gaps[j + 1] === gaps[i]) j++;
    d = Math.max(d, Math.abs((j + 1) / n - f), Math.abs(f - i / n));
    i = j;
  }
  return d;
}
