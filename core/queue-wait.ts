// Queue-wait figures: one estimator in one place, so the load console and the report can never print two p95s for
// the same run (issue 13). Each job's wait is its pooled estimate (JobRecord.queue_wait_est_ms: the conditional
// mean given the job's poll interval, load/pooled-queue-wait.ts — not a per-job midpoint), and a percentile is the
// sample quantile x(⌈np⌉), the point estimate the report's distribution-free intervals are built around. The report
// (reports/build-results.ts, reports/stats/order-statistics.ts) and the load engine (load/summarize.ts, whose figures
// its console prints) both call these.
import { formatMs } from './format.ts';
import type { JobRecord } from './result-files.ts';

/** The 1-based rank of the sample p-quantile among n sorted values: ⌈np⌉, clamped to 1..n. */
export function quantileRank(n: number, p: number): number {
  return Math.min(n, Math.max(1, Math.ceil(p * n)));
}

/** x(⌈np⌉) of values sorted ascending; NaN when there are none. */
export function sampleQuantileOfSorted(sorted: ArrayLike<number>, p: number): number {
  return sorted.length ? sorted[quantileRank(sorted.length, p) - 1]! : Number.NaN;
}

/** A job's queue wait as every output reports it: the estimate the load stage settled on, or null (v1, no poll). */
export function queueWaitEstimateMs(job: Pick<JobRecord, 'queue_wait_est_ms'>): number | null {
  const v = job.queue_wait_est_ms;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

export interface QueueWaitFigures {
  readonly model: string;
  readonly api: 'v1' | 'v2';
  readonly n: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
}

/** Folds jobs one at a time (the load engine streams jobs.ndjson), keeping only each group's waits. */
export class QueueWaitTally {
  readonly #groups = new Map<string, { model: string; api: 'v1' | 'v2'; values: number[] }>();

  add(job: Pick<JobRecord, 'model' | 'api' | 'queue_wait_est_ms'>): void {
    const wait = queueWaitEstimateMs(job);
    if (wait === null) return;
    const key = `${job.model}\u0000${job.api}`;
    const group = this.#groups.get(key) ?? { model: job.model, api: job.api, values: [] };
    group.values.push(wait);
    this.#groups.set(key, group);
  }

  figures(): QueueWaitFigures[] {
    return [...this.#groups.values()]
      .sort((a, b) => `${a.model}${a.api}`.localeCompare(`${b.model}${b.api}`))
      .map(({ model, api, values }) => {
        const sorted = Float64Array.from(values).sort();
        return { model, api, n: sorted.length, p50: sampleQuantileOfSorted(sorted, 0.5), p95: sampleQuantileOfSorted(sorted, 0.95), p99: sampleQuantileOfSorted(sorted, 0.99) };
      });
  }
}

/** p50 / p95 / p99 of the queue wait per model and API version, for every group with at least one estimate. */
export function queueWaitFigures(jobs: readonly Pick<JobRecord, 'model' | 'api' | 'queue_wait_est_ms'>[]): QueueWaitFigures[] {
  const tally = new QueueWaitTally();
  for (const job of jobs) tally.add(job);
  return tally.figures();
}

/** One console line per group, worded and rounded as the report words and rounds them. */
export function formatQueueWaitFigures(figures: readonly QueueWaitFigures[]): string[] {
  return figures.map((f) => `queue wait ${f.model} ${f.api}: p50 ${formatMs(f.p50)}, p95 ${formatMs(f.p95)}, p99 ${formatMs(f.p99)} (n = ${f.n})`);
}
