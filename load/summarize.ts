// After the run: one streaming pass over jobs.ndjson (already pooled) gives summary.json's percentiles, polls per job,
// each objective's point-estimate verdict (which sets the exit code) and, against the embedded mock, each polling
// strategy's queue-wait accuracy against the mock's own timeline. Only numbers are kept, never whole job records.
// Percentiles follow the report's one rule, x(⌈np⌉) (core/queue-wait.ts), and the queue-wait figures per model and
// API are core/queue-wait.ts's own: the load console prints exactly what the report prints for the same run.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { describeObjective, LATENCY_METRICS, quantileOf, type CostMetric, type LatencyMetric, type Objective, type ObjectiveSet } from '../core/objectives.ts';
import { QueueWaitTally, queueWaitEstimateMs, sampleQuantileOfSorted } from '../core/queue-wait.ts';
import type { EstimateBeside, JobRecord, LoadSummary, QueueWaitAccuracy } from '../core/result-files.ts';

/** The mock's ground truth for one request (GET /__mock/requests). */
export interface MockTruthRecord {
  readonly request_id: string;
  readonly queue_ms: number | null;
  readonly started_at_ms: number | null;
  readonly submitted_at_ms: number;
  readonly inference_ms: number | null;
}

/** A latency metric of one job, in ms; undefined when the job did not produce it. Same definitions as the reports'. */
export function latencyOf(job: JobRecord, metric: LatencyMetric): number | undefined {
  const num = (v: number | null | undefined): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  const s = (v: number | undefined): number | undefined => (v === undefined ? undefined : v * 1000);
  switch (metric) {
    case 'submit_latency_ms':
      return num(job.submit_latency_ms);
    case 'queue_wait_ms':
      return queueWaitEstimateMs(job) ?? undefined;
    case 'processing_ms': {
      const e2e = num(job.e2e_ms);
      const wait = queueWaitEstimateMs(job) ?? undefined;
      return e2e !== undefined && wait !== undefined ? Math.max(0, e2e - wait) : undefined;
    }
    case 'e2e_ms':
      return num(job.e2e_ms);
    case 'result_fetch_ms':
      return num(job.result_fetch_ms);
    case 'server_queue_time_ms':
      return s(num(job.server.queue_time_s));
    case 'server_inference_time_ms':
      return s(num(job.server.inference_time_s));
    case 'server_total_time_ms':
      return s(num(job.server.total_time_s));
  }
}

/**
 * A cost metric of one job, in credits, from the vendor's own cost field; undefined when the job reported none.
 * Per image as the report counts it (reports/analysis.ts): the job's cost over the images it delivered (at least 1).
 */
export function costOf(job: JobRecord, metric: CostMetric): number | undefined {
  const cost = job.server.cost;
  if (typeof cost !== 'number' || !Number.isFinite(cost)) return undefined;
  return metric === 'cost_per_image' ? cost / Math.max(1, job.images ?? 1) : cost;
}

/** The sample p-quantile x(⌈np⌉) of values sorted ascending: the report's rule (core/queue-wait.ts), NaN when empty. */
export const quantile = (sorted: readonly number[], q: number): number => sampleQuantileOfSorted(sorted, q);

/**
 * Linear interpolation between order statistics ("type 7"): only for the accuracy rows, which score the estimator
 * against the mock (the benches' acceptance figures, e.g. median polls ≤ 4); no reported latency uses it.
 */
function interpolatedQuantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

function inScope(o: Objective, job: JobRecord): boolean {
  return (o.model === undefined || o.model === job.model) && (o.api === undefined || o.api === job.api);
}

function compare(observed: number, o: Objective): boolean {
  switch (o.op) {
    case '<=':
      return observed <= o.value;
    case '<':
      return observed < o.value;
    case '>=':
      return observed >= o.value;
    case '>':
      return observed > o.value;
  }
}

interface AccuracyGroup {
  errors: number[];
  midErrors: number[];
  truths: number[];
  polls: number[];
  covered: number;
}

export interface JobsSummary {
  readonly latency: LoadSummary['latency'];
  readonly polls: LoadSummary['polls'];
  readonly estimates: LoadSummary['estimates'];
  readonly objectives: LoadSummary['objectives'];
  readonly queueWait: LoadSummary['queueWait'];
  readonly queueWaitAccuracy?: QueueWaitAccuracy[];
}

/** Each job's estimated queue wait against the mock's ground truth, per polling strategy. */
function accuracyRow(strategy: string, g: AccuracyGroup): QueueWaitAccuracy {
  const trueMean = mean(g.truths);
  const meanError = mean(g.errors);
  const midpointMeanError = mean(g.midErrors);
  // jobs' errors are independent given the queue (each job's poll phase is its own draw)
  const sd = g.errors.length > 1 ? Math.sqrt(g.errors.reduce((s, e) => s + (e - meanError) ** 2, 0) / (g.errors.length - 1)) : Number.NaN;
  return {
    strategy,
    jobs: g.errors.length,
    trueMeanMs: trueMean,
    meanErrorMs: meanError,
    meanErrorPct: trueMean > 0 ? (100 * meanError) / trueMean : Number.NaN,
    meanErrorCi95Ms: (1.96 * sd) / Math.sqrt(g.errors.length),
    midpointMeanErrorMs: midpointMeanError,
    midpointMeanErrorPct: trueMean > 0 ? (100 * midpointMeanError) / trueMean : Number.NaN,
    p95AbsErrorMs: interpolatedQuantile([...g.errors.map(Math.abs)].sort((a, b) => a - b), 0.95),
    coverage: g.covered / g.errors.length,
    medianPolls: interpolatedQuantile([...g.polls].sort((a, b) => a - b), 0.5),
    meanPolls: mean(g.polls),
  };
}

/** Folds jobs (from a file or a list) into the summary; `truth` scores the queue-wait estimates against the mock. */
export class JobsSummarizer {
  // queue wait is not among them: its figures are per model and API, from core/queue-wait.ts (#queueWait)
  readonly #latency = new Map<LatencyMetric, number[]>((Object.keys(LATENCY_METRICS) as LatencyMetric[]).filter((m) => m !== 'queue_wait_ms').map((m) => [m, []]));
  readonly #queueWait = new QueueWaitTally();
  readonly #polls: number[] = [];
  readonly #objectiveValues: number[][];
  readonly #objectiveCounts: { jobs: number; completed: number }[];
  readonly #accuracy = new Map<string, AccuracyGroup>();
  readonly #truth: ReadonlyMap<string, MockTruthRecord> | undefined;
  readonly #beside = { e2e: { observed: [] as number[], estimate: [] as number[], bound: [] as number[] }, processing: { observed: [] as number[], estimate: [] as number[], bound: [] as number[] } };

  constructor(
    private readonly objectives: ObjectiveSet,
    truth?: readonly MockTruthRecord[],
  ) {
    this.#objectiveValues = objectives.objectives.map(() => []);
    this.#objectiveCounts = objectives.objectives.map(() => ({ jobs: 0, completed: 0 }));
    if (truth) this.#truth = new Map(truth.map((t) => [t.request_id, t]));
  }

  add(job: JobRecord): void {
    const completed = job.final_status === 'COMPLETED';
    if (job.api === 'v2' && job.request_id !== null) this.#polls.push(job.polls);
    if (completed && job.api === 'v2') {
      const e2e = this.#beside.e2e;
      if (job.e2e_ms !== null && job.e2e_est_ms != null && job.e2e_bound_ms != null) {
        e2e.observed.push(job.e2e_ms);
        e2e.estimate.push(job.e2e_est_ms);
        e2e.bound.push(job.e2e_bound_ms);
      }
      const processing = this.#beside.processing;
      const observed = latencyOf(job, 'processing_ms');
      if (observed !== undefined && job.processing_est_ms != null && job.processing_bound_ms != null) {
        processing.observed.push(observed);
        processing.estimate.push(job.processing_est_ms);
        processing.bound.push(job.processing_bound_ms);
      }
    }
    this.#queueWait.add(job); // every job with an estimate, as the report counts them
    if (completed) {
      for (const [metric, values] of this.#latency) {
        const v = latencyOf(job, metric);
        if (v !== undefined) values.push(v);
      }
    }
    this.objectives.objectives.forEach((o, k) => {
      if (!inScope(o, job)) return;
      this.#objectiveCounts[k]!.jobs++;
      if (completed) this.#objectiveCounts[k]!.completed++;
      if (o.kind === 'latency' && completed) {
        const v = latencyOf(job, o.metric);
        if (v !== undefined) this.#objectiveValues[k]!.push(v);
      }
      if (o.kind === 'cost') {
        const v = costOf(job, o.metric);
        if (v !== undefined) this.#objectiveValues[k]!.push(v);
      }
    });
    this.#score(job);
  }

  #score(job: JobRecord): void {
    if (!this.#truth || job.api !== 'v2' || job.request_id === null || job.queue_wait_est_ms === null || job.final_status !== 'COMPLETED') return;
    const t = this.#truth.get(job.request_id);
    if (!t || t.queue_ms === null) return;
    const group = this.#accuracy.get(job.poll_strategy) ?? { errors: [], midErrors: [], truths: [], polls: [], covered: 0 };
    // the client's clock starts when it sends the submit; the mock's when it receives it: compare like with like
    const trueWait = t.started_at_ms !== null ? t.started_at_ms - job.submit_at_ms : t.queue_ms;
    const error = job.queue_wait_est_ms - trueWait;
    group.errors.push(error);
    group.midErrors.push((job.queue_wait_mid_ms ?? job.queue_wait_est_ms) - trueWait);
    group.truths.push(trueWait);
    group.polls.push(job.polls);
    if (Math.abs(error) <= (job.queue_wait_bound_ms ?? 0) + 1) group.covered++;
    this.#accuracy.set(job.poll_strategy, group);
  }

  result(): JobsSummary {
    const latency: Record<string, LoadSummary['latency'][string]> = {};
    for (const [metric, values] of this.#latency) {
      if (values.length === 0) continue;
      const sorted = values.sort((a, b) => a - b);
      latency[metric] = { count: sorted.length, p50: quantile(sorted, 0.5), p90: quantile(sorted, 0.9), p95: quantile(sorted, 0.95), p99: quantile(sorted, 0.99), max: sorted[sorted.length - 1]!, mean: mean(sorted) };
    }
    const objectives = this.objectives.objectives.map((o, k) => {
      let observed: number | null = null;
      if (o.kind === 'latency') {
        const values = this.#objectiveValues[k]!.sort((a, b) => a - b);
        if (values.length > 0) observed = o.stat === 'mean' ? mean(values) : quantile(values, quantileOf(o.stat));
      } else if (o.kind === 'cost') {
        const values = this.#objectiveValues[k]!;
        if (values.length > 0) observed = mean(values);
      } else {
        const { jobs, completed } = this.#objectiveCounts[k]!;
        if (jobs > 0) observed = o.metric === 'success_rate' ? completed / jobs : 1 - completed / jobs;
      }
      return { name: describeObjective(o), observed, pass: observed === null ? null : compare(observed, o) };
    });
    const sortedPolls = [...this.#polls].sort((a, b) => a - b);
    const beside = (b: { observed: number[]; estimate: number[]; bound: number[] }): EstimateBeside | null => {
      if (b.observed.length === 0) return null;
      const [o, e, w] = [b.observed, b.estimate, b.bound].map((xs) => xs.sort((x, y) => x - y)) as [number[], number[], number[]];
      return { n: o.length, observedP50: quantile(o, 0.5), observedP95: quantile(o, 0.95), estimateP50: quantile(e, 0.5), estimateP95: quantile(e, 0.95), boundP50: quantile(w, 0.5), boundP95: quantile(w, 0.95) };
    };
    return {
      latency,
      estimates: { e2e: beside(this.#beside.e2e), processing: beside(this.#beside.processing) },
      polls: { total: this.#polls.reduce((s, p) => s + p, 0), perJobP50: sortedPolls.length ? quantile(sortedPolls, 0.5) : null, perJobMean: sortedPolls.length ? mean(sortedPolls) : null },
      objectives,
      queueWait: this.#queueWait.figures(),
      ...(this.#truth ? { queueWaitAccuracy: [...this.#accuracy].map(([strategy, g]) => accuracyRow(strategy, g)) } : {}),
    };
  }
}

export async function summarizeJobsFile(path: string, objectives: ObjectiveSet, truth?: readonly MockTruthRecord[]): Promise<JobsSummary> {
  const summarizer = new JobsSummarizer(objectives, truth);
  for await (const line of createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })) {
    if (line.trim()) summarizer.add(JSON.parse(line) as JobRecord);
  }
  return summarizer.result();
}

/** Each job's queue-wait estimate scored against the mock's truth, per polling strategy. */
export function scoreQueueWait(jobs: readonly JobRecord[], truth: readonly MockTruthRecord[]): QueueWaitAccuracy[] {
  const summarizer = new JobsSummarizer({ confidence: 0.95, objectives: [] }, truth);
  for (const job of jobs) summarizer.add(job);
  return summarizer.result().queueWaitAccuracy ?? [];
}
