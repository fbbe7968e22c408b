// The raw files each stage writes into a run folder. Reports and gates read these files only, never the runners'
// internals; the runners never format reports. `reports/` turns them into results.json (its own versioned schema).
//
//   <run>/contracts/outcomes.json   ContractOutcomes     written by `infercheck contracts`
//   <run>/contracts/failures.json   ContractFailure[]    the same failures, flat, for machines
//   <run>/contracts/spend.ndjson    core/billable-budget.ts's ledger (unless a parent process handed one down)
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

/** How to see a failure again: the request as a runnable curl, and the case(s) to re-run alone. */
export interface Reproducer {
  /** The cases that sent the request; `infercheck contracts --grep` with `rerun`'s pattern sends exactly these. */
  readonly caseIds: readonly string[];
  /** e.g. `infercheck contracts --target URL --grep '^auth/wrong-key/status$'` */
  readonly rerun: string;
  /** The request that showed the failure; the key is `$VAR` (the variable --api-key-env names), never its value. */
  readonly curl?: string;
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
  readonly reproducer?: Reproducer;
  /**
   * What the broken rule rests on: `documented` (the vendor's documents state it: a failure) or `assumed` (the
   * spec's assumption: a finding, a failure only under --strict). Absent in files written before it was recorded.
   */
  readonly basis?: 'documented' | 'assumed';
  /** The rule(s) broken: spec rule ids (`Txt2ImgRequest.seed:minimum`) or the check's own (`seed-echoed`). */
  readonly rule?: string;
  /** Where the rule comes from: the source and its words, or why it is assumed. */
  readonly source?: string;
}

export interface CheckOutcome {
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  /** What the check's rules rest on: documented, assumed, or per rule (it judges the spec's rules one by one). */
  readonly basis?: 'documented' | 'assumed' | 'per rule';
  readonly cases: number;
  readonly passed: number;
  /** Cases that broke a documented rule (under --strict: any rule). */
  readonly failed: number;
  /** Cases that broke only assumed rules: findings, never failing the gate (absent in older files: 0). */
  readonly differed?: number;
  readonly skipped: number;
  readonly skipReason?: string;
  /** What failed (each with its basis; under --strict assumed ones too). */
  readonly failures: readonly ContractFailure[];
  /** Differences from the spec's assumptions: listed, not failing (empty under --strict, where they are failures). */
  readonly findings?: readonly ContractFailure[];
}

/** A documented conflict (spec `x-infercheck-conflicts`) and what the target showed about it. */
export interface ConflictFinding {
  readonly conflict: string;
  readonly observed: string;
  readonly agreesWithDecision: boolean | null; // null: not probed on this target
}

/** Why a contract run stopped before its plan was done. */
export type ContractRunStop =
  | { readonly reason: 'signal'; readonly signal: 'SIGINT' | 'SIGTERM'; readonly message: string }
  | { readonly reason: 'deadline' | 'unreachable' | 'stopped-answering'; readonly message: string };

/** How far a contract run got: one run per invocation, each case sent once. */
export interface ContractRunProgress {
  readonly casesPlanned: number;
  /** Cases whose requests were all sent and answered. */
  readonly casesDone: number;
  /** Cases not sent because the budget had no room for what they might cost. */
  readonly casesOverBudget: number;
  /** Every HTTP request the run sent (each case's requests, its job polls and image downloads). */
  readonly requests: number;
  readonly deadlineS: number | null;
  readonly stopped?: ContractRunStop;
}

/** What the run really spent, from the money ledger (core/billable-budget.ts) and the vendor's own numbers. */
export interface ContractSpend {
  /** The ledger file; shared with the other stages when a parent process handed it down. */
  readonly ledger: string | null;
  /** --max-billable for this invocation; null = no limit (the embedded mock, a replay). */
  readonly maxBillable: number | null;
  /** Announced before the first request: what a target that keeps the contract bills, and the most any target can. */
  readonly planned: { readonly expected: number; readonly worstCase: number };
  /** This stage's requests to billable operations, by how each ended (a 2xx is billed; no answer may have been). */
  readonly requests: { readonly reserved: number; readonly billed: number; readonly refused: number; readonly notSent: number; readonly unknown: number };
  /** Credits charged according to the vendor's own cost fields (x-cost, metrics.cost), and how many billed answers named one. */
  readonly creditsReported: number;
  readonly costsReported: number;
  /** Balances: the credits endpoint before and after, and the lowest the answers reported (x-remaining-credits, metrics.remaining_credits). */
  readonly balance: { readonly before: number | null; readonly after: number | null; readonly lowestReported: number | null };
  /** Whether the cost fields, the balance drop and the reported balances tell the same story. */
  readonly agreement: { readonly verdict: 'agree' | 'disagree' | 'unknown'; readonly detail: string };
}

export interface ContractOutcomes {
  readonly schema: 'infercheck/contract-outcomes@1';
  readonly target: { readonly kind: 'mock' | 'live' | 'url' | 'replay'; readonly baseUrl: string };
  readonly specVersion: string;
  readonly startedAt: string; // ISO 8601
  readonly finishedAt: string;
  readonly cases: number;
  /** Requests that may have been billed: billed (2xx) plus those that got no answer. Equals spend.requests billed + unknown. */
  readonly billableRequests: number;
  readonly checks: readonly CheckOutcome[];
  readonly findings: readonly ConflictFinding[];
  /** --strict: a difference from an assumption failed like a broken documented rule (absent in older files: false). */
  readonly strict?: boolean;
  /** Absent in files written before run progress and spend were recorded. */
  readonly run?: ContractRunProgress;
  readonly spend?: ContractSpend;
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
