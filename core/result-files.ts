// The raw files each stage writes into a run folder. Reports and gates read these files only, never the runners'
// internals; the runners never format reports. `reports/` turns them into results.json (its own versioned schema).
//
//   <run>/contracts/outcomes.json   ContractOutcomes     written by `infercheck contracts`
//   <run>/contracts/failures.json   ContractFailure[]    the same failures, flat, for machines
//   <run>/load/run.json             LoadRunMeta          written by `infercheck load`
//   <run>/load/summary.json         k6's own handleSummary data (metrics with tags)
//   <run>/load/jobs.ndjson          JobRecord per line   one line per job (a torn last line: the run was cut short)
//   <run>/{contracts,load}/spend.ndjson  the billable-request ledger (core/billable-budget.ts), when kept
//   <run>/.infercheck-run.json      the run folder's marker (core/run-folder.ts); each stage folder has its own
//   <run>/results.json, index.html, summary.md, junit.xml    written by `infercheck report`

export type Severity = 'critical' | 'major' | 'minor' | 'info';

export interface RecordedExchange {
  readonly request: {
    readonly method: string;
    readonly url: string;
    readonly headers: Readonly<Record<string, string>>; // secrets redacted
    readonly body?: unknown;
  };
  readonly response?: {
    readonly status: number;
    readonly headers: Readonly<Record<string, string>>;
    /** JSON bodies as parsed; other bodies as `{ contentType, bytes }` or a short text preview. */
    readonly body?: unknown;
  };
  /** ms since the epoch, at send and at the last byte received. */
  readonly startedAt?: number;
  readonly finishedAt?: number;
}

export interface ContractFailure {
  readonly check: string;
  readonly operation: string;
  readonly severity: Severity;
  readonly title: string;
  readonly message: string;
  /** Same check + same cause → same key, so a report can group repeats. */
  readonly dedupeKey: string;
  readonly model?: string;
  readonly exchange?: RecordedExchange;
}

export interface CheckOutcome {
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  readonly cases: number;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly skipReason?: string;
  readonly failures: readonly ContractFailure[];
}

/** A documented conflict (spec `x-infercheck-conflicts`) and what the target showed about it. */
export interface ConflictFinding {
  readonly conflict: string;
  readonly observed: string;
  readonly agreesWithDecision: boolean | null; // null: not probed on this target
}

export interface ContractOutcomes {
  readonly schema: 'infercheck/contract-outcomes@1';
  readonly target: { readonly kind: 'mock' | 'live' | 'url' | 'replay'; readonly baseUrl: string };
  readonly specVersion: string;
  readonly startedAt: string; // ISO 8601
  readonly finishedAt: string;
  readonly cases: number;
  readonly billableRequests: number;
  readonly checks: readonly CheckOutcome[];
  readonly findings: readonly ConflictFinding[];
}

export type JobStatus = 'QUEUED' | 'PROCESSING' | 'COMPLETED' | 'FAILED';

export interface JobRecord {
  readonly request_id: string | null; // null when submit failed
  readonly model: string;
  readonly api: 'v1' | 'v2';
  readonly stage: string; // scenario stage tag, e.g. "rate=2.0"
  readonly params_digest: string;
  readonly poll_strategy: 'fixed' | 'adaptive' | 'none';
  readonly submit_at_ms: number; // epoch ms when the submit was sent
  readonly submit_latency_ms: number;
  /** Every observed status in order: the epoch ms its request left (sent_ms) and its answer arrived, the HTTP code. */
  readonly observations: readonly { readonly status: string; readonly at_ms: number; readonly code: number; readonly sent_ms?: number }[];
  /** The job's index in the run's arrival schedule (ties a job to its planned start). */
  readonly job_index?: number;
  readonly polls: number;
  /**
   * Estimated queue wait (submit → PROCESSING began) and the largest distance from it to either end of the interval
   * the start is known to lie in. When the run pooled its jobs (load/pooled-queue-wait.ts) the estimate is the
   * wait's expected value given that interval, and `queue_wait_mid_ms` keeps the midpoint k6 reported alone.
   */
  readonly queue_wait_est_ms: number | null;
  readonly queue_wait_bound_ms: number | null;
  readonly queue_wait_mid_ms?: number | null;
  readonly e2e_ms: number | null; // submit → terminal state seen
  readonly result_fetch_ms: number | null;
  readonly server: {
    readonly queue_time_s?: number;
    readonly inference_time_s?: number;
    readonly total_time_s?: number;
    readonly cost?: number;
  };
  readonly final_status: JobStatus | 'ERROR' | 'TIMEOUT';
  readonly final_code: number;
  readonly validation_errors: number;
  /** Images the job delivered (v2 images[], v1: 1); absent: 1, as every load scenario sends samples: 1. */
  readonly images?: number;
}

export interface LoadRunMeta {
  readonly schema: 'infercheck/load-run@1';
  readonly scenario: 'smoke' | 'sync' | 'async' | 'sweep';
  readonly target: { readonly kind: 'mock' | 'live' | 'url'; readonly baseUrl: string };
  readonly models: readonly string[];
  readonly k6Version: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly k6ExitCode: number;
  /** Offered load per stage: arrival rate (jobs/s) for open models, VUs for closed ones. */
  readonly stages: readonly { readonly tag: string; readonly rate?: number; readonly vus?: number; readonly durationS: number }[];
  readonly slo?: Readonly<Record<string, string>>;
  /** The mock's configuration, when the target is the embedded mock: ground truth for capacity fits. */
  readonly mockTruth?: { readonly workers: number; readonly serviceTime?: string; readonly profile: string };
  /** The arrival process as measured: Poisson arrivals show an inter-arrival coefficient of variation near 1. */
  readonly arrivals?: { readonly process: 'even' | 'poisson'; readonly jobs: number; readonly ratePerS: number; readonly interArrivalCv: number };
  /** Against the embedded mock: each polling strategy's queue-wait estimates scored against the mock's timeline. */
  readonly queueWaitAccuracy?: readonly QueueWaitAccuracy[];
  /** The k6 execution segment this instance ran, when the test was split (e.g. "0:1/2"). */
  readonly segment?: string;
  /** All segments of that split (e.g. "0,1/2,1"): the instances of one test share it. */
  readonly segmentSequence?: string;
  /** The seed of the arrival schedule: the instances of one split test share it. */
  readonly seed?: number;
  /** The spec version the stage judged responses by. */
  readonly specVersion?: string;
  /** The billable budget the run was held to; null when unlimited (the embedded mock). */
  readonly budget?: number | null;
}

export interface QueueWaitAccuracy {
  readonly strategy: string;
  readonly jobs: number;
  readonly trueMeanMs: number;
  readonly meanErrorMs: number;
  readonly meanErrorPct: number;
  /** half-width of a 95 % confidence interval for the mean error (normal approximation over the jobs) */
  readonly meanErrorCi95Ms: number;
  /** the same mean error for each job's midpoint alone, before pooling (equal to meanErrorMs when nothing was pooled) */
  readonly midpointMeanErrorMs: number;
  readonly midpointMeanErrorPct: number;
  readonly p95AbsErrorMs: number;
  /** Fraction of jobs whose true queue wait lies inside the reported interval. */
  readonly coverage: number;
  readonly medianPolls: number;
  readonly meanPolls: number;
}
