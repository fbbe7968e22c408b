// When to poll next. Two strategies, compared side by side in the same run (bench/load-accuracy.bench.ts):
//
// fixed     The official SDK's loop: GET status at once, then sleep 1 s after every answer that is not terminal
//           (reference §4.3, AsyncJob.wait interval=1.0). Its queue-wait resolution is ±0.5 s, and it keeps
//           polling every second while the job runs on the GPU, where the answer is known in advance to be
//           "PROCESSING".
// adaptive  Scheduled from the expected inference time S (learned from the server's own metrics.inference_time):
//           - one poll at once, which settles the jobs that a free worker took immediately;
//           - while QUEUED, gaps of a fraction of S with ±50 % jitter: the resolution scales with the time scale of
//             the service, and the jitter spreads the poll instants over the time axis, so that the run's intervals
//             together show the shape of the wait distribution (load/pooled-queue-wait.ts uses it to remove the
//             bias every midpoint has where that density slopes);
//           - once PROCESSING is seen, sleep until the predicted end (estimated start + S + a margin): a poll during
//             the run says nothing new;
//           - if still running, short gaps until the end.
// Every gap is at least `minGapMs`, which the caller sets from the target's rate limit.

export type PollStrategy = 'fixed' | 'adaptive';

export interface PollPlan {
  readonly strategy: PollStrategy;
  /** fixed: the gap after each non-terminal answer; the SDK's DEFAULT_POLL_INTERVAL_S = 1.0 */
  readonly fixedIntervalMs: number;
  /** adaptive: queued-phase gap as a fraction of the expected inference time… */
  readonly queueGapFraction: number;
  /** …but never coarser than this: the queue-wait resolution is never worse than the SDK's */
  readonly maxQueueGapMs: number;
  /** adaptive: the predicted end is start + S × (1 + endMarginFraction) */
  readonly endMarginFraction: number;
  /** adaptive: gap while a job runs past its predicted end, as a fraction of S */
  readonly overrunGapFraction: number;
  /** every gap is at least this (rate limit, politeness) */
  readonly minGapMs: number;
  /** and at most this */
  readonly maxGapMs: number;
}

export const SDK_POLL_INTERVAL_MS = 1000;

export function defaultPollPlan(strategy: PollStrategy, minGapMs = 10, fixedIntervalMs = SDK_POLL_INTERVAL_MS): PollPlan {
  return {
    strategy,
    fixedIntervalMs,
    // 0.3 × S, at most 600 ms, jittered ×0.5–1.5: finer than the SDK's 1 s (widest gap 0.9 s) and still fewer polls
    // per job, because the run itself is not polled (simulated at 2 s service, 2 workers, ρ 0.7: median 3 polls,
    // mean 4.25, vs the SDK's 4 and 4.6; bench/load-polling-sim.bench.ts)
    queueGapFraction: 0.3,
    maxQueueGapMs: 600,
    endMarginFraction: 0.15,
    overrunGapFraction: 0.1,
    minGapMs,
    maxGapMs: 5000,
  };
}

export interface PollProgress {
  /** ms since the submit was sent */
  readonly elapsedMs: number;
  /** status polls answered so far */
  readonly polls: number;
  /** the last status a poll saw, null before the first */
  readonly lastStatus: string | null;
  /** how many polls have seen PROCESSING */
  readonly processingPolls: number;
  /** midpoint of the interval the start is known to lie in (estimate.ts), when PROCESSING has been seen */
  readonly startEstimateMs: number | null;
  /** expected inference time for this model, ms */
  readonly expectedInferenceMs: number;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), Math.max(low, high));
}

/** ms to wait before the next status poll; `u` is a uniform draw in [0, 1) for the jitter. */
export function nextPollDelayMs(plan: PollPlan, progress: PollProgress, u: number): number {
  if (progress.polls === 0) return 0;
  if (plan.strategy === 'fixed') return Math.max(plan.minGapMs, plan.fixedIntervalMs);
  const s = Math.max(1, progress.expectedInferenceMs);
  if (progress.lastStatus === 'PROCESSING') {
    if (progress.processingPolls <= 1 && progress.startEstimateMs !== null) {
      const predictedEndMs = progress.startEstimateMs + s + Math.min(s * plan.endMarginFraction, plan.maxQueueGapMs);
      return clamp(predictedEndMs - progress.elapsedMs, plan.minGapMs, Number.POSITIVE_INFINITY);
    }
    return clamp(plan.overrunGapFraction * s, plan.minGapMs, Math.min(plan.maxGapMs, plan.maxQueueGapMs));
  }
  const gap = clamp(plan.queueGapFraction * s, plan.minGapMs, Math.min(plan.maxGapMs, plan.maxQueueGapMs));
  return Math.max(plan.minGapMs, gap * (0.5 + u));
}

/** Exponentially weighted running estimate of a model's inference time, from the server's metrics. */
export function learnInferenceMs(previousMs: number | undefined, sampleMs: number, weight = 0.2): number {
  if (!(sampleMs >= 0)) return previousMs ?? 0;
  return previousMs === undefined ? sampleMs : previousMs + weight * (sampleMs - previousMs);
}

/**
 * The smallest gap between two requests of one job that keeps the whole run under a per-key limit of `rpm`
 * requests per minute when `concurrentJobs` jobs poll at once (Segmind: 5 / 50 RPM by plan, reference §1.5).
 * 0 when there is no limit.
 */
export function rateLimitGapMs(rpm: number, concurrentJobs: number): number {
  if (!(rpm > 0)) return 0;
  return Math.ceil((60_000 * Math.max(1, concurrentJobs)) / rpm);
}

/**
 * How long to back off after a 429. Segmind sends x-rate-limit-reset-at-utc and no Retry-After (reference §1.5);
 * honour the reset instant when it parses and lies ahead, else back off `fallbackMs`.
 */
export function backoffAfter429Ms(resetAtUtc: string | undefined, nowMs: number, fallbackMs = 1000): number {
  if (resetAtUtc) {
    const trimmed = resetAtUtc.trim();
    const asNumber = Number(trimmed);
    // epoch seconds, epoch ms, or a date string
    const at = Number.isFinite(asNumber) ? (asNumber < 1e12 ? asNumber * 1000 : asNumber) : Date.parse(trimmed);
    if (Number.isFinite(at) && at > nowMs) return Math.min(at - nowMs, 60_000);
  }
  return fallbackMs;
}
