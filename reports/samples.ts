// Where the numbers come from: per-group value lists from raw job rows, or HDR histograms for runs too large to keep
// every job. Both give an OrderedSample, so every statistic works on either.
//
// Why raw by default: order-statistic intervals and Mann–Whitney need ranks, and raw samples give them exactly; a
// run of 100 000 jobs is ~50 MB of JSON (bench/reports-pipeline.bench.ts). Past that, keeping every job is what makes load tools that hold
// every sample run out of memory (k6 does: grafana/k6#763, #4670; anchors §3.1), so results.json keeps per-group HDR histograms instead: ranks are then
// exact and values within 0.1 % (3 significant digits), and histograms from several runs or load instances merge
// exactly (anchors §7 item 9), which k6 open source, for comparison, will not do.
import * as hdr from 'hdr-histogram-js';
import type { LatencyMetric } from '../core/objectives.ts';
import type { OrderedSample } from './stats/order-statistics.ts';
import { sortedSample } from './stats/order-statistics.ts';
import type { HistogramRecord, JobRow } from './results-types.ts';

export const RAW_SAMPLE_LIMIT = 100_000;

export const METRIC_COLUMNS: Readonly<Record<LatencyMetric, keyof JobRow>> = {
  submit_latency_ms: 'submit_latency_ms',
  queue_wait_ms: 'queue_wait_ms',
  processing_ms: 'processing_ms',
  e2e_ms: 'e2e_ms',
  result_fetch_ms: 'result_fetch_ms',
  server_queue_time_ms: 'server_queue_time_ms',
  server_inference_time_ms: 'server_inference_time_ms',
  server_total_time_ms: 'server_total_time_ms',
};

export interface Scope {
  readonly model?: string;
  readonly api?: 'v1' | 'v2';
  readonly stage?: string;
  /** a merge of several regions: only the jobs of this one */
  readonly region?: string;
}

export function inScope(row: { model: string; api: string; stage: string; region?: string }, scope: Scope): boolean {
  return (!scope.model || row.model === scope.model) && (!scope.api || row.api === scope.api) && (!scope.stage || row.stage === scope.stage) && (!scope.region || row.region === scope.region);
}

/** Values of one metric for the jobs in scope (completed jobs only for latencies). */
export function metricValues(jobs: readonly JobRow[], metric: LatencyMetric, scope: Scope = {}): number[] {
  const column = METRIC_COLUMNS[metric];
  const out: number[] = [];
  for (const job of jobs) {
    if (!inScope(job, scope)) continue;
    const v = job[column];
    if (typeof v === 'number' && Number.isFinite(v)) out.push(v);
  }
  return out;
}

export function encodeHistogram(valuesMs: readonly number[]): string {
  const histogram = hdr.build({ numberOfSignificantValueDigits: 3, useWebAssembly: false });
  for (const v of valuesMs) histogram.recordValue(Math.max(0, Math.round(v * 1000)));
  const encoded = hdr.encodeIntoCompressedBase64(histogram);
  histogram.destroy();
  return encoded;
}

/** Merges histograms in scope (exactly: HDR counts add) and reads it as an OrderedSample in ms. */
export function histogramSample(records: readonly HistogramRecord[], metric: string, scope: Scope = {}): OrderedSample {
  const merged = hdr.build({ numberOfSignificantValueDigits: 3, useWebAssembly: false });
  for (const record of records) {
    if (record.metric !== metric || !inScope(record, scope)) continue;
    const h = hdr.decodeFromCompressedBase64(record.encoded, 32, false);
    merged.add(h);
    h.destroy();
  }
  const n = merged.totalCount;
  const at = (rank: number): number => merged.getValueAtPercentile((100 * rank) / n) / 1000;
  return {
    n,
    at,
    countAtMost: (x, strict = false) => {
      let lo = 0;
      let hi = n;
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        const v = at(mid);
        if (strict ? v < x : v <= x) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    },
  };
}

/** The sample of one metric in scope, from whichever source results.json keeps. */
export function orderedSample(load: { samples: 'raw' | 'histogram'; jobs: readonly JobRow[]; histograms: readonly HistogramRecord[] }, metric: LatencyMetric, scope: Scope = {}): OrderedSample {
  return load.samples === 'raw' ? sortedSample(metricValues(load.jobs, metric, scope)) : histogramSample(load.histograms, metric, scope);
}
