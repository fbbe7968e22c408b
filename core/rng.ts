// Seeded random numbers: the mock's latencies, ids and seeds, and every simulation, bootstrap and fixture of the
// statistics. Nothing in infercheck calls Math.random, so a seed replays a mock run and reproduces a figure exactly.

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

/** Integer in [0, 2^32). */
export function uint32(rng: Rng): number {
  return Math.floor(rng.next() * 4294967296);
}

/** A UUIDv4-shaped id drawn from the RNG, so ids replay with the seed (reference §2.1: request_id is a UUIDv4). */
export function uuidV4(rng: Rng): string {
  const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');
  const a = uint32(rng);
  const b = uint32(rng);
  const c = uint32(rng);
  const d = uint32(rng);
  const timeMid = (b >>> 16) & 0xffff;
  const timeHiAndVersion = ((b & 0x0fff) | 0x4000) >>> 0;
  const clockSeq = (((c >>> 16) & 0x3fff) | 0x8000) >>> 0;
  const nodeHi = c & 0xffff;
  return `${hex(a, 8)}-${hex(timeMid, 4)}-${hex(timeHiAndVersion, 4)}-${hex(clockSeq, 4)}-${hex(nodeHi, 4)}${hex(d, 8)}`;
}
