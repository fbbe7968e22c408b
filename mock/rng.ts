// A seeded pseudo-random source. The core never calls Math.random: the same seed and the same requests give the
// same timings, ids and images, so a run can be replayed and tests are exact.

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
}

/** sfc32 seeded through splitmix32: small, fast, and good enough for simulation (not for secrets). */
export function seededRng(seed: number): Rng {
  let state = (Math.floor(seed) >>> 0) ^ 0x9e3779b9;
  const split = (): number => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  const rng: Rng = {
    next(): number {
      const t = (((a + b) >>> 0) + d) >>> 0;
      d = (d + 1) >>> 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) >>> 0;
      c = ((c << 21) | (c >>> 11)) >>> 0;
      c = (c + t) >>> 0;
      return t / 4294967296;
    },
  };
  for (let i = 0; i < 12; i++) rng.next(); // discard the first outputs: sfc32 mixes slowly from related seeds
  return rng;
}

/** Exponential with the given mean (inverse transform). */
export function exponential(rng: Rng, mean: number): number {
  return -mean * Math.log(1 - rng.next());
}

/** Standard normal (Box–Muller; one of the pair is dropped to keep the stream simple to reason about). */
export function standardNormal(rng: Rng): number {
  const u = 1 - rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Log-normal given its median and the sigma of the underlying normal. */
export function logNormal(rng: Rng, median: number, sigma: number): number {
  return median * Math.exp(sigma * standardNormal(rng));
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
