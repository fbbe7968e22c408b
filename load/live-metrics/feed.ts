// The run's events (load/events.ts) → the live metrics (metrics.ts), written once for every exporter: each exporter
// is a MetricSink (prometheus.ts, otlp.ts) and only knows how to add to a counter or a gauge and how to observe a
// histogram value. What a metric means — which event, which value, which labels — is decided here alone.
import type { JobRecord } from '../../core/result-files.ts';
import type { RunLabels } from '../../core/run-labels.ts';
import { labelsOf, type JobLabels, type LoadEvents } from '../events.ts';
import { LIVE_METRICS, type LiveMetric } from './metrics.ts';

export type SeriesLabels = Readonly<Record<string, string>>;

export interface MetricSink {
  /** counter: value ≥ 0; gauge: any sign */
  add(metric: LiveMetric, value: number, labels: SeriesLabels): void;
  observe(metric: LiveMetric, value: number, labels: SeriesLabels): void;
}

const M = LIVE_METRICS;

/** What the record's final status is called in a label: lower case, as Prometheus labels usually are. */
function statusLabel(job: JobRecord): string {
  return job.final_status.toLowerCase();
}

/** v2: the processing estimate between the polls; v1: the server's own generation time (the only processing view). */
function processingMs(job: JobRecord): number | null {
  if (job.final_status !== 'COMPLETED') return null;
  if (job.api === 'v2') return job.processing_est_ms ?? null;
  return job.server.inference_time_s !== undefined ? job.server.inference_time_s * 1000 : null;
}

/** Subscribes the sinks to the run's events; returns the unsubscribe. */
export function feedLiveMetrics(events: LoadEvents, sinks: readonly MetricSink[], runLabels: RunLabels): () => void {
  const series = (labels: JobLabels, extra: SeriesLabels = {}): SeriesLabels => ({ model: labels.model, api: labels.api, stage: labels.stage, ...extra, ...runLabels });
  const add = (metric: LiveMetric, value: number, labels: SeriesLabels): void => {
    for (const sink of sinks) sink.add(metric, value, labels);
  };
  const observeMs = (metric: LiveMetric, ms: number | null | undefined, labels: SeriesLabels): void => {
    if (ms === null || ms === undefined || !Number.isFinite(ms)) return;
    for (const sink of sinks) sink.observe(metric, Math.max(0, ms) / 1000, labels);
  };

  const onStart = (labels: JobLabels): void => {
    add(M.jobsStarted, 1, series(labels));
    add(M.jobsInFlight, 1, series(labels));
  };
  const onEnd = (job: JobRecord): void => {
    const labels = series(labelsOf(job));
    add(M.jobsInFlight, -1, labels);
    add(M.jobsFinished, 1, series(labelsOf(job), { status: statusLabel(job) }));
    if (job.api === 'v2') observeMs(M.queueWait, job.queue_wait_est_ms, labels);
    observeMs(M.processing, processingMs(job), labels);
    if (job.final_status === 'COMPLETED') observeMs(M.e2e, job.e2e_ms, labels);
  };
  const onGone = (labels: JobLabels): void => add(M.jobsInFlight, -1, series(labels));
  const onAnswer = (labels: JobLabels, operation: string, status: number): void => {
    add(M.httpResponses, 1, series(labels, { operation, code: String(status) }));
    if (operation === 'getRequestStatus') add(M.polls, 1, series(labels));
    if (status === 429) add(M.rateLimited, 1, series(labels));
  };
  const onFailure = (labels: JobLabels, operation: string): void => {
    add(M.httpResponses, 1, series(labels, { operation, code: '0' }));
    if (operation === 'getRequestStatus') add(M.polls, 1, series(labels));
  };
  const onRetry = (labels: JobLabels): void => add(M.retries, 1, series(labels));
  const onBillable = (labels: JobLabels, outcome: string): void => add(M.billable, 1, series(labels, { outcome }));
  const onCharge = (labels: JobLabels, credits: number): void => {
    if (Number.isFinite(credits) && credits >= 0) add(M.credits, credits, series(labels));
  };

  return events.subscribe({
    'job-start': onStart,
    'job-end': onEnd,
    'job-gone': onGone,
    answer: onAnswer,
    'transport-failure': onFailure,
    retry: onRetry,
    billable: onBillable,
    charge: onCharge,
  });
}
