// The raw files each stage writes into a run folder. Reports and gates read these files only, never the runners'
// internals; the runners never format reports. `reports/` turns them into results.json (its own versioned schema).
//
//   <run>/contracts/outcomes.json   ContractOutcomes     written by `infercheck contracts`
//   <run>/contracts/failures.json   ContractFailure[]    the same failures, flat, for machines
//   <run>/load/run.json             LoadRunMeta          written by `infercheck load`
//   <run>/load/summary.json         LoadSummary          counts, status codes, arrivals, conformance, spend, objectives
//   <run>/load/jobs.ndjson          JobRecord per line   one line per job (a torn last line: the run was cut short)
//   <run>/spend.ndjson              under `infercheck run`: the invocation's one money ledger, joined by both stages
//   <run>/{contracts,load}/spend.ndjson  a stage run on its own: its ledger (core/billable-budget.ts)
//   <run>/.infercheck-run.json      the run folder's marker (core/run-folder.ts); each stage folder has its own
//   <run>/results.json, index.html, summary.md, junit.xml    written by `infercheck report`

import type { QueueWaitFigures } from './queue-wait.ts';

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
  /** How long judging the run's cases by this check took, ms: the check's `time` in JUnit (absent in older files). */
  readonly judgeMs?: number;
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
  /** The infercheck that wrote this file (core/version.ts); absent in files written before it was recorded. */
  readonly infercheckVersion?: string;
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
  /** Open model: ms between the job's scheduled instant and its submit leaving (late when above 20 ms). */
  readonly start_lag_ms?: number;
  readonly polls: number;
  /**
   * Estimated queue wait (submit → PROCESSING began) and the largest distance from it to either end of the interval
   * the start is known to lie in. When the run pooled its jobs (load/pooled-queue-wait.ts) the estimate is the
   * wait's expected value given that interval, and `queue_wait_mid_ms` keeps the job's own midpoint.
   */
  readonly queue_wait_est_ms: number | null;
  readonly queue_wait_bound_ms: number | null;
  readonly queue_wait_mid_ms?: number | null;
  readonly e2e_ms: number | null; // client-observed: submit sent → terminal state seen (v1: the request's duration)
  /**
   * Polled jobs: the vendor's completion lies between the last non-terminal poll sent and the first terminal answer,
   * so end-to-end and processing time are estimated with a bound, as queue wait is (load/estimate.ts).
   */
  readonly e2e_est_ms?: number | null;
  readonly e2e_bound_ms?: number | null;
  readonly processing_est_ms?: number | null;
  readonly processing_bound_ms?: number | null;
  readonly result_fetch_ms: number | null;
  /** false: the job COMPLETED but its result could not be read (the fetch failed after retries) — not an error. */
  readonly result_read?: boolean;
  /** Why the job ended without an HTTP answer (ECONNREFUSED, UND_ERR_HEADERS_TIMEOUT, …), when it did. */
  readonly error?: string;
  readonly server: {
    readonly queue_time_s?: number;
    readonly inference_time_s?: number;
    readonly total_time_s?: number;
    readonly cost?: number;
  };
  /**
   * ERROR: an HTTP error or a refused connection; TIMEOUT: --job-timeout passed; UNKNOWN: the submit was sent and its
   * answer never came (it may have been billed; never re-sent); ABANDONED: the run was stopped before the job ended.
   */
  readonly final_status: JobStatus | 'ERROR' | 'TIMEOUT' | 'UNKNOWN' | 'ABANDONED';
  readonly final_code: number;
  /** Answers of this job that broke a documented rule of the spec (core/conformance.ts). */
  readonly validation_errors: number;
  /** Answers that differ only from an assumption of the spec: findings, not errors (absent when none). */
  readonly validation_findings?: number;
  /** Images a completed job delivered (v2: its images[]; v1: the samples asked), for the cost per image; absent: 1. */
  readonly images?: number;
}

export interface LoadRunMeta {
  readonly schema: 'infercheck/load-run@1';
  /** The infercheck that wrote this file (core/version.ts); absent in files written before it was recorded. */
  readonly infercheckVersion?: string;
  /** A scenario name from load/scenarios/ (the one list of scenarios). */
  readonly scenario: string;
  readonly target: { readonly kind: 'mock' | 'live' | 'url'; readonly baseUrl: string };
  readonly models: readonly string[];
  /** The load generator and its HTTP client, e.g. "infercheck 0.1.0 (node v20.19.0, undici 7.30.2)". */
  readonly engine: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  /** 0 pass, 1 an objective failed, 3 the target was unreachable or died, 130/143 stopped by SIGINT/SIGTERM. */
  readonly exitCode: number;
  /** Offered load per stage: arrival rate (jobs/s) for open models, clients for closed ones. */
  readonly stages: readonly { readonly tag: string; readonly rate?: number; readonly rateTo?: number; readonly vus?: number; readonly durationS: number }[];
  readonly slo?: Readonly<Record<string, string>>;
  /** The mock's configuration, when the target is the embedded mock: ground truth for capacity fits. */
  readonly mockTruth?: { readonly workers: number; readonly serviceTime?: string; readonly profile: string };
  /**
   * The arrival process as measured at the client (the busiest open stage): Poisson arrivals show an inter-arrival CV
   * near 1 and a small KS distance to the exponential; starts that left late are counted with their lag.
   */
  readonly arrivals?: {
    readonly process: 'even' | 'poisson';
    readonly jobs: number;
    readonly ratePerS: number;
    readonly interArrivalCv: number;
    readonly ksToExponential?: number;
    readonly late?: number;
    readonly startLagP50Ms?: number;
    readonly startLagP99Ms?: number;
  };
  /** Against the embedded mock: each polling strategy's queue-wait estimates scored against the mock's timeline. */
  readonly queueWaitAccuracy?: readonly QueueWaitAccuracy[];
  /** The share of a split test this instance ran, "i/N" (core/segment.ts), when the test was split. */
  readonly segment?: string;
  /** The seed of the arrival schedule, payloads and poll jitter: the instances of one split test share it. */
  readonly seed?: number;
  /**
   * The test this run belongs to: `load --test-id`, or derived from the settings that make the test (load/run.ts
   * derivedTestId), so instances started with the same settings share it. Absent in folders from before.
   */
  readonly testId?: string;
  /** The common start instant of a split test's instances (`--start-at`, ISO-8601), when given. */
  readonly startAt?: string;
  /** What the instance said about itself (`--label key=value`), e.g. { region: "eu-west" }: the report's per-region rows. */
  readonly labels?: Readonly<Record<string, string>>;
  /** The spec version the stage judged responses by (the gate compares only runs of one version). */
  readonly specVersion?: string;
  /** The billable budget the run was held to; null when unlimited (the embedded mock). */
  readonly budget?: number | null;
  /** What was really spent (core/billable-budget.ts): sent, billed, refused, never sent, unknown, credits. */
  readonly spend?: LoadSpend;
  /** Present when the run did not run its course: why, and since when. Reports mark the run cut short. */
  readonly cutShort?: { readonly reason: 'target-unreachable' | 'deadline' | 'signal' | 'budget'; readonly message: string; readonly at: string };
}

export interface LoadSpend {
  readonly max: number | null;
  readonly sent: number;
  readonly billed: number;
  readonly refused: number;
  readonly notSent: number;
  readonly unknown: number;
  readonly credits: number;
  readonly costsReported: number;
  /** The ledger file, when the spend was shared with other processes of the invocation. */
  readonly ledger?: string;
}

export interface EstimateBeside {
  readonly n: number;
  readonly observedP50: number;
  readonly observedP95: number;
  readonly estimateP50: number;
  readonly estimateP95: number;
  /** median and p95 of the per-job bound (the half-width of the interval the true value lies in) */
  readonly boundP50: number;
  readonly boundP95: number;
}

/** load/summary.json: what the load engine counted while it ran (schema infercheck/load-summary@1). */
export interface LoadSummary {
  readonly schema: 'infercheck/load-summary@1';
  /** The infercheck that wrote this file (core/version.ts); absent in files written before it was recorded. */
  readonly infercheckVersion?: string;
  readonly jobs: {
    readonly total: number;
    readonly completed: number;
    readonly failed: number;
    readonly errors: number;
    readonly timeouts: number;
    readonly unknownSubmits: number;
    readonly abandoned: number;
    readonly resultUnread: number;
  };
  readonly arrivals: {
    readonly scheduled: number;
    readonly started: number;
    /** Scheduled starts that left more than `lateThresholdMs` after their instant (the open model was not kept). */
    readonly late: number;
    readonly lateThresholdMs: number;
    readonly startLagP50Ms: number | null;
    readonly startLagP99Ms: number | null;
    readonly startLagMaxMs: number | null;
    /** Arrivals not started: the budget was spent, or the run was stopped. */
    readonly skippedBudget: number;
    readonly skippedStopped: number;
  };
  readonly http: {
    readonly requests: number;
    /** status code → count, over every request ("0": no HTTP answer). */
    readonly byCode: Readonly<Record<string, number>>;
    /** operationId → status code → count. */
    readonly byEndpoint: Readonly<Record<string, Readonly<Record<string, number>>>>;
    /** Connections closed or reset by the other side without an answer. */
    readonly droppedConnections: number;
    readonly timeouts: number;
    readonly refused: number;
    /** GETs sent again after a transport error or a 5xx (a submit is never re-sent). */
    readonly retries: number;
    readonly rateLimited: number;
  };
  /**
   * Every answer judged by the one conformance judge (core/conformance.ts), its violations counted by what the rule
   * broken rests on: a documented rule (an error) or one of the spec's assumptions (a finding, not an error — a
   * vendor that reads null as absent is not failing). Files from before the split count every violation as documented.
   */
  readonly conformance: {
    readonly judged: number;
    /** Violations of documented rules. */
    readonly violations: number;
    /** Differences from the spec's assumptions (absent in older files). */
    readonly assumed?: number;
    /** violation kind → count, whatever the basis. */
    readonly byKind: Readonly<Record<string, number>>;
    /** spec rule id → its basis and how many violations broke it (absent in older files). */
    readonly byRule?: Readonly<Record<string, { readonly basis: 'documented' | 'assumed'; readonly count: number }>>;
    /** The first violation of each rule and cause, for the console and the report. */
    readonly examples: readonly {
      readonly rule: string;
      readonly kind: string;
      readonly basis?: 'documented' | 'assumed';
      /** The spec rules broken, joined by " + ". */
      readonly specRules?: string;
      readonly operationId: string;
      readonly status: number;
      readonly message: string;
    }[];
  };
  readonly polls: { readonly total: number; readonly perJobP50: number | null; readonly perJobMean: number | null };
  /**
   * Queue wait per model and API over every job with an estimate: core/queue-wait.ts's figures, the ones the report prints
   * (the load console prints these; queue wait is not among `latency`'s metrics).
   */
  readonly queueWait: readonly QueueWaitFigures[];
  /** Percentiles, x(⌈np⌉), per latency metric but queue wait over the completed jobs (ms). */
  readonly latency: Readonly<Record<string, { readonly count: number; readonly p50: number; readonly p90: number; readonly p95: number; readonly p99: number; readonly max: number; readonly mean: number }>>;
  /**
   * Polled (v2) completed jobs: end-to-end and processing time as the client observed them (the first terminal answer),
   * beside the estimate of when the vendor really finished (between the last running poll and the first terminal one)
   * and the bound of that estimate. With the SDK's 1 s polling a 26 ms job is observed at ~1 s; the estimate says so.
   */
  readonly estimates: Readonly<Record<'e2e' | 'processing', EstimateBeside | null>>;
  /** Each objective's point-estimate verdict, the one that sets the exit code (reports add the confidence). */
  readonly objectives: readonly { readonly name: string; readonly observed: number | null; readonly pass: boolean | null }[];
  readonly spend: LoadSpend;
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
