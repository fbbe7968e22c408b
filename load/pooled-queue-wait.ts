// Pooled queue-wait estimates. Alone, a job only knows that its start lies in an interval between two polls, and
// the interval's midpoint is its best guess (estimate.ts). The midpoint is unbiased only when the start is
// equally likely anywhere in the interval, and a queue's waits are not: their density falls as the wait grows, so
// more of an interval's probability sits near its early end. Summed over a run the midpoints overstate the mean
// wait by about f(0+) · E[h²] / 12, with f(0+) the density of waits just above zero and h the poll gaps — a
// boundary effect of polling from the submit onwards that no schedule of gaps removes (at 2 s service, 2 workers,
// ρ 0.7: +1.35 % of the mean for the SDK's 1 s loop, +0.64 % for adaptive polling; bench/load-polling-sim.bench.ts).
//
// Every job of one model, stage and polling strategy waited in the same queue, so together their intervals tell
// the shape of that density. We estimate it by EM for interval-censored data with a smoothing step (EMS:
// Silverman, Jones, Wilson & Nychka 1990, the smoothed form of Turnbull's 1976 self-consistency algorithm) on a
// grid of bins, and each job's estimate becomes its wait's expected value under that density, given its own
// interval: still inside the interval, so its bound still holds, and unbiased in the mean. Only jobs that a poll
// saw QUEUED take part; a job already running at its first poll has an interval of a few milliseconds.
// Run by load/run.ts on jobs.ndjson once the run is over (two streaming passes: the file is never held in memory).
import { createReadStream, createWriteStream, renameSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { JobRecord } from '../core/result-files.ts';
import { estimateQueueWait, type Interval } from './estimate.ts';

export interface PooledOptions {
  /** below this many intervals in a group the density is not estimated and midpoints stand */
  readonly minJobs: number;
  /** bin width as a fraction of the median interval width */
  readonly binFraction: number;
  readonly maxBins: number;
  readonly iterations: number;
  /** passes of the [¼ ½ ¼] kernel after each EM step */
  readonly smoothingPasses: number;
}

export const DEFAULT_POOLED_OPTIONS: PooledOptions = { minJobs: 20, binFraction: 1 / 8, maxBins: 400, iterations: 200, smoothingPasses: 3 };

interface Overlap {
  readonly bin: number;
  /** fraction of the bin inside the interval */
  readonly share: number;
  /** middle of the part of the bin inside the interval */
  readonly centreMs: number;
}

/**
 * Each interval's expected value under the smoothed density that all of them together imply. Intervals that are
 * empty or unbounded keep their midpoint (or their low end when unbounded). Fewer than `minJobs` usable intervals:
 * every midpoint stands.
 */
export function pooledConditionalMeans(intervals: readonly Interval[], options: PooledOptions = DEFAULT_POOLED_OPTIONS): number[] {
  const out = intervals.map((iv) => (Number.isFinite(iv.highMs) ? (iv.lowMs + iv.highMs) / 2 : iv.lowMs));
  const usable = intervals.map((iv, index) => ({ ...iv, index })).filter((iv) => Number.isFinite(iv.highMs) && iv.highMs > iv.lowMs);
  if (usable.length < options.minJobs) return out;
  const originMs = Math.min(...usable.map((iv) => iv.lowMs));
  const endMs = Math.max(...usable.map((iv) => iv.highMs));
  const widths = usable.map((iv) => iv.highMs - iv.lowMs).sort((a, b) => a - b);
  const medianWidth = widths[Math.floor(widths.length / 2)]!;
  const bins = Math.max(1, Math.min(options.maxBins, Math.ceil((endMs - originMs) / (medianWidth * options.binFraction))));
  const binMs = (endMs - originMs) / bins;
  const overlaps: Overlap[][] = usable.map(({ lowMs, highMs }) => {
    const row: Overlap[] = [];
    const first = Math.max(0, Math.floor((lowMs - originMs) / binMs));
    const last = Math.min(bins - 1, Math.floor((highMs - originMs) / binMs));
    for (let bin = first; bin <= last; bin++) {
      const from = Math.max(lowMs, originMs + bin * binMs);
      const to = Math.min(highMs, originMs + (bin + 1) * binMs);
      if (to > from) row.push({ bin, share: (to - from) / binMs, centreMs: (from + to) / 2 });
    }
    return row;
  });

  let density = new Float64Array(bins).fill(1 / bins);
  for (let iteration = 0; iteration < options.iterations; iteration++) {
    // E and M: each interval spreads one job over its bins in proportion to the current density there
    const next = new Float64Array(bins);
    for (const row of overlaps) {
      let mass = 0;
      for (const o of row) mass += density[o.bin]! * o.share;
      if (!(mass > 0)) continue;
      for (const o of row) next[o.bin]! += (density[o.bin]! * o.share) / mass / overlaps.length;
    }
    // S: smooth, keeping the mass inside the grid
    density = next;
    for (let pass = 0; pass < options.smoothingPasses; pass++) {
      const smoothed = new Float64Array(bins);
      for (let bin = 0; bin < bins; bin++) {
        smoothed[bin] = 0.25 * density[Math.max(0, bin - 1)]! + 0.5 * density[bin]! + 0.25 * density[Math.min(bins - 1, bin + 1)]!;
      }
      density = smoothed;
    }
  }

  usable.forEach(({ index }, k) => {
    let weighted = 0;
    let mass = 0;
    for (const o of overlaps[k]!) {
      weighted += density[o.bin]! * o.share * o.centreMs;
      mass += density[o.bin]! * o.share;
    }
    if (mass > 0) out[index] = weighted / mass;
  });
  return out;
}

interface Pooling {
  readonly key: string;
  readonly look: Interval;
  readonly bounds: Interval;
}

/** The job's group and intervals when it takes part in pooling: a v2 job that a poll saw QUEUED, with its send times. */
function poolingOf(job: JobRecord): Pooling | undefined {
  if (job.api !== 'v2' || job.queue_wait_est_ms === null || job.observations.length === 0) return undefined;
  if (!job.observations.every((o) => typeof o.sent_ms === 'number')) return undefined; // written before sent_ms existed
  if (job.observations[0]!.status !== 'QUEUED') return undefined; // already running at the first poll
  const estimate = estimateQueueWait(
    job.submit_at_ms,
    job.observations.map((o) => ({ status: o.status, sent_ms: o.sent_ms!, at_ms: o.at_ms, code: o.code })),
    job.server.inference_time_s,
  );
  if (!estimate?.lookInterval) return undefined;
  return { key: `${job.model}\u0000${job.api}\u0000${job.stage}\u0000${job.poll_strategy}`, look: estimate.lookInterval, bounds: estimate.interval };
}

/** For every pooled job (by its position in the run), the new estimate; groups below `minJobs` are left out. */
function pooledEstimates(entries: Iterable<{ index: number; pooling: Pooling }>, options: PooledOptions): Map<number, number> {
  const groups = new Map<string, { index: number; look: Interval; bounds: Interval }[]>();
  for (const { index, pooling } of entries) {
    const group = groups.get(pooling.key) ?? [];
    group.push({ index, look: pooling.look, bounds: pooling.bounds });
    groups.set(pooling.key, group);
  }
  const out = new Map<number, number>();
  for (const group of groups.values()) {
    if (group.length < options.minJobs) continue;
    const means = pooledConditionalMeans(
      group.map((g) => g.look),
      options,
    );
    group.forEach(({ index, bounds }, k) => out.set(index, Math.min(Math.max(means[k]!, bounds.lowMs), bounds.highMs)));
  }
  return out;
}

function withPooledEstimate(job: JobRecord, estimateMs: number, bounds: Interval): JobRecord {
  return {
    ...job,
    queue_wait_mid_ms: job.queue_wait_est_ms,
    queue_wait_est_ms: round1(estimateMs),
    queue_wait_bound_ms: round1(Math.max(estimateMs - bounds.lowMs, bounds.highMs - estimateMs)),
  };
}

/**
 * The run's jobs with pooled queue-wait estimates: grouped by model, api, stage and polling strategy (each strategy
 * judged on its own observations); in each group the jobs that a poll saw QUEUED get their conditional mean, the
 * per-job midpoint moves to `queue_wait_mid_ms`, and the bound is re-measured from the new estimate to the ends of the
 * job's interval. Jobs without a usable interval, and groups too small to estimate a density, are unchanged.
 */
export function poolQueueWaits(jobs: readonly JobRecord[], options: PooledOptions = DEFAULT_POOLED_OPTIONS): JobRecord[] {
  const poolings = jobs.map(poolingOf);
  const estimates = pooledEstimates(
    poolings.flatMap((pooling, index) => (pooling ? [{ index, pooling }] : [])),
    options,
  );
  return jobs.map((job, index) => {
    const estimate = estimates.get(index);
    return estimate === undefined ? job : withPooledEstimate(job, estimate, poolings[index]!.bounds);
  });
}

/**
 * The same, on a jobs.ndjson file in place: one pass collects the intervals (a few numbers per job), a second rewrites
 * the file line by line, so a run of any length is pooled without holding its jobs in memory.
 */
export async function poolQueueWaitsInFile(path: string, options: PooledOptions = DEFAULT_POOLED_OPTIONS): Promise<void> {
  const entries: { index: number; pooling: Pooling }[] = [];
  let index = 0;
  for await (const line of createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    const pooling = poolingOf(JSON.parse(line) as JobRecord);
    if (pooling) entries.push({ index, pooling });
    index++;
  }
  const estimates = pooledEstimates(entries, options);
  if (estimates.size === 0) return;
  const bounds = new Map(entries.map((e) => [e.index, e.pooling.bounds]));
  const tmp = `${path}.pooling`;
  const out = createWriteStream(tmp, 'utf8');
  index = 0;
  for await (const line of createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    const estimate = estimates.get(index);
    const text = estimate === undefined ? line : JSON.stringify(withPooledEstimate(JSON.parse(line) as JobRecord, estimate, bounds.get(index)!));
    if (!out.write(text + '\n')) await once(out, 'drain');
    index++;
  }
  out.end();
  await once(out, 'finish');
  renameSync(tmp, path);
}

const round1 = (x: number): number => Math.round(x * 10) / 10;
