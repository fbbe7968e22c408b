// Per-region rows of a merged test. One test measured from several places at once (`infercheck load --label
// region=eu-west` on each instance) is merged like any split test — exactly, over the concatenated jobs — and then
// broken down by the folders' region label, so the latency and queue wait users in Frankfurt and in Virginia see
// stand side by side. The region is the folder's, not the job's: each job, histogram and count of a folder is tagged
// with it before the folders are concatenated, so every scoped statistic (samples.ts inScope) can select one region.
import { REGION_LABEL } from '../core/run-labels.ts';
import { orderedSample, type Scope } from './samples.ts';
import type { RegionRow, Results } from './results-types.ts';
import { sampleQuantile } from './stats/order-statistics.ts';
import type { LatencyMetric } from '../core/objectives.ts';

type Load = NonNullable<Results['load']>;

/** The metrics a region row shows: what a user in that region waits for. */
const REGION_METRICS: readonly LatencyMetric[] = ['e2e_ms', 'queue_wait_ms', 'processing_ms', 'server_inference_time_ms'];

export function regionOf(load: Load): string | undefined {
  return load.labels?.[REGION_LABEL];
}

/** True when the folders name more than one region: only then is a breakdown by region more than the whole. */
export function spansRegions(loads: readonly Load[]): boolean {
  return new Set(loads.map(regionOf)).size > 1;
}

/** The folder's region on each of its jobs, histograms and counts (a folder without one is "unlabelled"). */
export function tagRegion(load: Load): Load {
  const region = regionOf(load) ?? 'unlabelled';
  return {
    ...load,
    jobs: load.jobs.map((j) => ({ ...j, region })),
    histograms: load.histograms.map((h) => ({ ...h, region })),
    counts: load.counts.map((c) => ({ ...c, region })),
  };
}

/** The label pairs every folder carries alike: what the merged test as a whole can still say about itself. */
export function sharedLabels(loads: readonly Load[]): Readonly<Record<string, string>> | null {
  const [first, ...rest] = loads.map((l) => l.labels ?? {});
  if (!first) return null;
  const shared = Object.fromEntries(Object.entries(first).filter(([k, v]) => rest.every((other) => other[k] === v)));
  return Object.keys(shared).length ? shared : null;
}

/**
 * One row per region, model and API of a merged load whose jobs carry their region (tagRegion): jobs and completed
 * jobs from the counts (kept in both sample modes), p50/p95/p99 from the region's own jobs or added histograms —
 * the same order statistic x(⌈np⌉) the report uses everywhere, so the rows of one region equal that region's run alone.
 */
export function regionRows(load: Load, segmentsByRegion: ReadonlyMap<string, readonly string[]>): RegionRow[] {
  const rows: RegionRow[] = [];
  const keys = new Map<string, { region: string; model: string; api: 'v1' | 'v2' }>();
  for (const c of load.counts) if (c.region !== undefined) keys.set(`${c.region}\u0000${c.model}\u0000${c.api}`, { region: c.region, model: c.model, api: c.api });
  for (const { region, model, api } of [...keys.values()].sort((a, b) => a.region.localeCompare(b.region) || a.model.localeCompare(b.model) || a.api.localeCompare(b.api))) {
    const scope: Scope = { region, model, api };
    const counts = load.counts.filter((c) => c.region === region && c.model === model && c.api === api);
    const metrics = REGION_METRICS.map((metric) => {
      const sample = orderedSample(load, metric, scope);
      const q = (p: number): number | null => (sample.n ? sampleQuantile(sample, p) : null);
      return { metric, n: sample.n, p50: q(0.5), p95: q(0.95), p99: q(0.99) };
    }).filter((m) => m.n > 0);
    rows.push({
      region,
      segments: [...(segmentsByRegion.get(region) ?? [])].sort(),
      model,
      api,
      jobs: counts.reduce((s, c) => s + c.jobs, 0),
      completed: counts.reduce((s, c) => s + c.completed, 0),
      metrics,
    });
  }
  return rows;
}
