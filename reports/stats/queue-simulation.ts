// A small discrete-event simulation of an FCFS G/G/c queue: the ground truth for testing capacity fits, and the
// engine of the synthetic sweep fixtures. Seeded; the same seed gives the same jobs.
import { exponential, type KnownDistribution, type Rng } from '../../core/rng.ts';

export interface SimulatedJob {
  readonly arrivalMs: number;
  readonly startMs: number;
  readonly endMs: number;
  readonly worker: number;
}

export interface SimulationInput {
  readonly workers: number;
  readonly service: KnownDistribution;
  readonly ratePerS: number;
  readonly durationMs: number;
  /** 'poisson' (M/G/c) or 'even' (evenly spaced starts, as constant-arrival-rate load tools make them, anchors §3.1). */
  readonly arrivals: 'poisson' | 'even';
  readonly startMs?: number;
  /** Worker free times carried over from an earlier stage (a sweep runs its stages back to back). */
  readonly freeAtMs?: readonly number[];
}

export function simulateQueue(input: SimulationInput, rng: Rng): { jobs: SimulatedJob[]; freeAtMs: number[] } {
  const start = input.startMs ?? 0;
  const freeAt = input.freeAtMs ? [...input.freeAtMs] : new Array<number>(input.workers).fill(start);
  const meanGapMs = 1000 / input.ratePerS;
  const jobs: SimulatedJob[] = [];
  let t = start + (input.arrivals === 'poisson' ? exponential(rng, meanGapMs) : 0);
  while (t < start + input.durationMs) {
    // FCFS with identical workers: each arrival takes the worker that frees first.
    let worker = 0;
    for (let w = 1; w < freeAt.length; w++) if (freeAt[w]! < freeAt[worker]!) worker = w;
    const begin = Math.max(t, freeAt[worker]!);
    const end = begin + input.service.sample(rng);
    freeAt[worker] = end;
    jobs.push({ arrivalMs: t, startMs: begin, endMs: end, worker });
    t += input.arrivals === 'poisson' ? exponential(rng, meanGapMs) : meanGapMs;
  }
  return { jobs, freeAtMs: freeAt };
}
