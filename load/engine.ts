// The scheduler: runs a scenario's stages over the job runner (job.ts). A small scheduler over a pooled client, in
// the manner of autocannon: measuring here, printing elsewhere (the caller renders `progress` snapshots).
//
// Open model (v2): the whole arrival schedule is computed before the first request (schedule.ts: seeded Poisson or
// even, constant or ramped, one stage after another), and each job starts at its own instant whatever else is in
// flight — no coordinated omission. The lag between a job's instant and the moment its submit really left (was written
// on a socket) is measured for every job; a start later than LATE_THRESHOLD_MS is counted late (a --vus cap on jobs
// in flight, all connections busy, or an event loop too busy to keep up makes one).
// Closed model (v1): N clients, each sending its next request when the previous answer is in.
//
// Stopping: `stop()` (SIGINT/SIGTERM) ends arrivals at once and gives the jobs in flight `graceMs` to finish, then
// abandons them; the overall deadline and an unreachable target abandon them at once. Either way every job that
// started ends as a record, and `run()` resolves.
import { judgeResponse } from '../core/conformance.ts';
import type { JobRecord } from '../core/result-files.ts';
import { OPERATIONS } from '../core/spec.ts';
import type { JobLabels } from './events.ts';
import { Pauses, payloadFor, runAsyncJob, runSyncJob, strategyFor, type JobEnv } from './job.ts';
import { nowMs } from './http.ts';
import type { PollChoice, StageSpec } from './scenarios/index.ts';
import { arrivalOffsetsMs, inSegment, uniformAt, type Segment } from './schedule.ts';
import type { RunStats } from './stats.ts';

export interface EngineOptions {
  readonly stages: readonly StageSpec[];
  readonly models: readonly string[];
  readonly seed: number;
  readonly poll: PollChoice;
  readonly segment?: Segment;
  /** open model: at most this many jobs in flight (a start that must wait is late); undefined = no cap */
  readonly maxInFlight?: number;
  readonly graceMs: number;
  /** ms after the start by which everything must be over */
  readonly deadlineMs: number;
  readonly onJob: (job: JobRecord) => void;
  /** the common start instant of a split test's instances (epoch ms, `--start-at`): arrivals are due from then */
  readonly startAtEpochMs?: number;
}

export type StopReason = 'signal' | 'deadline' | 'target-unreachable';

export interface EngineOutcome {
  readonly startedAtMs: number;
  readonly finishedAtMs: number;
  readonly stopped?: { readonly reason: StopReason; readonly atMs: number };
  /** submit instants of each open stage's jobs (client clock), for the arrival statistics */
  readonly submitsByStage: ReadonlyMap<string, number[]>;
}

interface Arrival {
  readonly dueMs: number;
  readonly stage: string;
  readonly jobIndex: number;
  readonly model: string;
}

function warmUpJudge(): void {
  for (const op of OPERATIONS) {
    for (const [status, entry] of Object.entries(op.responses)) {
      for (const mediaType of Object.keys(entry.content)) judgeResponse(op.operationId, { status: Number(status), headers: {}, mediaType, json: {} });
    }
  }
}

/** A job index unique across stages: the stage's position in the high digits. */
export function jobIndexOf(stageIndex: number, i: number): number {
  return stageIndex * 1_000_000 + i;
}

/** Every open-stage arrival of the run (this segment's share), in time order, ms after the run's start. */
export function openArrivals(stages: readonly StageSpec[], models: readonly string[], seed: number, segment?: Segment): Arrival[] {
  const out: Arrival[] = [];
  stages.forEach((stage, index) => {
    if (stage.kind !== 'open') return;
    const offsets = arrivalOffsetsMs(stage.arrivals, stage.rate, stage.durationS, seed + index * 7919, stage.rateTo ?? stage.rate);
    offsets.forEach((offset, i) => {
      const jobIndex = jobIndexOf(index, i);
      if (!inSegment(segment, seed, jobIndex)) return;
      // A seeded coin per job splits the stream over models: thinning a Poisson process gives Poisson processes,
      // while round-robin would hand each model every n-th arrival (Erlang-n gaps) and understate its queue.
      const model = models[Math.floor(uniformAt(seed ^ 0x51ed27, jobIndex) * models.length)]!;
      out.push({ dueMs: stage.startS * 1000 + offset, stage: stage.tag, jobIndex, model });
    });
  });
  return out.sort((a, b) => a.dueMs - b.dueMs);
}

export class LoadEngine {
  readonly #stopArrivals = new AbortController();
  readonly #abandon: AbortController;
  #stopped: EngineOutcome['stopped'];
  #graceTimer: NodeJS.Timeout | undefined;
  #t0 = 0;
  readonly #inFlight = new Set<Promise<unknown>>();
  #drained: (() => void) | undefined;
  readonly #submits = new Map<string, number[]>();

  constructor(
    private readonly options: EngineOptions,
    private readonly env: Omit<JobEnv, 'pauses'> & { readonly stats: RunStats },
    abandon: AbortController,
  ) {
    this.#abandon = abandon;
  }

  get stats(): RunStats {
    return this.env.stats;
  }

  /** ms since the run started (0 before). */
  elapsedMs(): number {
    return this.#t0 === 0 ? 0 : nowMs() - this.#t0;
  }

  /** Stops arrivals now; in-flight jobs get the grace (or none, for a deadline or a dead target). */
  stop(reason: StopReason): void {
    if (!this.#stopped) this.#stopped = { reason, atMs: nowMs() };
    this.#stopArrivals.abort();
    if (reason === 'signal') {
      this.#graceTimer ??= setTimeout(() => this.#abandon.abort(), this.options.graceMs);
      this.#graceTimer.unref();
    } else {
      this.#abandon.abort();
    }
  }

  async run(): Promise<EngineOutcome> {
    const pauses = new Pauses();
    this.#abandon.signal.addEventListener('abort', () => pauses.abandon(), { once: true });
    if (this.#abandon.signal.aborted) pauses.abandon();
    const env: JobEnv = { ...this.env, pauses };
    const { options } = this;
    const arrivals = openArrivals(options.stages, options.models, options.seed, options.segment);
    this.env.stats.scheduled = arrivals.length;
    // the first jobs' one-time costs (the spec's example payloads, the judge's tables and validators, compiled by V8
    // on first use) are paid before the clock starts, not by the first arrivals
    for (const model of options.models) payloadFor(model, 0, options.seed);
    warmUpJudge();
    // a split test's instances share one start instant, so their arrivals interleave as one process; the instant is
    // t0 itself (not the moment the wait ended), so every instance's schedule sits on the same time axis
    if (options.startAtEpochMs !== undefined) await this.#waitUntil(options.startAtEpochMs);
    this.#t0 = options.startAtEpochMs ?? nowMs();
    const deadline = setTimeout(() => this.stop('deadline'), options.deadlineMs);
    deadline.unref();
    try {
      await Promise.all([this.#runOpen(env, arrivals), ...options.stages.map((stage, index) => (stage.kind === 'closed' ? this.#runClosed(env, stage, index) : Promise.resolve()))]);
      // one waiter for the last job (Promise.race over the set would add a reaction to every job in flight per call)
      if (this.#inFlight.size > 0) await new Promise<void>((resolve) => (this.#drained = resolve));
    } finally {
      clearTimeout(deadline);
      if (this.#graceTimer) clearTimeout(this.#graceTimer);
    }
    return { startedAtMs: this.#t0, finishedAtMs: nowMs(), ...(this.#stopped ? { stopped: this.#stopped } : {}), submitsByStage: this.#submits };
  }

  /** Waits for an epoch instant (a stop ends the wait); the last stretch on setImmediate, as arrivals do. */
  async #waitUntil(epochMs: number): Promise<void> {
    const signal = this.#stopArrivals.signal;
    while (!signal.aborted) {
      const remaining = epochMs - nowMs();
      if (remaining <= 0) return;
      await new Promise<void>((resolve) => {
        const done = (): void => {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          resolve();
        };
        const timer = setTimeout(done, remaining > 2 ? Math.min(remaining - 1.5, 60_000) : 0);
        signal.addEventListener('abort', done, { once: true });
      });
    }
  }

  /** `dueMs`: the job's scheduled instant (ms after the start) for an open-model arrival, whose lag is then measured. */
  #track(job: Promise<JobRecord | null>, labels: JobLabels, dueMs?: number): Promise<JobRecord | null> {
    const { events } = this.env;
    const settled = (): void => {
      this.#inFlight.delete(tracked);
      if (this.#inFlight.size === 0) this.#drained?.();
    };
    const tracked: Promise<JobRecord | null> = job.then(
      (finished) => {
        let record = finished;
        settled();
        if (!record) {
          events.emit('job-gone', labels, 'budget');
          this.#release();
          return null;
        }
        if (dueMs !== undefined) {
          const lagMs = record.submit_at_ms - (this.#t0 + dueMs);
          events.emit('start-lag', lagMs);
          record = { ...record, start_lag_ms: Math.round(lagMs * 100) / 100 };
        }
        if (labels.api === 'v2') {
          const submits = this.#submits.get(labels.stage) ?? [];
          submits.push(record.submit_at_ms);
          this.#submits.set(labels.stage, submits);
        }
        events.emit('job-end', record);
        this.options.onJob(record);
        this.#release();
        return record;
      },
      (err: unknown) => {
        settled();
        events.emit('job-gone', labels, 'crashed');
        throw err;
      },
    );
    this.#inFlight.add(tracked);
    return tracked;
  }

  #waiting: (() => void)[] = [];
  #release(): void {
    this.#waiting.shift()?.();
  }

  async #slot(): Promise<void> {
    const cap = this.options.maxInFlight;
    while (cap !== undefined && this.env.stats.inFlight >= cap && !this.#stopArrivals.signal.aborted) {
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    }
  }

  /** Starts each arrival at its instant: one timer to the next instant, then a tight turn of the event loop. */
  #runOpen(env: JobEnv, arrivals: readonly Arrival[]): Promise<void> {
    if (arrivals.length === 0) return Promise.resolve();
    const signal = this.#stopArrivals.signal;
    return new Promise<void>((resolve) => {
      let next = 0;
      let timer: NodeJS.Timeout | undefined;
      const finish = (): void => {
        if (timer) clearTimeout(timer);
        this.env.stats.skippedStopped += arrivals.length - next;
        signal.removeEventListener('abort', finish);
        resolve();
      };
      signal.addEventListener('abort', finish, { once: true });
      const tick = async (): Promise<void> => {
        timer = undefined;
        while (next < arrivals.length && !signal.aborted) {
          const arrival = arrivals[next]!;
          const remaining = arrival.dueMs - (nowMs() - this.#t0);
          if (remaining > 0) {
            // a timer wakes a millisecond or two late; wake early and take the last stretch on setImmediate
            if (remaining > 2) timer = setTimeout(() => void tick(), remaining - 1.5);
            else setImmediate(() => void tick());
            return;
          }
          if (this.options.maxInFlight !== undefined && this.env.stats.inFlight >= this.options.maxInFlight) {
            await this.#slot();
            if (signal.aborted) return;
          }
          next++;
          const labels: JobLabels = { model: arrival.model, api: 'v2', stage: arrival.stage };
          this.env.events.emit('job-start', labels);
          const strategy = strategyFor(this.options.poll, this.options.seed, arrival.jobIndex);
          void this.#track(runAsyncJob(env, { model: arrival.model, stage: arrival.stage, jobIndex: arrival.jobIndex }, strategy), labels, arrival.dueMs);
        }
        if (!signal.aborted) finish();
      };
      void tick();
    });
  }

  /** N clients back to back until the stage's end (or its iterations, or a stop). */
  async #runClosed(env: JobEnv, stage: Extract<StageSpec, { kind: 'closed' }>, stageIndex: number): Promise<void> {
    const signal = this.#stopArrivals.signal;
    const { segment } = this.options;
    const mine = (i: number): boolean => !segment || i % segment.count === segment.index;
    const startDelay = stage.startS * 1000 - this.elapsedMs();
    if (startDelay > 0) await new Promise((resolve) => setTimeout(resolve, startDelay));
    const endMs = this.#t0 + (stage.startS + stage.durationS) * 1000;
    let counter = 0;
    const nextIndex = (): number | undefined => {
      for (;;) {
        const i = counter++;
        if (stage.iterations !== undefined && i >= stage.iterations) return undefined;
        if (mine(i)) return i;
      }
    };
    const clients = Array.from({ length: stage.clients }, (_, k) => k).filter((k) => stage.iterations !== undefined || mine(k));
    await Promise.all(
      clients.map(async () => {
        for (;;) {
          if (signal.aborted || nowMs() >= endMs) return;
          const i = nextIndex();
          if (i === undefined) return;
          const jobIndex = jobIndexOf(stageIndex, i);
          const model = this.options.models[i % this.options.models.length]!;
          this.env.stats.scheduled++;
          const labels: JobLabels = { model, api: 'v1', stage: stage.tag };
          this.env.events.emit('job-start', labels);
          // null: the budget is spent — this client is done
          if (!(await this.#track(runSyncJob(env, { model, stage: stage.tag, jobIndex }), labels))) return;
        }
      }),
    );
  }
}
