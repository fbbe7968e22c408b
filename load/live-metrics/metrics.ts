// The live metrics of a load run: the one table of names, kinds, units, labels and buckets. Both exporters (Prometheus
// via prom-client, OpenTelemetry over OTLP/HTTP) declare their instruments from it, the feed (feed.ts) records into
// it, and the docs' table and the example Grafana dashboard are checked against it (live-metrics.test.ts) — a name
// is written once, here.
//
// Every series is labelled by model, api and stage (plus the metric's own labels below); the run's --label pairs
// (region above all) are added to every series too, so one dashboard can put regions side by side.
import type { JobLabels } from '../events.ts';

/** What a histogram's buckets are, in seconds: from a 10 ms ci-mock job to the vendor's 10-minute job timeout. */
export const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120, 300, 600] as const;

export type MetricKind = 'counter' | 'gauge' | 'histogram';

export interface LiveMetric {
  readonly name: string;
  readonly kind: MetricKind;
  readonly help: string;
  /** OpenTelemetry's unit (UCUM): '1' for counts, 's' for seconds, '{credit}' for the vendor's credits. */
  readonly unit: string;
  /** Labels beyond model, api, stage. */
  readonly extraLabels: readonly string[];
}

export const JOB_LABELS: readonly (keyof JobLabels)[] = ['model', 'api', 'stage'];

const metric = (name: string, kind: MetricKind, unit: string, help: string, extraLabels: readonly string[] = []): LiveMetric => ({ name, kind, unit, help, extraLabels });

export const LIVE_METRICS = {
  jobsStarted: metric('infercheck_jobs_started_total', 'counter', '1', 'Jobs handed to the job runner (a v2 submit or a v1 request is about to leave).'),
  jobsFinished: metric('infercheck_jobs_finished_total', 'counter', '1', 'Jobs that ended, by final status: completed, failed, error, timeout, unknown (a submit with no answer), abandoned.', ['status']),
  jobsInFlight: metric('infercheck_jobs_in_flight', 'gauge', '1', 'Jobs started and not yet ended.'),
  queueWait: metric('infercheck_queue_wait_seconds', 'histogram', 's', "v2 jobs: the client's queue-wait estimate (submit → PROCESSING), each job's own midpoint as it ends (jobs.ndjson later holds the pooled estimate)."),
  processing: metric('infercheck_processing_seconds', 'histogram', 's', "Completed jobs: v2 the processing estimate between the polls, v1 the server's x-generation-time."),
  e2e: metric('infercheck_e2e_seconds', 'histogram', 's', 'Completed jobs: end to end as the client observed it (v2: submit → the first terminal answer; v1: the request).'),
  polls: metric('infercheck_polls_total', 'counter', '1', 'Status polls sent (GET /v2/requests/{id}/status), answered or not.'),
  httpResponses: metric('infercheck_http_responses_total', 'counter', '1', 'Every request by operation and status code ("0": no HTTP answer — refused, dropped or timed out).', ['operation', 'code']),
  rateLimited: metric('infercheck_rate_limited_total', 'counter', '1', '429 answers (the per-key rate limit).'),
  billable: metric('infercheck_billable_requests_total', 'counter', '1', 'Billable requests (v1 POST, v2 submit) by how the money ledger settled them: billed, refused, not-sent, unknown.', ['outcome']),
  credits: metric('infercheck_credits_total', 'counter', '{credit}', "Credits the vendor's own cost fields charged (v2 metrics.cost, v1 x-cost)."),
  retries: metric('infercheck_retries_total', 'counter', '1', 'GETs sent again after a transport error or a 5xx (a submit is never re-sent).'),
} as const satisfies Record<string, LiveMetric>;

export type LiveMetricKey = keyof typeof LIVE_METRICS;

/** Every label name a metric's series carry: model, api, stage, its own, then the run's --label keys. */
export function labelNamesOf(metric: LiveMetric, runLabelKeys: readonly string[]): string[] {
  return [...JOB_LABELS, ...metric.extraLabels, ...runLabelKeys];
}
