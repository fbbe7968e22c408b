// One job, end to end, as a client sees it: v2 submit → poll the status → fetch the result (or v1 in one request).
// Every response is judged against the contract (validate.ts), every sample is tagged, and every job leaves one
// JSON line on the console (marked JOB_LINE_MARKER) that `infercheck load` turns into jobs.ndjson — k6 cannot write
// files from VUs. Polls use http.asyncRequest and timers, so a waiting job never blocks the VU's event loop
// (anchors §3.1: grafana/k6#2825, zitadel/zitadel#12651).
import http from 'k6/http';
import { sha256 } from 'k6/crypto';
import { setTimeout } from 'k6/timers';
import type { RunConfig } from './config.ts';
import { estimateCompletion, estimateQueueWait, type Observation } from './estimate.ts';
import * as m from './metrics.ts';
import { backoffAfter429Ms, defaultPollPlan, learnInferenceMs, nextPollDelayMs, rateLimitGapMs, type PollStrategy } from './poll.ts';
import { uniformAt } from './rng.ts';
import { judgeResponse, parseOnly, type OperationId, type ResponseView } from './validate.ts';

export const JOB_LINE_MARKER = '@@infercheck-job ';

export interface JobContext {
  readonly model: string;
  readonly stage: string;
  /** unique in the run (all instances): drives the payload's seed and the polling jitter */
  readonly jobIndex: number;
}

type Tags = Record<string, string>;

// The pages' own example payloads (spec requestBodies Txt2Img examples, seed pages lines 28-39), fetched by model.
const PAYLOADS: Readonly<Record<string, Record<string, unknown>>> = {
  'sd1.5-scifi': {
    prompt: 'futuristic sci-fi high-tech city of Atlantis in late afternoon light, wispy clouds in a blue sky',
    negative_prompt: 'blurry, blurred, amateur, ugly, low quality, sketch, low resolution, warped, crooked, deformed, cartoony, low detail',
    scheduler: 'dpmpp_2m',
    num_inference_steps: 30,
    guidance_scale: 5,
    samples: 1,
    img_width: 512,
    img_height: 768,
    base64: false,
  },
  'sd1.5-epicrealism': {
    prompt: 'RAW commercial photo the pretty instagram fashion model, ((smiling)), in the red full wrap around dress posing',
    negative_prompt: 'airbrushed, 3d, render, painting, anime, manga, illustration, deformed, distorted, disfigured, poorly drawn',
    scheduler: 'dpmpp_sde_ancestral',
    num_inference_steps: 25,
    guidance_scale: 9,
    samples: 1,
    img_width: 512,
    img_height: 768,
    base64: false,
  },
};

/** The body of job `jobIndex`: the model's page example with a seed of its own, so every image differs. */
export function payloadFor(model: string, jobIndex: number, runSeed: number): Record<string, unknown> {
  const base = PAYLOADS[model] ?? { prompt: 'a lighthouse on a cliff at dusk, oil painting' };
  return { ...base, seed: (runSeed * 1_000_003 + jobIndex) % 4_294_967_296 };
}

function paramsDigest(body: Record<string, unknown>): string {
  const canonical = JSON.stringify(Object.keys(body).sort().map((k) => [k, body[k]]));
  return `sha256:${sha256(canonical, 'hex').slice(0, 16)}`;
}

const sleepMs = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

function view(res: http.RefinedResponse<'text'>): ResponseView {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.headers)) headers[name] = String(value);
  const contentType = (headers['Content-Type'] ?? headers['content-type'] ?? '').toLowerCase();
  const textual = contentType.includes('json') || contentType.includes('text');
  return { status: res.status, headers, bodyText: textual && typeof res.body === 'string' ? res.body : null };
}

/** Count the code, judge the body; returns the parsed JSON body (or undefined) and the number of failures. */
// responses judged so far in the current job (one VU runs one job at a time): added to the counter once per job,
// not once per response, to keep the metric pipeline's cost off the hot path
let validatedInJob = 0;

function flushValidated(tags: Tags): void {
  if (validatedInJob > 0) m.validatedResponses.add(validatedInJob, tags);
  validatedInJob = 0;
}

function account(cfg: RunConfig, operationId: OperationId, res: http.RefinedResponse<'text'>, tags: Tags): { json: unknown; failures: number } {
  m.httpCodes.add(1, { ...tags, code: String(res.status), endpoint: operationId });
  if (res.status === 429) m.rateLimited.add(1, { ...tags, endpoint: operationId });
  const v = view(res);
  if (!cfg.validate) return { json: parseOnly(v).json, failures: 0 };
  const judged = judgeResponse(operationId, v);
  validatedInJob++;
  for (const failure of judged.failures) {
    m.validationFailures.add(1, { ...tags, operation: operationId, kind: failure.kind });
  }
  if (judged.failures.length > 0) console.warn(`contract: ${judged.failures[0]!.message}`);
  return { json: judged.json, failures: judged.failures.length };
}

function header(res: http.RefinedResponse<'text'>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(res.headers)) if (key.toLowerCase() === wanted) return String(value);
  return undefined;
}

interface ServerMetrics {
  queue_time_s?: number;
  inference_time_s?: number;
  total_time_s?: number;
  cost?: number;
}

function serverMetricsOf(json: unknown): ServerMetrics {
  const metrics = (json as { metrics?: Record<string, unknown> } | undefined)?.metrics;
  if (!metrics || typeof metrics !== 'object') return {};
  const pick = (key: string): number | undefined => (typeof metrics[key] === 'number' ? (metrics[key] as number) : undefined);
  const out: ServerMetrics = {};
  const q = pick('queue_time');
  const i = pick('inference_time');
  const t = pick('total_time');
  const c = pick('cost');
  if (q !== undefined) out.queue_time_s = q;
  if (i !== undefined) out.inference_time_s = i;
  if (t !== undefined) out.total_time_s = t;
  if (c !== undefined) out.cost = c;
  return out;
}

function addServerMetrics(server: ServerMetrics, tags: Tags): void {
  if (server.queue_time_s !== undefined) m.serverQueueTime.add(server.queue_time_s * 1000, tags);
  if (server.inference_time_s !== undefined) m.serverInferenceTime.add(server.inference_time_s * 1000, tags);
  if (server.total_time_s !== undefined) m.serverTotalTime.add(server.total_time_s * 1000, tags);
}

function emit(record: Record<string, unknown>): void {
  flushValidated({ model: String(record['model']), api: String(record['api']), stage: String(record['stage']) });
  console.log(JOB_LINE_MARKER + JSON.stringify(record));
}

// Learned per VU (each VU is its own JS runtime): the running inference time of each model.
const learnedInferenceMs: Record<string, number> = {};

/** Picks the polling strategy of job `jobIndex`: one of them, or both (a seeded coin per job, side by side on one queue). */
export function strategyFor(cfg: RunConfig, jobIndex: number): PollStrategy {
  if (cfg.poll !== 'both') return cfg.poll;
  return uniformAt(cfg.seed ^ 0x2545f491, jobIndex) < 0.5 ? 'adaptive' : 'fixed';
}

function requestParams(cfg: RunConfig, tags: Tags, name: string): http.RefinedParams<'text'> {
  return {
    headers: { 'x-api-key': cfg.apiKey, 'content-type': 'application/json' },
    tags: { ...tags, name },
    responseType: 'text',
    timeout: '60s',
  };
}

/** v2: submit, poll, fetch. Never re-submits (a second POST is a second billable job, reference §1.5). */
export async function runAsyncJob(cfg: RunConfig, ctx: JobContext, strategy: PollStrategy, concurrentJobs: number): Promise<void> {
  const tags: Tags = { model: ctx.model, api: 'v2', stage: ctx.stage, poll: strategy };
  const body = payloadFor(ctx.model, ctx.jobIndex, cfg.seed);
  const plan = defaultPollPlan(strategy, Math.max(cfg.minPollGapMs, rateLimitGapMs(cfg.rpm, concurrentJobs)));
  const deadline = Date.now() + cfg.jobTimeoutS * 1000;
  let validationErrors = 0;

  const submitSentMs = Date.now();
  const submit = await http.asyncRequest('POST', `${cfg.baseUrl}/v2/${ctx.model}`, JSON.stringify(body), requestParams(cfg, tags, 'submit'));
  const submitLatencyMs = Date.now() - submitSentMs;
  m.jobs.add(1, tags);
  m.submitLatency.add(submitLatencyMs, tags);
  const judgedSubmit = account(cfg, 'submitAsync', submit, tags);
  validationErrors += judgedSubmit.failures;
  const accepted = judgedSubmit.json as { request_id?: string; status_url?: string; response_url?: string } | undefined;

  const record = {
    request_id: null as string | null,
    model: ctx.model,
    api: 'v2',
    stage: ctx.stage,
    params_digest: paramsDigest(body),
    poll_strategy: strategy,
    submit_at_ms: submitSentMs,
    submit_latency_ms: submitLatencyMs,
    observations: [] as Observation[],
    polls: 0,
    queue_wait_est_ms: null as number | null,
    queue_wait_bound_ms: null as number | null,
    e2e_ms: null as number | null,
    result_fetch_ms: null as number | null,
    server: {} as ServerMetrics,
    final_status: 'ERROR' as string,
    final_code: submit.status,
    validation_errors: 0,
    job_index: ctx.jobIndex,
  };

  if (submit.status !== 200 || !accepted?.request_id || !accepted.status_url) {
    record.validation_errors = validationErrors;
    m.jobSuccess.add(false, tags);
    m.jobError.add(true, tags);
    emit(record);
    return;
  }
  record.request_id = accepted.request_id;
  const statusUrl = accepted.status_url;
  const responseUrl = accepted.response_url ?? statusUrl.replace(/\/status$/, '');

  let lastStatus: string | null = null;
  let processingPolls = 0;
  let statusBody: unknown;
  let transientErrors = 0;
  const expected = (): number => learnedInferenceMs[ctx.model] ?? cfg.expectedInferenceMs;
  for (;;) {
    const startEstimate = processingPolls > 0 ? estimateQueueWait(submitSentMs, record.observations) : null;
    const delay = nextPollDelayMs(
      plan,
      {
        elapsedMs: Date.now() - submitSentMs,
        polls: record.polls,
        lastStatus,
        processingPolls,
        startEstimateMs: startEstimate ? startEstimate.estimateMs : null,
        expectedInferenceMs: expected(),
      },
      uniformAt(cfg.seed ^ 0x9e3779b9, ctx.jobIndex * 1024 + record.polls),
    );
    if (Date.now() + delay > deadline) {
      record.final_status = 'TIMEOUT';
      m.jobTimeouts.add(1, tags);
      break;
    }
    await sleepMs(delay);
    const sentMs = Date.now();
    const res = await http.asyncRequest('GET', statusUrl, null, requestParams(cfg, tags, 'status'));
    const atMs = Date.now();
    record.polls++;
    m.polls.add(1, tags);
    const judged = account(cfg, 'getRequestStatus', res, tags);
    validationErrors += judged.failures;
    record.final_code = res.status;
    if (res.status === 429) {
      await sleepMs(backoffAfter429Ms(header(res, 'x-rate-limit-reset-at-utc'), atMs));
      continue;
    }
    const status = (judged.json as { status?: unknown } | undefined)?.status;
    if ((res.status === 200 || res.status === 422) && typeof status === 'string') {
      record.observations.push({ status, sent_ms: sentMs, at_ms: atMs, code: res.status });
      lastStatus = status;
      statusBody = judged.json;
      if (status === 'PROCESSING') processingPolls++;
      if (status === 'COMPLETED' || status === 'FAILED') {
        record.final_status = status;
        break;
      }
      continue;
    }
    // 404: the record is gone (expired or never known) — nothing more to learn; 5xx: polling is safe to retry
    if (res.status === 404 || ++transientErrors > 5) break;
    await sleepMs(Math.max(plan.minGapMs, 250 * transientErrors));
  }

  const terminal = record.observations.find((o) => o.status === 'COMPLETED' || o.status === 'FAILED');
  if (record.final_status === 'COMPLETED') {
    const fetchSentMs = Date.now();
    const result = await http.asyncRequest('GET', responseUrl, null, requestParams(cfg, tags, 'result'));
    record.result_fetch_ms = Date.now() - fetchSentMs;
    m.resultFetch.add(record.result_fetch_ms, tags);
    const judged = account(cfg, 'getRequestResult', result, tags);
    validationErrors += judged.failures;
    record.final_code = result.status;
    record.server = serverMetricsOf(judged.json);
    if (result.status !== 200) record.final_status = 'ERROR';
  } else if (record.final_status === 'FAILED') {
    record.server = serverMetricsOf(statusBody); // the 422 body carries the timings (reference §1.5)
  }
  if (record.server.inference_time_s !== undefined) {
    learnedInferenceMs[ctx.model] = learnInferenceMs(learnedInferenceMs[ctx.model], record.server.inference_time_s * 1000);
  }
  addServerMetrics(record.server, tags);

  const queue = estimateQueueWait(submitSentMs, record.observations, record.server.inference_time_s);
  if (queue) {
    record.queue_wait_est_ms = round(queue.estimateMs);
    record.queue_wait_bound_ms = round(queue.boundMs);
    m.queueWait.add(queue.estimateMs, tags);
    m.queueWaitBound.add(queue.boundMs, tags);
    const end = estimateCompletion(submitSentMs, record.observations);
    if (end && record.final_status === 'COMPLETED') m.processing.add(Math.max(0, end.estimateMs - queue.estimateMs), tags);
  }
  if (terminal) {
    record.e2e_ms = terminal.at_ms - submitSentMs;
    m.e2e.add(record.e2e_ms, tags);
  }
  m.pollsPerJob.add(record.polls, tags);
  const ok = record.final_status === 'COMPLETED';
  m.jobSuccess.add(ok, tags);
  m.jobError.add(!ok, tags);
  record.validation_errors = validationErrors;
  emit(record);
}

/** v1: one request that answers with the image; the server's x-generation-time is its inference time. */
export async function runSyncJob(cfg: RunConfig, ctx: JobContext): Promise<void> {
  const tags: Tags = { model: ctx.model, api: 'v1', stage: ctx.stage, poll: 'none' };
  const body = payloadFor(ctx.model, ctx.jobIndex, cfg.seed);
  const sentMs = Date.now();
  const res = await http.asyncRequest('POST', `${cfg.baseUrl}/v1/${ctx.model}`, JSON.stringify(body), requestParams(cfg, tags, 'generate'));
  const atMs = Date.now();
  const latencyMs = atMs - sentMs;
  m.jobs.add(1, tags);
  m.submitLatency.add(latencyMs, tags);
  const judged = account(cfg, 'generateSync', res, tags);
  const ok = res.status === 200;
  const server: ServerMetrics = {};
  const generation = Number(header(res, 'x-generation-time'));
  const cost = Number(header(res, 'x-cost'));
  if (ok && Number.isFinite(generation)) server.inference_time_s = generation;
  if (ok && Number.isFinite(cost)) server.cost = cost;
  addServerMetrics(server, tags);
  if (ok) m.e2e.add(latencyMs, tags);
  m.jobSuccess.add(ok, tags);
  m.jobError.add(!ok, tags);
  emit({
    request_id: header(res, 'x-request-id') ?? null,
    model: ctx.model,
    api: 'v1',
    stage: ctx.stage,
    params_digest: paramsDigest(body),
    poll_strategy: 'none',
    submit_at_ms: sentMs,
    submit_latency_ms: latencyMs,
    observations: [],
    polls: 0,
    queue_wait_est_ms: null,
    queue_wait_bound_ms: null,
    e2e_ms: ok ? latencyMs : null,
    result_fetch_ms: null,
    server,
    final_status: ok ? 'COMPLETED' : 'ERROR',
    final_code: res.status,
    validation_errors: judged.failures,
    job_index: ctx.jobIndex,
  });
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
