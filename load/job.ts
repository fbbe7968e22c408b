// One job as a client sees it: v2 submit → poll the status (adaptive or the SDK's fixed 1 s) → fetch the result, or
// v1 in one request. Every answer is counted by status code and judged by the one conformance judge
// (core/conformance.ts); the job ends as one JobRecord (core/result-files.ts) with its evidence: every observed
// status with the instants its poll left and came back, the queue-wait, processing and end-to-end estimates with
// their bounds, the server's own metrics, polls.
//
// Money and safety (core/billable-budget.ts is the one money policy): a unit of the budget is reserved before a
// submit leaves and given back only when the answer proves nothing was billed. A submit whose outcome is unknown
// (reset, timeout) is never sent again — it may have been billed — and the job ends UNKNOWN. GETs are safe: they are
// retried after a transport error or a 5xx. A COMPLETED job whose result could not be read stays COMPLETED with
// result_read false.
import { createHash } from 'node:crypto';
import { judgeResponse } from '../core/conformance.ts';
import { settlementForError, settlementForStatus, type BillableBudget, type Settlement } from '../core/billable-budget.ts';
import type { JobRecord } from '../core/result-files.ts';
import { requestExamples } from '../core/spec.ts';
import { estimateCompletion, estimateProcessing, estimateQueueWait, type Observation } from './estimate.ts';
import type { JobLabels, LoadEvents } from './events.ts';
import type { TargetHealth } from './health.ts';
import type { HttpAnswer, HttpClient, HttpResult, RequestSpec } from './http.ts';
import { backoffAfter429Ms, learnInferenceMs, nextPollDelayMs, type PollPlan, type PollStrategy } from './poll.ts';
import { uniformAt } from './schedule.ts';

/** What every job of a run shares. */
export interface JobEnv {
  readonly http: HttpClient;
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly seed: number;
  /** false: parse bodies without judging them (to measure what judging costs) */
  readonly validate: boolean;
  readonly budget: BillableBudget;
  /** where every answer, failure, judgement, retry and billable request is reported (events.ts) */
  readonly events: LoadEvents;
  readonly health: TargetHealth;
  readonly plans: Readonly<Record<PollStrategy, PollPlan>>;
  readonly jobTimeoutMs: number;
  /** The jobs' waits between polls, all cut short when the run abandons what is still in flight. */
  readonly pauses: Pauses;
  /** The expected inference time before the server has reported one for the model. */
  readonly expectedInferenceMs: number;
  /** Per model, learned from the server's metrics as jobs complete. */
  readonly learned: Map<string, number>;
}

export interface JobContext {
  readonly model: string;
  readonly stage: string;
  /** unique in the run (all instances of a split test): drives the payload's seed and the polling jitter */
  readonly jobIndex: number;
}

/**
 * Every job's waits between polls, in one place. Each wait is a plain timer in a Set, so thousands of waiting jobs
 * cost O(1) each to start and end; an AbortSignal per wait would cost a listener on one shared signal each, and
 * removing one from thousands is a linear scan. `abandon()` (grace over, deadline, target gone) ends every wait.
 */
export class Pauses {
  readonly #waiting = new Set<() => void>();
  #abandoned = false;

  get abandoned(): boolean {
    return this.#abandoned;
  }

  /** Resolves true after `ms`, false at once if the run abandons its jobs meanwhile (or already has). */
  wait(ms: number): Promise<boolean> {
    if (this.#abandoned) return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      const done = (ok: boolean): void => {
        this.#waiting.delete(wake);
        resolve(ok);
      };
      // a zero wait yields to the event loop once, without a timer's 1 ms floor
      const timer = ms > 0 ? setTimeout(() => done(true), ms) : setImmediate(() => done(true));
      const wake = (): void => {
        if (ms > 0) clearTimeout(timer as NodeJS.Timeout);
        else clearImmediate(timer as NodeJS.Immediate);
        done(false);
      };
      this.#waiting.add(wake);
    });
  }

  abandon(): void {
    this.#abandoned = true;
    for (const wake of [...this.#waiting]) wake();
  }
}

/** GETs are retried this many times after a transport error or a 5xx; submits never. */
const GET_RETRIES = 3;
const RETRY_BASE_MS = 250;
/** Consecutive failed polls after which a job gives up (it stays ERROR, or COMPLETED-unread once terminal). */
const MAX_TRANSIENT_POLL_ERRORS = 6;

/** The body of job `jobIndex`: the model's own example payload from the spec, with a seed of its own. */
export function payloadFor(model: string, jobIndex: number, runSeed: number): Record<string, unknown> {
  const base = requestExamples()[model];
  if (!base) throw new Error(`spec: no example payload for model ${model}`);
  return { ...base, seed: (runSeed * 1_000_003 + jobIndex) % 4_294_967_296 };
}

function paramsDigest(body: Record<string, unknown>): string {
  const canonical = JSON.stringify(Object.keys(body).sort().map((k) => [k, body[k]]));
  return `sha256:${createHash('sha256').update(canonical).digest('hex').slice(0, 16)}`;
}

/** The polling strategy of job `jobIndex`: the one chosen, or with `both` a seeded coin per job on the same queue. */
export function strategyFor(choice: PollStrategy | 'both', seed: number, jobIndex: number): PollStrategy {
  if (choice !== 'both') return choice;
  return uniformAt(seed ^ 0x2545f491, jobIndex) < 0.5 ? 'adaptive' : 'fixed';
}

type ServerMetrics = JobRecord['server'];

/** The samples a payload asks for (the spec's default, 1, when it names none). */
function samplesAsked(body: Record<string, unknown>): number {
  const samples = body['samples'];
  return typeof samples === 'number' && Number.isInteger(samples) && samples >= 1 ? samples : 1;
}

/**
 * Images a completed job delivered, for the cost per image: v2's images[] (one entry per sample), else — a result
 * not read, or one without images[] — the samples asked; v1 answers the samples asked (the first as raw bytes).
 */
function imagesOf(result: unknown, body: Record<string, unknown>): number {
  const images = (result as { images?: unknown } | undefined)?.images;
  return Array.isArray(images) && images.length > 0 ? images.length : samplesAsked(body);
}

function serverMetricsOf(json: unknown): ServerMetrics {
  const metrics = (json as { metrics?: Record<string, unknown> } | undefined)?.metrics;
  if (!metrics || typeof metrics !== 'object') return {};
  const pick = (key: string): number | undefined => (typeof metrics[key] === 'number' ? (metrics[key] as number) : undefined);
  const q = pick('queue_time');
  const i = pick('inference_time');
  const t = pick('total_time');
  const c = pick('cost');
  return { ...(q !== undefined ? { queue_time_s: q } : {}), ...(i !== undefined ? { inference_time_s: i } : {}), ...(t !== undefined ? { total_time_s: t } : {}), ...(c !== undefined ? { cost: c } : {}) };
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

class JobRun {
  /** Answers that broke a documented rule (errors) … */
  validationErrors = 0;
  /** … and answers that differ only from an assumption of the spec (findings). */
  validationFindings = 0;
  readonly labels: JobLabels;
  // a job sends the same headers on every poll: made once per job, not per request
  readonly #read: Readonly<Record<string, string>>;
  readonly #write: Readonly<Record<string, string>>;
  constructor(
    readonly env: JobEnv,
    readonly ctx: JobContext,
    api: 'v1' | 'v2',
  ) {
    this.labels = { model: ctx.model, api, stage: ctx.stage };
    this.#read = { 'x-api-key': env.apiKey };
    this.#write = { 'x-api-key': env.apiKey, 'content-type': 'application/json' };
  }

  headers(json: boolean): Readonly<Record<string, string>> {
    return json ? this.#write : this.#read;
  }

  /** Sends, counts the code, judges the answer, tells the health watch. */
  async send(operationId: string, spec: RequestSpec): Promise<HttpResult> {
    const result = await this.env.http.send(spec);
    const { events } = this.env;
    if (result.kind === 'failure') {
      events.emit('transport-failure', this.labels, operationId, result.failure);
      this.env.health.failed(result);
      return result;
    }
    this.env.health.answered();
    events.emit('answer', this.labels, operationId, result.status);
    if (this.env.validate) {
      const verdict = judgeResponse(operationId, result);
      events.emit('judgement', verdict.violations);
      for (const v of verdict.violations) {
        if (v.basis === 'documented') this.validationErrors++;
        else this.validationFindings++;
      }
    }
    return result;
  }

  /** A GET, sent again after a transport error or a 5xx (a read is safe to repeat). */
  async get(operationId: string, url: string): Promise<HttpResult> {
    let result = await this.send(operationId, { method: 'GET', url, headers: this.headers(false) });
    for (let attempt = 1; attempt <= GET_RETRIES && retryable(result) && !this.env.pauses.abandoned; attempt++) {
      if (!(await this.pause(RETRY_BASE_MS * 2 ** (attempt - 1)))) break;
      this.env.events.emit('retry', this.labels);
      result = await this.send(operationId, { method: 'GET', url, headers: this.headers(false) });
    }
    return result;
  }

  /** Sleeps; false when the run abandoned the job meanwhile. */
  pause(ms: number): Promise<boolean> {
    return this.env.pauses.wait(Math.max(0, ms));
  }
}

function isSuccessCode(status: number): boolean {
  return status >= 200 && status < 300;
}

function retryable(result: HttpResult): boolean {
  if (result.kind === 'failure') return result.failure !== 'aborted';
  return result.status >= 500;
}

type PollOutcome =
  | { readonly kind: 'aborted' }
  | { readonly kind: 'failure'; readonly code: string }
  | { readonly kind: 'answer'; readonly code: number; readonly observation?: Observation; readonly terminalBody?: unknown; readonly rateLimitResetAt?: string };

/** One status poll, reduced to what the job keeps: the observation, and the body only when it is terminal. */
async function pollOnce(job: JobRun, statusUrl: string): Promise<PollOutcome> {
  const res = await job.send('getRequestStatus', { method: 'GET', url: statusUrl, headers: job.headers(false) });
  if (res.kind === 'failure') return res.failure === 'aborted' ? { kind: 'aborted' } : { kind: 'failure', code: res.code };
  if (res.status === 429) return { kind: 'answer', code: 429, ...(res.headers['x-rate-limit-reset-at-utc'] !== undefined ? { rateLimitResetAt: res.headers['x-rate-limit-reset-at-utc'] } : {}) };
  const status = (res.json as { status?: unknown } | undefined)?.status;
  // Any 2xx is read: no document gives the code of a status read, so a 202 with a pending body keeps the documents
  // (the judge lists it as a finding on the assumed getRequestStatus:success) and the job must still be followed.
  if ((!isSuccessCode(res.status) && res.status !== 422) || typeof status !== 'string') return { kind: 'answer', code: res.status };
  const observation: Observation = { status, sent_ms: round1(res.sentMs), at_ms: round1(res.atMs), code: res.status };
  return { kind: 'answer', code: res.status, observation, ...(status === 'COMPLETED' || status === 'FAILED' ? { terminalBody: res.json } : {}) };
}

/** The budget's verdict on a sent billable request, told to the ledger and to the run's listeners. */
function settle(job: JobRun, reservation: { settle: (s: Settlement) => void }, result: HttpResult): void {
  const settlement: Settlement = result.kind === 'answer' ? settlementForStatus(result.status) : result.failure === 'aborted' ? { kind: 'unknown', reason: 'aborted' } : settlementForError(result.error);
  reservation.settle(settlement);
  job.env.events.emit('billable', job.labels, settlement.kind);
}

/** The vendor's own cost field for a job: into the ledger (for the invocation's spend) and to the listeners. */
function charge(job: JobRun, source: 'metrics.cost' | 'x-cost', credits: number): void {
  job.env.budget.recordCharge(source, credits, String(job.ctx.jobIndex));
  job.env.events.emit('charge', job.labels, credits);
}

function recordCharges(job: JobRun, answer: HttpAnswer, metrics: ServerMetrics): void {
  const { env } = job;
  const ref = String(job.ctx.jobIndex);
  if (metrics.cost !== undefined) charge(job, 'metrics.cost', metrics.cost);
  const remaining = (answer.json as { metrics?: { remaining_credits?: unknown } } | undefined)?.metrics?.remaining_credits;
  if (typeof remaining === 'number') env.budget.recordCharge('metrics.remaining_credits', remaining, ref);
}

/**
 * v2: submit, poll, fetch. Returns null when the budget refused the submit (nothing was sent). The submit leaves
 * synchronously from the caller's turn of the event loop, so the caller's clock is the job's start.
 */
export async function runAsyncJob(env: JobEnv, ctx: JobContext, strategy: PollStrategy): Promise<JobRecord | null> {
  const job = new JobRun(env, ctx, 'v2');
  const body = payloadFor(ctx.model, ctx.jobIndex, env.seed);
  const reservation = env.budget.tryReserve({ operation: 'submitAsync', model: ctx.model, ref: String(ctx.jobIndex) });
  if (!reservation) return null;
  const submit = await job.send('submitAsync', { method: 'POST', url: `${env.baseUrl}/v2/${ctx.model}`, headers: job.headers(true), body: JSON.stringify(body) });
  settle(job, reservation, submit);
  const submitSentMs = submit.sentMs;
  const observations: Observation[] = [];
  let polls = 0;
  const base = {
    request_id: null as string | null,
    model: ctx.model,
    api: 'v2' as const,
    stage: ctx.stage,
    params_digest: paramsDigest(body),
    poll_strategy: strategy,
    submit_at_ms: round1(submitSentMs),
    submit_latency_ms: round1(submit.atMs - submitSentMs),
    job_index: ctx.jobIndex,
  };
  const finish = (over: Partial<JobRecord> & Pick<JobRecord, 'final_status' | 'final_code'>): JobRecord => ({
    ...base,
    observations,
    polls,
    queue_wait_est_ms: null,
    queue_wait_bound_ms: null,
    e2e_ms: null,
    result_fetch_ms: null,
    server: {},
    validation_errors: job.validationErrors,
    ...(job.validationFindings > 0 ? { validation_findings: job.validationFindings } : {}),
    ...over,
  });

  if (submit.kind === 'failure') {
    // refused: nothing reached the vendor; anything else may have been billed and is never re-sent
    const status = submit.failure === 'refused' ? 'ERROR' : 'UNKNOWN';
    return finish({ final_status: status, final_code: 0, error: submit.code });
  }
  const accepted = submit.json as { request_id?: unknown; status_url?: unknown; response_url?: unknown } | undefined;
  if (submit.status < 200 || submit.status >= 300 || typeof accepted?.request_id !== 'string' || typeof accepted.status_url !== 'string') {
    return finish({ final_status: 'ERROR', final_code: submit.status });
  }
  base.request_id = accepted.request_id;
  const statusUrl = accepted.status_url;
  const responseUrl = typeof accepted.response_url === 'string' ? accepted.response_url : statusUrl.replace(/\/status$/, '');

  const plan = env.plans[strategy];
  const deadline = submitSentMs + env.jobTimeoutMs;
  let lastStatus: string | null = null;
  let processingPolls = 0;
  let lastBody: unknown;
  let finalStatus: JobRecord['final_status'] = 'ERROR';
  let finalCode = submit.status;
  let transientErrors = 0;
  let lastError: string | undefined;
  for (;;) {
    const startEstimate = processingPolls > 0 ? estimateQueueWait(submitSentMs, observations) : null;
    const delay = nextPollDelayMs(
      plan,
      {
        elapsedMs: performance.timeOrigin + performance.now() - submitSentMs,
        polls,
        lastStatus,
        processingPolls,
        startEstimateMs: startEstimate ? startEstimate.estimateMs : null,
        expectedInferenceMs: env.learned.get(ctx.model) ?? env.expectedInferenceMs,
      },
      uniformAt(env.seed ^ 0x9e3779b9, ctx.jobIndex * 1024 + polls),
    );
    if (performance.timeOrigin + performance.now() + delay > deadline) {
      finalStatus = 'TIMEOUT';
      break;
    }
    if (!(await job.pause(delay))) {
      finalStatus = 'ABANDONED';
      break;
    }
    // the answer is reduced to a few values at once (pollOnce): nothing of it waits through the next pause
    const res = await pollOnce(job, statusUrl);
    polls++;
    if (res.kind === 'aborted') {
      finalStatus = 'ABANDONED';
      break;
    }
    if (res.kind === 'failure') {
      lastError = res.code;
      finalCode = 0;
      if (++transientErrors > MAX_TRANSIENT_POLL_ERRORS) break;
      env.events.emit('retry', job.labels);
      if (!(await job.pause(Math.max(plan.minGapMs, RETRY_BASE_MS * transientErrors)))) {
        finalStatus = 'ABANDONED';
        break;
      }
      continue;
    }
    finalCode = res.code;
    if (res.code === 429) {
      if (!(await job.pause(backoffAfter429Ms(res.rateLimitResetAt, Date.now())))) {
        finalStatus = 'ABANDONED';
        break;
      }
      continue;
    }
    if (res.observation) {
      transientErrors = 0;
      const status = res.observation.status;
      observations.push(res.observation);
      lastStatus = status;
      if (status === 'PROCESSING') processingPolls++;
      if (status === 'COMPLETED' || status === 'FAILED') {
        lastBody = res.terminalBody;
        finalStatus = status;
        break;
      }
      continue;
    }
    // 404: the record is gone (expired or never known) — nothing more to learn; 5xx: polling is safe to repeat
    if (res.code === 404 || ++transientErrors > MAX_TRANSIENT_POLL_ERRORS) break;
    env.events.emit('retry', job.labels);
    if (!(await job.pause(Math.max(plan.minGapMs, RETRY_BASE_MS * transientErrors)))) {
      finalStatus = 'ABANDONED';
      break;
    }
  }

  let server: ServerMetrics = {};
  let resultFetchMs: number | null = null;
  let resultRead: boolean | undefined;
  let images: number | undefined;
  if (finalStatus === 'COMPLETED') {
    const result = await job.get('getRequestResult', responseUrl);
    resultFetchMs = round1(result.atMs - result.sentMs);
    // as for a status read, the code of a result read is an assumption (getRequestResult:success): any 2xx is read
    const read = result.kind === 'answer' && isSuccessCode(result.status);
    images = imagesOf(read ? result.json : undefined, body);
    if (read) {
      server = serverMetricsOf(result.json);
      recordCharges(job, result, server);
      resultRead = true;
      finalCode = result.status;
    } else {
      // the vendor finished (and billed) the job; only our read of it failed: completed, result unread
      server = serverMetricsOf(lastBody);
      resultRead = false;
      finalCode = result.kind === 'answer' ? result.status : 0;
      if (result.kind === 'failure') lastError = result.code;
    }
  } else if (finalStatus === 'FAILED') {
    server = serverMetricsOf(lastBody); // the 422 body carries the timings (reference §1.5)
  }
  if (server.inference_time_s !== undefined) env.learned.set(ctx.model, learnInferenceMs(env.learned.get(ctx.model), server.inference_time_s * 1000));

  const queue = estimateQueueWait(submitSentMs, observations, server.inference_time_s);
  const end = estimateCompletion(submitSentMs, observations);
  const processing = queue && end ? estimateProcessing(queue, end) : null;
  const terminal = observations.find((o) => o.status === 'COMPLETED' || o.status === 'FAILED');
  return finish({
    queue_wait_est_ms: queue ? round1(queue.estimateMs) : null,
    queue_wait_bound_ms: queue ? round1(queue.boundMs) : null,
    e2e_ms: terminal ? round1(terminal.at_ms - submitSentMs) : null,
    e2e_est_ms: end ? round1(end.estimateMs) : null,
    e2e_bound_ms: end ? round1(end.boundMs) : null,
    processing_est_ms: processing && finalStatus === 'COMPLETED' ? round1(processing.estimateMs) : null,
    processing_bound_ms: processing && finalStatus === 'COMPLETED' ? round1(processing.boundMs) : null,
    result_fetch_ms: resultFetchMs,
    ...(resultRead !== undefined ? { result_read: resultRead } : {}),
    ...(images !== undefined ? { images } : {}),
    server,
    final_status: finalStatus,
    final_code: finalCode,
    ...(lastError && finalStatus !== 'COMPLETED' ? { error: lastError } : lastError && resultRead === false ? { error: lastError } : {}),
  });
}

/** v1: one request that answers with the image; the server's x-generation-time is its inference time. */
export async function runSyncJob(env: JobEnv, ctx: JobContext): Promise<JobRecord | null> {
  const job = new JobRun(env, ctx, 'v1');
  const body = payloadFor(ctx.model, ctx.jobIndex, env.seed);
  const reservation = env.budget.tryReserve({ operation: 'generateSync', model: ctx.model, ref: String(ctx.jobIndex) });
  if (!reservation) return null;
  const res = await job.send('generateSync', { method: 'POST', url: `${env.baseUrl}/v1/${ctx.model}`, headers: job.headers(true), body: JSON.stringify(body) });
  settle(job, reservation, res);
  const latencyMs = round1(res.atMs - res.sentMs);
  const ok = res.kind === 'answer' && res.status === 200;
  const server: { inference_time_s?: number; cost?: number } = {};
  if (ok) {
    const generation = Number(res.headers['x-generation-time']);
    const cost = Number(res.headers['x-cost']);
    const remaining = Number(res.headers['x-remaining-credits']);
    if (res.headers['x-generation-time'] !== undefined && Number.isFinite(generation)) server.inference_time_s = generation;
    if (res.headers['x-cost'] !== undefined && Number.isFinite(cost)) {
      server.cost = cost;
      charge(job, 'x-cost', cost);
    }
    if (res.headers['x-remaining-credits'] !== undefined && Number.isFinite(remaining)) env.budget.recordCharge('x-remaining-credits', remaining, String(ctx.jobIndex));
  }
  const finalStatus: JobRecord['final_status'] = ok ? 'COMPLETED' : res.kind === 'failure' ? (res.failure === 'refused' ? 'ERROR' : 'UNKNOWN') : 'ERROR';
  return {
    request_id: res.kind === 'answer' ? (res.headers['x-request-id'] ?? null) : null,
    model: ctx.model,
    api: 'v1',
    stage: ctx.stage,
    params_digest: paramsDigest(body),
    poll_strategy: 'none',
    submit_at_ms: round1(res.sentMs),
    submit_latency_ms: latencyMs,
    observations: [],
    polls: 0,
    queue_wait_est_ms: null,
    queue_wait_bound_ms: null,
    e2e_ms: ok ? latencyMs : null,
    result_fetch_ms: null,
    server,
    final_status: finalStatus,
    final_code: res.kind === 'answer' ? res.status : 0,
    validation_errors: job.validationErrors,
    ...(job.validationFindings > 0 ? { validation_findings: job.validationFindings } : {}),
    job_index: ctx.jobIndex,
    ...(ok ? { images: imagesOf(undefined, body) } : {}),
    ...(res.kind === 'failure' ? { error: res.code } : {}),
  };
}
