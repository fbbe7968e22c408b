// Every metric the load scripts emit, declared once in init context (k6 requires it, grafana/k6#3702). Names of the
// latency and rate metrics are fixed by core/objectives.ts (LATENCY_METRICS, RATE_METRICS) so an SLO file becomes
// k6 thresholds without translation; the rest share the ic_ prefix. Every sample is tagged model, api, stage and,
// for v2 jobs, poll (the polling strategy) — see jobTags().
import { Counter, Rate, Trend } from 'k6/metrics';

const TIME = true;

// anchors §4.5: the diffusion-job analogues of TTFT / decode / E2E, and the server's own truth beside them
export const submitLatency = new Trend('ic_submit_latency', TIME);
export const queueWait = new Trend('ic_queue_wait', TIME); // midpoint estimate, see estimate.ts
export const queueWaitBound = new Trend('ic_queue_wait_bound', TIME); // half-width of its uncertainty interval
export const processing = new Trend('ic_processing', TIME);
export const e2e = new Trend('ic_e2e', TIME); // submit sent → terminal state seen
export const resultFetch = new Trend('ic_result_fetch', TIME);
export const serverQueueTime = new Trend('ic_server_queue_time', TIME);
export const serverInferenceTime = new Trend('ic_server_inference_time', TIME);
export const serverTotalTime = new Trend('ic_server_total_time', TIME);

export const jobSuccess = new Rate('ic_job_success');
export const jobError = new Rate('ic_job_error');
export const jobs = new Counter('ic_jobs');
export const jobTimeouts = new Counter('ic_job_timeouts');

// anchors §7 item 3: the cost of polling, and the rate limit it spends
export const polls = new Counter('ic_polls');
export const pollsPerJob = new Trend('ic_polls_per_job');
export const rateLimited = new Counter('ic_rate_limited'); // 429 answers, any endpoint
export const httpCodes = new Counter('ic_http_codes'); // tagged code:<status>, endpoint:<operationId>

export const validationFailures = new Counter('ic_validation_failures'); // tagged operation, kind
export const validatedResponses = new Counter('ic_validated_responses');

// open-model honesty: a scheduled (Poisson) arrival that started late because no VU was free is k6's
// dropped_iterations in disguise; count it and how late it was
export const lateArrivals = new Counter('ic_late_arrivals');
export const arrivalLag = new Trend('ic_arrival_lag', TIME);
// iterations that did not submit because the billable budget (--max-billable) was spent
export const budgetSkipped = new Counter('ic_budget_skipped');

/** The latency trends reported per model × api in the summary. */
export const LATENCY_TREND_NAMES = [
  'ic_submit_latency',
  'ic_queue_wait',
  'ic_queue_wait_bound',
  'ic_processing',
  'ic_e2e',
  'ic_result_fetch',
  'ic_server_queue_time',
  'ic_server_inference_time',
  'ic_server_total_time',
  'ic_polls_per_job',
] as const;

/** Status codes the spec documents for these operations (spec/openapi.yaml), shown one by one in the summary. */
export const DOCUMENTED_CODES = [200, 400, 401, 403, 404, 405, 406, 413, 422, 429, 500, 502, 503, 504] as const;

let touched = false;
/**
 * k6 leaves a metric out of the summary until it has a sample; a count of zero is an answer ("no 429s"), so every
 * VU adds a 0 to the counters that are usually empty, once.
 */
export function touchZeroCounters(stage: string): void {
  if (touched) return;
  touched = true;
  for (const counter of [rateLimited, validationFailures, lateArrivals, budgetSkipped, jobTimeouts]) counter.add(0, { stage });
}
