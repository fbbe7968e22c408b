// Honest queue-wait estimates. A client only learns that a job left QUEUED at its next poll, so the instant the job
// started is known only to lie in an interval: after the last poll that still saw QUEUED was sent, and before the
// first poll that saw anything later came back (anchors §3.5 "quantization", §7 item 2). We report the midpoint and
// the half-width of that interval, never a bare number. The same holds for the end of a job (end-to-end) and so for
// its processing time: reports show each estimate, its bound and the client-observed figure side by side.

export type ObservedStatus = 'QUEUED' | 'PROCESSING' | 'COMPLETED' | 'FAILED';

/** One poll answer: when the request left (sent_ms), when its answer arrived (at_ms), what it said. Epoch ms. */
export interface Observation {
  readonly status: string;
  readonly sent_ms: number;
  readonly at_ms: number;
  readonly code: number;
}

export interface Interval {
  /** ms after the submit was sent */
  readonly lowMs: number;
  readonly highMs: number;
}

export interface PointEstimate {
  readonly estimateMs: number;
  /** half-width of the interval the true value is known to lie in */
  readonly boundMs: number;
  readonly interval: Interval;
  /**
   * The interval in the polls' midpoints (the estimated instants the server looked): what the point estimate is
   * the middle of, and what a pooled estimate refines (load/pooled-queue-wait.ts). Inside `interval`.
   */
  readonly lookInterval?: Interval;
}

const TERMINAL: ReadonlySet<string> = new Set(['COMPLETED', 'FAILED']);

/** The server reports inference_time in seconds with 3 decimals (reference §2.3); allow for that rounding. */
const ROUNDING_MS = 0.5;

function toEstimate(lowMs: number, highMs: number): PointEstimate {
  return { estimateMs: (lowMs + highMs) / 2, boundMs: (highMs - lowMs) / 2, interval: { lowMs, highMs } };
}

/**
 * Where the job's start (QUEUED → PROCESSING) lies, relative to the submit being sent at `submitSentMs`, and the
 * estimate of it; the bound is the largest distance from the estimate to either end of the interval.
 * - low: the latest send time of a poll that still saw QUEUED (the server answered after it was sent); 0 if none.
 * - high: the earliest arrival of an answer that saw PROCESSING or a terminal state.
 * - When no poll saw PROCESSING and the server reported inference_time, the start is also at most
 *   (that arrival − inference_time): a job cannot finish before it has run for its inference time. Only this
 *   upper bound is used: the server's processing span may hold work outside inference_time (cold start, upload),
 *   so "end − inference_time" is not a lower bound.
 * Returns null when no poll ever saw the job leave QUEUED.
 */
export function estimateQueueWait(submitSentMs: number, observations: readonly Observation[], serverInferenceS?: number): PointEstimate | null {
  // The interval uses each poll's conservative end (sent for "not yet", answered for "already"); the point estimate
  // uses each poll's midpoint, the usual estimate of when the server looked (as NTP does): a slow answer — a busy
  // client, a loaded network — widens the interval but does not drag the estimate upwards.
  let lowMs = 0;
  let highMs = Number.POSITIVE_INFINITY;
  let lowPointMs = 0;
  let highPointMs = Number.POSITIVE_INFINITY;
  for (const o of observations) {
    const midMs = (o.sent_ms + o.at_ms) / 2 - submitSentMs;
    if (o.status === 'QUEUED') {
      lowMs = Math.max(lowMs, o.sent_ms - submitSentMs);
      lowPointMs = Math.max(lowPointMs, midMs);
    } else if (o.status === 'PROCESSING' || TERMINAL.has(o.status)) {
      highMs = Math.min(highMs, o.at_ms - submitSentMs);
      highPointMs = Math.min(highPointMs, midMs);
    }
  }
  if (!Number.isFinite(highMs)) return null;
  // Only when no poll caught the job running: cutting the transition interval from above alone would pull the
  // midpoint below the truth on average (an asymmetric cut), so a seen PROCESSING keeps its symmetric interval.
  const firstTerminal = observations.find((o) => o.status === 'COMPLETED');
  const sawProcessing = observations.some((o) => o.status === 'PROCESSING');
  if (firstTerminal && !sawProcessing && serverInferenceS !== undefined && serverInferenceS >= 0) {
    const inferenceMs = serverInferenceS * 1000 - ROUNDING_MS;
    const byInference = firstTerminal.at_ms - submitSentMs - inferenceMs;
    // a bound below the lower one means the server's numbers and our clocks disagree: keep the observed interval
    if (byInference >= lowMs) {
      highMs = Math.min(highMs, byInference);
      highPointMs = Math.min(highPointMs, (firstTerminal.sent_ms + firstTerminal.at_ms) / 2 - submitSentMs - inferenceMs);
    }
  }
  lowMs = Math.max(0, Math.min(lowMs, highMs));
  highMs = Math.max(0, highMs);
  const lookLowMs = Math.min(Math.max(lowPointMs, lowMs), highMs);
  const lookHighMs = Math.min(Math.max(highPointMs, lookLowMs), highMs);
  const pointMs = (lookLowMs + lookHighMs) / 2;
  return { estimateMs: pointMs, boundMs: Math.max(pointMs - lowMs, highMs - pointMs), interval: { lowMs, highMs }, lookInterval: { lowMs: lookLowMs, highMs: lookHighMs } };
}

/**
 * Where the job's end (→ COMPLETED or FAILED) lies, relative to the submit: after the last poll that saw it still
 * running was sent, before the first terminal answer arrived. Null when no terminal state was seen.
 */
export function estimateCompletion(submitSentMs: number, observations: readonly Observation[]): PointEstimate | null {
  let lowMs = 0;
  let highMs = Number.POSITIVE_INFINITY;
  for (const o of observations) {
    if (TERMINAL.has(o.status)) highMs = Math.min(highMs, o.at_ms - submitSentMs);
    else if (o.status === 'QUEUED' || o.status === 'PROCESSING') lowMs = Math.max(lowMs, o.sent_ms - submitSentMs);
  }
  if (!Number.isFinite(highMs)) return null;
  return toEstimate(Math.min(lowMs, highMs), highMs);
}

/**
 * Processing time (start → end) from the start and end estimates: the end minus the start, within the interval
 * [end.low − start.high, end.high − start.low] (never below 0); the bound is the largest distance to either end.
 */
export function estimateProcessing(start: PointEstimate, end: PointEstimate): PointEstimate {
  const lowMs = Math.max(0, end.interval.lowMs - start.interval.highMs);
  const highMs = Math.max(lowMs, end.interval.highMs - start.interval.lowMs);
  const estimateMs = Math.min(Math.max(end.estimateMs - start.estimateMs, lowMs), highMs);
  return { estimateMs, boundMs: Math.max(estimateMs - lowMs, highMs - estimateMs), interval: { lowMs, highMs } };
}
