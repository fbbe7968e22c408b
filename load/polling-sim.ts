// Jobs without a network, for the polling tests and benchmarks: an M/G/c queue (Poisson arrivals, log-normal
// service, FIFO) gives each job its true queue wait and inference time, and `pollJob` polls that timeline through
// poll.ts exactly as the engine does, with 1–2 ms round trips in which the server looks at a uniform
// instant. Plain TypeScript.
import type { JobRecord } from '../core/result-files.ts';
import { estimateQueueWait, type Observation } from './estimate.ts';
import { nextPollDelayMs, type PollPlan, type PollStrategy } from './poll.ts';

export interface SimulatedJob {
  /** ms from the job's arrival at the server to its start */
  readonly waitMs: number;
  readonly serviceMs: number;
}

/** `count` jobs of an M/G/c queue at utilisation `rho` with log-normal service (median, σ). */
export function simulateQueue(random: () => number, count: number, workers: number, rho: number, medianMs: number, sigma: number): SimulatedJob[] {
  const meanMs = medianMs * Math.exp((sigma * sigma) / 2);
  const rate = (rho * workers) / meanMs;
  const free = new Array<number>(workers).fill(0);
  let t = 0;
  const jobs: SimulatedJob[] = [];
  for (let i = 0; i < count; i++) {
    t += -Math.log(1 - random()) / rate;
    free.sort((a, b) => a - b);
    const start = Math.max(t, free[0]!);
    const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    const serviceMs = medianMs * Math.exp(sigma * z);
    free[0] = start + serviceMs;
    jobs.push({ waitMs: start - t, serviceMs });
  }
  return jobs;
}

export interface PolledJob {
  /** the true queue wait measured from the submit being sent (the server receives it half a round trip later) */
  readonly trueWaitMs: number;
  readonly observations: readonly Observation[];
  readonly polls: number;
  /** the server's inference_time, seconds with 3 decimals */
  readonly inferenceS: number;
  /** the first terminal answer's arrival minus the true end */
  readonly lateMs: number;
}

/** Polls one job with `plan`, times relative to the submit being sent at 0. */
export function pollJob(random: () => number, plan: PollPlan, job: SimulatedJob, expectedInferenceMs: number): PolledJob {
  const observations: Observation[] = [];
  let t = 1 + random(); // the submit's round trip
  const startMs = t / 2 + job.waitMs;
  let processingPolls = 0;
  for (let polls = 0; polls < 10_000; polls++) {
    const last = observations[observations.length - 1];
    const start = processingPolls > 0 ? estimateQueueWait(0, observations) : null;
    t += nextPollDelayMs(
      plan,
      { elapsedMs: t, polls, lastStatus: last?.status ?? null, processingPolls, startEstimateMs: start?.estimateMs ?? null, expectedInferenceMs },
      random(),
    );
    const roundTrip = 1 + random();
    const serverAt = t + random() * roundTrip;
    const status = serverAt < startMs ? 'QUEUED' : serverAt < startMs + job.serviceMs ? 'PROCESSING' : 'COMPLETED';
    observations.push({ status, sent_ms: t, at_ms: t + roundTrip, code: 200 });
    t += roundTrip;
    if (status === 'PROCESSING') processingPolls++;
    if (status === 'COMPLETED') {
      return { trueWaitMs: startMs, observations, polls: polls + 1, inferenceS: Math.round(job.serviceMs) / 1000, lateMs: t - (startMs + job.serviceMs) };
    }
  }
  throw new Error('job never completed');
}

const SUBMIT_AT_MS = Date.parse('2026-11-21T10:00:00Z');

/**
 * A polled job as the engine would have written it to jobs.ndjson (epoch times, its per-job estimate), so that the code that
 * post-processes a run (pooled-queue-wait.ts) can be measured on simulated jobs exactly as it runs on real ones.
 */
export function asJobRecord(polled: PolledJob, index: number, strategy: PollStrategy, stage: string, model = 'sd1.5-scifi'): JobRecord {
  const submitAtMs = SUBMIT_AT_MS + index;
  const observations = polled.observations.map((o) => ({ ...o, sent_ms: o.sent_ms + submitAtMs, at_ms: o.at_ms + submitAtMs }));
  const estimate = estimateQueueWait(submitAtMs, observations, polled.inferenceS)!;
  return {
    request_id: `job-${index}`, model, api: 'v2', stage, params_digest: 'sim', poll_strategy: strategy, submit_at_ms: submitAtMs,
    submit_latency_ms: 1, observations, job_index: index, polls: polled.polls, queue_wait_est_ms: estimate.estimateMs, queue_wait_bound_ms: estimate.boundMs,
    e2e_ms: null, result_fetch_ms: null, server: { inference_time_s: polled.inferenceS }, final_status: 'COMPLETED', final_code: 200, validation_errors: 0,
  };
}
