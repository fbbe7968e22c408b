// The pure core of the mock vendor: per-model FIFO queues served by N simulated GPU workers, a credits ledger, a
// per-key rate limiter and expiry. No sockets, no timers, no Date.now: time comes from an injected Clock and
// randomness from an injected Rng, so a fake clock drives it exactly (tests, the Erlang C check) and the HTTP shell
// drives it with the wall clock.
//
// Why no timers: in a FIFO queue with N identical servers, a job's start is fixed the moment it arrives — it goes
// to the worker that frees up first, at max(arrival, that worker's free time) — so the whole timeline
// (submitted → started → finished) is computed at submit and the status is a pure function of "now". Billing and
// counters are settled lazily, in finish order, at the start of every call (`settle`). Nothing runs in the
// background and nothing can go backwards: QUEUED → PROCESSING → COMPLETED | FAILED (spec x-infercheck-job-states).
//
// Money follows what the client received (issue 16): a job's cost is held at submit and billed only once its answer
// reached a live connection. A v2 job's answer (its request_id) is written in the same tick as the submit, so it is
// billed when the simulated GPU completes it. A v1 job's answer is the image itself, so it is billed when the shell
// writes that answer (`deliver`); a v1 client that goes away first costs nothing (`abandon`). The simulated GPU still
// spent the time — later jobs were scheduled behind it — so abandoning never rewrites the queue.
import type { Clock } from './clock.ts';
import type { LatencyModel, JobShape } from './latency.ts';
import { uint32, uuidV4, type Rng } from '../core/rng.ts';

export type JobStatus = 'QUEUED' | 'PROCESSING' | 'COMPLETED' | 'FAILED';
export type Api = 'v1' | 'v2';

export interface CoreConfig {
  readonly models: readonly string[];
  /** Workers per model: each model has its own queue and pool. */
  readonly workers: number;
  readonly latency: LatencyModel;
  readonly retentionMs: number;
  /** Starting balance of every key. */
  readonly credits: number;
  /** Requests per minute per key; 0 = unlimited. */
  readonly rpm: number;
  /** Lower-cased words; a prompt containing one fails with a content-policy error. */
  readonly raiBlock: readonly string[];
  /** Jobs waiting (not yet started) per model beyond which submit is refused. */
  readonly maxQueueDepth: number;
  /** Hard cap on stored records; beyond it the oldest are evicted early, so memory is bounded at any rate. */
  readonly maxRecords: number;
  /** Number of API keys (keys are referred to by index; the core never holds a key). */
  readonly keyCount: number;
}

export interface JobParams {
  readonly prompt: string;
  readonly steps: number;
  readonly width: number;
  readonly height: number;
  readonly samples: number;
  /** -1 draws one. */
  readonly seed: number;
  /** A digest of every parameter that shapes the picture, so the same request renders the same bytes. */
  readonly paramsDigest: number;
}

export interface Job {
  readonly id: string;
  readonly model: string;
  readonly modelIndex: number;
  readonly api: Api;
  readonly keyIndex: number;
  readonly submittedAt: number;
  readonly startedAt: number;
  readonly finishedAt: number;
  readonly worker: number;
  readonly coldStartMs: number;
  readonly inferenceMs: number;
  readonly cost: number;
  /** Set when the job will end FAILED. */
  readonly error: string | null;
  readonly seed: number;
  readonly width: number;
  readonly height: number;
  readonly samples: number;
  readonly paramsDigest: number;
  /** Balance right after this job was billed; null until billed, and for ever when it failed or was abandoned. */
  remainingCredits: number | null;
  settled: boolean;
  /** True while the job's cost is held against its key's balance (from submit until billed or released). */
  held: boolean;
  /** When the client went away before the job's answer was written (then nothing is billed); null otherwise. */
  abandonedAt: number | null;
  /** The shell's serialised COMPLETED status body for one base URL (immutable once terminal). */
  statusCache?: { base: string; body: string };
}

export type SubmitOutcome =
  | { readonly kind: 'accepted'; readonly job: Job }
  | { readonly kind: 'insufficient-credits'; readonly available: number; readonly cost: number }
  | { readonly kind: 'queue-full'; readonly depth: number; readonly limit: number };

export type RateOutcome = { readonly allowed: boolean; readonly resetAtMs: number; readonly remaining: number };

export interface Counters {
  requests: number;
  by_status: Record<string, number>;
  submitted: number;
  completed: number;
  failed: number;
  expired: number;
  evicted_early: number;
  rejected_queue_full: number;
  rejected_credits: number;
  rate_limited: number;
  billed_credits: number;
  /** Jobs whose client went away before their answer was written: not billed (`abandoned_at_ms` in the timeline). */
  abandoned: number;
  /** Requests whose client went away before the mock answered them (abandoned jobs included). */
  client_gone: number;
  /** Connections accepted over the connection cap (each request on them is answered 503). */
  rejected_connections: number;
}

export interface Timeline {
  readonly request_id: string;
  readonly model: string;
  readonly api: Api;
  readonly status: JobStatus;
  readonly submitted_at_ms: number;
  readonly started_at_ms: number | null;
  readonly finished_at_ms: number | null;
  readonly worker: number | null;
  readonly queue_ms: number | null;
  readonly inference_ms: number | null;
  /** Credits billed for this job; null until billed, and for ever when it failed or was abandoned. */
  readonly cost: number | null;
  readonly cold_start: boolean;
  readonly cold_start_ms: number;
  /** When its client went away before the answer was written (nothing billed); null otherwise. */
  readonly abandoned_at_ms: number | null;
}

/** Content-policy failure text (reference §2.5: the only evidence is a third-party `content_policy_violation`). */
export function contentPolicyError(word: string): string {
  return `content_policy_violation: the prompt contains a blocked term ("${word}")`;
}

/**
 * Credits one job costs. assumed: the vendor publishes no per-parameter price; 0.002 credits for one 512×512 image at
 * 20 steps (the spec's 406 example uses that figure), linear in pixels, steps and samples.
 */
export function jobCost(shape: JobShape): number {
  const cost = 0.002 * ((shape.width * shape.height) / (512 * 512)) * (shape.steps / 20) * shape.samples;
  return Math.round(cost * 1e6) / 1e6;
}

interface WorkerState {
  freeAt: number;
  used: boolean;
}

interface ModelState {
  readonly workers: WorkerState[];
  /** Start times of jobs not yet started, non-decreasing (FIFO): the queue depth is what is still > now. */
  readonly pendingStarts: number[];
  pendingHead: number;
}

interface Ledger {
  balance: number;
  held: number;
}

/** A binary min-heap of jobs by finish time: the order in which work is settled. */
class FinishHeap {
  readonly #items: Job[] = [];
  get size(): number {
    return this.#items.length;
  }
  peek(): Job | undefined {
    return this.#items[0];
  }
  push(job: Job): void {
    const items = this.#items;
    items.push(job);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (items[parent]!.finishedAt <= job.finishedAt) break;
      items[i] = items[parent]!;
      i = parent;
    }
    items[i] = job;
  }
  pop(): Job | undefined {
    const items = this.#items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        let value = last.finishedAt;
        if (left < items.length && items[left]!.finishedAt < value) {
          smallest = left;
          value = items[left]!.finishedAt;
        }
        if (right < items.length && items[right]!.finishedAt < value) smallest = right;
        if (smallest === i) break;
        items[i] = items[smallest]!;
        i = smallest;
      }
      items[i] = last;
    }
    return top;
  }
  clear(): void {
    this.#items.length = 0;
  }
}

function newCounters(): Counters {
  return {
    requests: 0,
    by_status: {},
    submitted: 0,
    completed: 0,
    failed: 0,
    expired: 0,
    evicted_early: 0,
    rejected_queue_full: 0,
    rejected_credits: 0,
    rate_limited: 0,
    billed_credits: 0,
    abandoned: 0,
    client_gone: 0,
    rejected_connections: 0,
  };
}

export class MockCore {
  readonly config: CoreConfig;
  readonly #clock: Clock;
  readonly #rng: Rng;
  #models: ModelState[] = [];
  #jobs = new Map<string, Job>();
  /**
   * The same jobs in submission order, as a queue with a head index: expiry and the record cap always remove the
   * oldest. (Walking the Map from its start instead would skip every deleted slot V8 has not compacted yet, which
   * made each call O(deleted records).)
   */
  #order: (Job | undefined)[] = [];
  #orderHead = 0;
  #unsettled = new FinishHeap();
  #ledgers: Ledger[] = [];
  #rate: { window: number; count: number }[] = [];
  #counters: Counters = newCounters();

  constructor(config: CoreConfig, clock: Clock, rng: Rng) {
    if (!(config.workers >= 1 && Number.isInteger(config.workers))) throw new Error(`workers must be a positive integer, got ${config.workers}`);
    this.config = config;
    this.#clock = clock;
    this.#rng = rng;
    this.reset();
  }

  now(): number {
    return this.#clock.now();
  }

  /** Clears records, counters, balances and rate windows; workers start cold again. */
  reset(): void {
    // A v1 answer still in flight must neither bill nor release against the new balances.
    for (const job of this.#jobs.values()) {
      job.held = false;
      job.settled = true;
    }
    this.#models = this.config.models.map(() => ({
      workers: Array.from({ length: this.config.workers }, () => ({ freeAt: 0, used: false })),
      pendingStarts: [],
      pendingHead: 0,
    }));
    this.#jobs = new Map();
    this.#order = [];
    this.#orderHead = 0;
    this.#unsettled.clear();
    this.#ledgers = Array.from({ length: this.config.keyCount }, () => ({ balance: this.config.credits, held: 0 }));
    this.#rate = Array.from({ length: this.config.keyCount }, () => ({ window: -1, count: 0 }));
    this.#counters = newCounters();
  }

  modelIndex(model: string): number {
    return this.config.models.indexOf(model);
  }

  /** Counts one vendor request against the key's per-minute window (fixed windows aligned to the UTC minute). */
  admit(keyIndex: number): RateOutcome {
    const now = this.now();
    const window = Math.floor(now / 60_000);
    const resetAtMs = (window + 1) * 60_000;
    const state = this.#rate[keyIndex];
    if (!state || this.config.rpm <= 0) return { allowed: true, resetAtMs, remaining: Number.POSITIVE_INFINITY };
    if (state.window !== window) {
      state.window = window;
      state.count = 0;
    }
    if (state.count >= this.config.rpm) {
      this.#counters.rate_limited++;
      return { allowed: false, resetAtMs, remaining: 0 };
    }
    state.count++;
    return { allowed: true, resetAtMs, remaining: this.config.rpm - state.count };
  }

  /** Records one HTTP answer in the counters (the shell calls this for every vendor response). */
  countResponse(status: number): void {
    this.#counters.requests++;
    const key = String(status);
    this.#counters.by_status[key] = (this.#counters.by_status[key] ?? 0) + 1;
  }

  /** Records requests the mock could not answer because their client went away first. */
  countClientGone(requests = 1): void {
    this.#counters.client_gone += requests;
  }

  /** Records a connection accepted over the connection cap. */
  countRejectedConnection(): void {
    this.#counters.rejected_connections++;
  }

  submit(model: string, api: Api, keyIndex: number, params: JobParams): SubmitOutcome {
    const now = this.now();
    this.settle();
    const modelIndex = this.modelIndex(model);
    const state = this.#models[modelIndex];
    const ledger = this.#ledgers[keyIndex];
    if (!state || !ledger) throw new Error(`core: unknown model ${model} or key #${keyIndex}`);

    const depth = this.#queueDepth(state, now);
    if (depth >= this.config.maxQueueDepth) {
      this.#counters.rejected_queue_full++;
      return { kind: 'queue-full', depth, limit: this.config.maxQueueDepth };
    }
    const shape: JobShape = { steps: params.steps, width: params.width, height: params.height, samples: params.samples };
    const cost = jobCost(shape);
    // reference §1.5: refused when the balance is below the cost, not only at zero; held credits count as spent.
    const available = ledger.balance - ledger.held;
    if (available < cost) {
      this.#counters.rejected_credits++;
      return { kind: 'insufficient-credits', available: Math.max(0, Math.round(available * 1e6) / 1e6), cost };
    }

    // FIFO with N identical servers: the job takes the worker that frees up first (lowest index on a tie).
    let worker = 0;
    for (let w = 1; w < state.workers.length; w++) {
      if (state.workers[w]!.freeAt < state.workers[worker]!.freeAt) worker = w;
    }
    const ws = state.workers[worker]!;
    const startedAt = Math.max(now, ws.freeAt);
    const cold = this.config.latency.coldStartMs > 0 && (!ws.used || startedAt - ws.freeAt > this.config.latency.idleColdMs);
    const coldStartMs = cold ? this.config.latency.coldStartMs : 0;
    const inferenceMs = Math.max(0.001, this.config.latency.inferenceMs(shape, this.#rng));
    const finishedAt = startedAt + coldStartMs + inferenceMs;
    ws.freeAt = finishedAt;
    ws.used = true;

    const seed = params.seed === -1 ? uint32(this.#rng) : params.seed;
    const lowered = params.prompt.toLowerCase();
    const blocked = this.config.raiBlock.find((word) => word.length > 0 && lowered.includes(word));
    const job: Job = {
      id: uuidV4(this.#rng),
      model,
      modelIndex,
      api,
      keyIndex,
      submittedAt: now,
      startedAt,
      finishedAt,
      worker,
      coldStartMs,
      inferenceMs,
      cost,
      error: blocked === undefined ? null : contentPolicyError(blocked),
      seed,
      width: params.width,
      height: params.height,
      samples: params.samples,
      paramsDigest: params.paramsDigest,
      remainingCredits: null,
      settled: false,
      held: true,
      abandonedAt: null,
    };
    ledger.held += cost;
    if (startedAt > now) state.pendingStarts.push(startedAt);
    this.#jobs.set(job.id, job);
    this.#order.push(job);
    this.#unsettled.push(job);
    this.#counters.submitted++;
    this.#enforceCap();
    return { kind: 'accepted', job };
  }

  /** The job as of now, or undefined when unknown, expired or evicted. */
  lookup(id: string): Job | undefined {
    this.settle();
    return this.#jobs.get(id);
  }

  statusOf(job: Job, now = this.now()): JobStatus {
    if (now < job.startedAt) return 'QUEUED';
    if (now < job.finishedAt) return 'PROCESSING';
    return job.error === null ? 'COMPLETED' : 'FAILED';
  }

  /** Current balance of a key (after every job finished by now was billed). */
  balance(keyIndex: number): number {
    this.settle();
    return this.#ledgers[keyIndex]?.balance ?? 0;
  }

  /**
   * A v1 job's answer is being written to a live connection: bill it now (it must have COMPLETED and not been
   * abandoned). Returns the balance right after, for `x-remaining-credits`; null when there is nothing to bill.
   */
  deliver(job: Job): number | null {
    this.settle();
    if (!job.settled || job.error !== null || job.abandonedAt !== null) return null;
    if (job.held) this.#bill(job);
    return job.remainingCredits;
  }

  /**
   * The client went away before the job's answer was written: release its held cost so it is never billed, and mark
   * it in the timeline. A no-op once the job was billed (the answer was already written) or abandoned.
   */
  abandon(job: Job): boolean {
    if (job.abandonedAt !== null || job.remainingCredits !== null) return false;
    job.abandonedAt = this.now();
    this.#counters.abandoned++;
    this.#release(job);
    return true;
  }

  #release(job: Job): void {
    if (!job.held) return;
    job.held = false;
    const ledger = this.#ledgers[job.keyIndex]!;
    ledger.held = Math.max(0, Math.round((ledger.held - job.cost) * 1e9) / 1e9);
  }

  #bill(job: Job): void {
    // reference §1.5: only successful work is billed.
    this.#release(job);
    const ledger = this.#ledgers[job.keyIndex]!;
    ledger.balance = Math.round((ledger.balance - job.cost) * 1e9) / 1e9;
    job.remainingCredits = ledger.balance;
    this.#counters.billed_credits = Math.round((this.#counters.billed_credits + job.cost) * 1e9) / 1e9;
  }

  /**
   * Settles finished jobs in finish order — failed ones release their hold, completed v2 jobs are billed (their
   * answer was written at submit), completed v1 jobs wait for `deliver` — and drops expired records. Idempotent;
   * cheap when nothing is due.
   */
  settle(): void {
    const now = this.now();
    for (let job = this.#unsettled.peek(); job && job.finishedAt <= now; job = this.#unsettled.peek()) {
      this.#unsettled.pop();
      if (job.error === null) {
        this.#counters.completed++;
        if (job.api === 'v2' && job.held) this.#bill(job);
      } else {
        this.#counters.failed++;
        this.#release(job);
      }
      job.settled = true;
    }
    // Records expire retentionMs after submission (spec conflict retention-anchor), oldest first.
    const cutoff = now - this.config.retentionMs;
    for (let job = this.#oldest(); job && job.submittedAt <= cutoff; job = this.#oldest()) {
      this.#dropOldest();
      if (this.#jobs.get(job.id) === job) {
        this.#jobs.delete(job.id);
        this.#counters.expired++;
      }
    }
  }

  #oldest(): Job | undefined {
    return this.#order[this.#orderHead];
  }

  #dropOldest(): void {
    this.#order[this.#orderHead++] = undefined;
    if (this.#orderHead > 4096 && this.#orderHead * 2 > this.#order.length) {
      this.#order = this.#order.slice(this.#orderHead);
      this.#orderHead = 0;
    }
  }

  #enforceCap(): void {
    while (this.#jobs.size > this.config.maxRecords) {
      const oldest = this.#oldest();
      if (!oldest) break;
      this.#dropOldest();
      if (this.#jobs.get(oldest.id) === oldest) {
        this.#jobs.delete(oldest.id);
        this.#counters.evicted_early++;
      }
    }
  }

  #queueDepth(state: ModelState, now: number): number {
    const starts = state.pendingStarts;
    while (state.pendingHead < starts.length && starts[state.pendingHead]! <= now) state.pendingHead++;
    if (state.pendingHead > 1024 && state.pendingHead * 2 > starts.length) {
      starts.splice(0, state.pendingHead);
      state.pendingHead = 0;
    }
    return starts.length - state.pendingHead;
  }

  timeline(job: Job, now = this.now()): Timeline {
    this.settle();
    const status = this.statusOf(job, now);
    const started = now >= job.startedAt;
    const finished = now >= job.finishedAt;
    return {
      request_id: job.id,
      model: job.model,
      api: job.api,
      status,
      submitted_at_ms: job.submittedAt,
      started_at_ms: started ? job.startedAt : null,
      finished_at_ms: finished ? job.finishedAt : null,
      worker: started ? job.worker : null,
      queue_ms: started ? job.startedAt - job.submittedAt : null,
      inference_ms: finished ? job.inferenceMs : null,
      cost: job.remainingCredits !== null ? job.cost : null,
      cold_start: job.coldStartMs > 0,
      cold_start_ms: job.coldStartMs,
      abandoned_at_ms: job.abandonedAt,
    };
  }

  timelines(sinceMs = 0, limit = 10_000): Timeline[] {
    this.settle();
    const now = this.now();
    const out: Timeline[] = [];
    for (const job of this.#jobs.values()) {
      if (job.submittedAt < sinceMs) continue;
      out.push(this.timeline(job, now));
      if (out.length >= limit) break;
    }
    return out;
  }

  stats(): { workers: number; models: Record<string, { queue_depth: number; busy_workers: number; workers: number }>; counters: Counters; records: number } {
    this.settle();
    const now = this.now();
    const models: Record<string, { queue_depth: number; busy_workers: number; workers: number }> = {};
    this.config.models.forEach((model, i) => {
      const state = this.#models[i]!;
      const depth = this.#queueDepth(state, now);
      // A worker is busy when it has work ending after now that has already started; with FIFO assignment a worker
      // whose freeAt > now is either running or has a queued job, and jobs only queue when every worker is booked.
      const booked = state.workers.filter((w) => w.freeAt > now).length;
      models[model] = { queue_depth: depth, busy_workers: booked, workers: state.workers.length };
    });
    return { workers: this.config.workers, models, counters: structuredClone(this.#counters), records: this.#jobs.size };
  }
}
