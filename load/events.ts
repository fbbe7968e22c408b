// What happens in a load run, as events: the engine and the job runner emit them at the moment they happen, and
// whoever measures listens — the run's own counters (stats.ts, which summary.json and the progress line read) and
// the live-metrics exporters (live-metrics/: Prometheus, OTLP). Measuring stays apart from exporting, in the manner
// of autocannon's `response` / `done` events: the engine never knows who listens, and a run without --otlp or
// --metrics-port has only the one listener it always had.
//
// Every listener runs synchronously in the emitter's turn of the event loop (node:events), so a counter is up to date
// the moment `emit` returns: the engine's cap on jobs in flight reads stats.inFlight right after a `job-start`.
import { EventEmitter } from 'node:events';
import type { Settlement } from '../core/billable-budget.ts';
import type { Violation } from '../core/conformance.ts';
import type { JobRecord } from '../core/result-files.ts';
import type { FailureKind } from './http.ts';

/** What every per-job event carries: the labels live metrics are broken down by (plus the run's region). */
export interface JobLabels {
  readonly model: string;
  readonly api: 'v1' | 'v2';
  readonly stage: string;
}

/**
 * How a billable request ended, in the money ledger's words (core/billable-budget.ts Settlement): billed (a 2xx),
 * refused (an answer that proves nothing was billed), not-sent (the connection was refused), unknown (no answer: it
 * may have been billed).
 */
export type BillableOutcome = Settlement['kind'];

export interface LoadEventMap {
  /** A job was handed to the job runner (it is in flight from now on). */
  'job-start': [labels: JobLabels];
  /** A job ended, with its record as jobs.ndjson gets it (before the run's pooled queue-wait pass). */
  'job-end': [job: JobRecord];
  /** A started job that never became one: the budget refused its submit, or the job runner threw. */
  'job-gone': [labels: JobLabels, reason: 'budget' | 'crashed'];
  /** How late an open-model job's submit left after its scheduled instant, ms. */
  'start-lag': [lagMs: number];
  /** Every HTTP answer (a status poll, a submit, a result read), with its code. */
  'answer': [labels: JobLabels, operationId: string, status: number];
  /** A request that got no HTTP answer. */
  'transport-failure': [labels: JobLabels, operationId: string, failure: FailureKind];
  /** The conformance judge's verdict on one answer (empty: it conformed). */
  'judgement': [violations: readonly Violation[]];
  /** A GET sent again after a transport error or a 5xx, or a poll after a failed one. */
  'retry': [labels: JobLabels];
  /** A billable request (v1 POST, v2 submit) settled in the money ledger. */
  'billable': [labels: JobLabels, outcome: BillableOutcome];
  /** Credits the vendor's own cost field charged for a job (x-cost, metrics.cost). */
  'charge': [labels: JobLabels, credits: number];
}

export class LoadEvents extends EventEmitter<LoadEventMap> {
  constructor() {
    super({ captureRejections: false });
    // every exporter adds a listener per event type; a handful is the normal case, not a leak
    this.setMaxListeners(50);
  }

  /** Adds a listener per event named; returns what removes them all (an exporter's whole subscription, undone at once). */
  subscribe(handlers: { readonly [K in keyof LoadEventMap]?: (...args: LoadEventMap[K]) => void }): () => void {
    const entries = Object.entries(handlers) as [keyof LoadEventMap, (...args: never[]) => void][];
    for (const [name, handler] of entries) this.on(name, handler as never);
    return () => {
      for (const [name, handler] of entries) this.off(name, handler as never);
    };
  }
}

/** The labels of a job record. */
export function labelsOf(job: Pick<JobRecord, 'model' | 'api' | 'stage'>): JobLabels {
  return { model: job.model, api: job.api, stage: job.stage };
}
