// The shape of results.json (schema "infercheck/results@1", validated by results.schema.json). Everything the report,
// the SLA verdicts, the gate and the capacity plan need is in here; nothing downstream reads the raw stage files.
import type { CheckOutcome, ConflictFinding, ContractRunProgress, ContractSpend, LoadRunMeta, LoadSummary } from '../core/result-files.ts';

export const RESULTS_SCHEMA = 'infercheck/results@1';

/** One job, flattened: the raw samples. Times in ms (server metrics converted from s); null when not observed. */
export interface JobRow {
  readonly model: string;
  readonly api: 'v1' | 'v2';
  readonly stage: string;
  readonly request_id: string | null;
  readonly status: string;
  readonly code: number;
  readonly submit_at_ms: number;
  readonly submit_latency_ms: number;
  readonly queue_wait_ms: number | null;
  /** Half-width of the client's queue-wait uncertainty (poll quantization). */
  readonly queue_wait_bound_ms: number | null;
  readonly processing_ms: number | null;
  readonly e2e_ms: number | null;
  readonly result_fetch_ms: number | null;
  readonly server_queue_time_ms: number | null;
  readonly server_inference_time_ms: number | null;
  readonly server_total_time_ms: number | null;
  readonly polls: number;
  /** Credits the vendor charged for the job (v2 metrics.cost, v1 x-cost); null when it reported none. */
  readonly cost: number | null;
  /** Images the job delivered; absent in files written before it was recorded (then 1: samples is always 1). */
  readonly images?: number | null;
  /** Epoch ms the job started processing (estimate) and was last seen, for in-flight / queue-depth timelines. */
  readonly processing_start_ms: number | null;
  readonly end_ms: number | null;
  /** The folder's `--label region`, set in a merge of folders from several regions (regions.ts). */
  readonly region?: string;
}

/** An HDR histogram of one latency metric for one (model, api, stage): mergeable across runs and load instances. */
export interface HistogramRecord {
  readonly model: string;
  readonly api: 'v1' | 'v2';
  readonly stage: string;
  readonly metric: string;
  /** Values are recorded in microseconds with 3 significant digits (≤ 0.1 % value error). */
  readonly unit: 'us';
  readonly count: number;
  readonly encoded: string; // hdr-histogram-js encodeIntoCompressedBase64
  /** The folder's `--label region`, set in a merge of folders from several regions (regions.ts). */
  readonly region?: string;
}

/** One region's jobs of one model and API in a merge of several regions: exact percentiles over just those jobs. */
export interface RegionRow {
  readonly region: string;
  /** The segments (`i/N`) that ran there. */
  readonly segments: readonly string[];
  readonly model: string;
  readonly api: 'v1' | 'v2';
  readonly jobs: number;
  readonly completed: number;
  /** p50 / p95 / p99 in ms, x(⌈np⌉) as everywhere in the report; null without jobs. */
  readonly metrics: readonly { readonly metric: string; readonly n: number; readonly p50: number | null; readonly p95: number | null; readonly p99: number | null }[];
}

export interface StageTarget {
  readonly kind: string;
  readonly baseUrl: string;
}

/** A spend ledger's totals (core/billable-budget.ts readLedger), as the report shows them. */
export interface LedgerSummary {
  /** The stage's --max-billable; null when unlimited (the embedded mock). */
  readonly max: number | null;
  /** Billable requests that left (reserved and not proven unsent). */
  readonly sent: number;
  readonly billed: number;
  readonly refused: number;
  readonly unknown: number;
  readonly inFlight: number;
  /** Sum of the vendor's own per-request cost fields, in credits. */
  readonly credits: number;
  readonly costsReported: number;
}

/** The vendor's per-job cost fields summed per (model, api, stage): kept in both sample modes, merged by adding. */
export interface CostGroup {
  readonly model: string;
  readonly api: 'v1' | 'v2';
  readonly stage: string;
  readonly jobs: number;
  /** Jobs that reported a cost. */
  readonly priced: number;
  /** Images those jobs delivered. */
  readonly images: number;
  readonly credits: number;
  /** Σ cost², Σ cost/image and Σ (cost/image)² over the priced jobs: what a mean verdict needs without the jobs. */
  readonly creditsSq: number;
  readonly perImage: number;
  readonly perImageSq: number;
}

export interface Results {
  readonly schema: typeof RESULTS_SCHEMA;
  /** The infercheck that built this file (core/version.ts); absent in files built before it was recorded. */
  readonly infercheckVersion?: string;
  readonly generatedAt: string;
  readonly target: { readonly kind: string; readonly baseUrl: string };
  readonly specVersion: string;
  readonly environment: {
    readonly node: string;
    /** The load generator that produced the load samples (run.json `engine`). */
    readonly engine: string | null;
    /** Cores and platform of the host that built this file (the load generator's host when run by `npm start`). */
    readonly hostCores: number;
    readonly platform: string;
    readonly runStartedAt: string | null;
    readonly runFinishedAt: string | null;
  };
  readonly contracts: null | {
    readonly startedAt: string;
    readonly finishedAt: string;
    readonly cases: number;
    readonly billableRequests: number;
    readonly checks: readonly CheckOutcome[];
    readonly findings: readonly ConflictFinding[];
    /** The stage ran --strict: its assumed rules failed like documented ones (absent in older files). */
    readonly strict?: boolean;
    /** What this stage ran against (absent in files from before it was kept). */
    readonly target?: StageTarget;
    /** How far the contract run got, and what it really spent (absent in runs recorded before they were kept). */
    readonly run?: ContractRunProgress;
    readonly spend?: ContractSpend;
  };
  readonly load: null | {
    readonly scenario: LoadRunMeta['scenario'];
    readonly models: readonly string[];
    readonly startedAt: string;
    readonly finishedAt: string;
    readonly exitCode: number;
    readonly stages: LoadRunMeta['stages'];
    readonly slo: Readonly<Record<string, string>> | null;
    readonly mockTruth: LoadRunMeta['mockTruth'] | null;
    /** 'raw': every job is in `jobs`; 'histogram': too many jobs, percentiles come from `histograms` (see samples.ts). */
    readonly samples: 'raw' | 'histogram';
    readonly samplesNote: string;
    readonly jobCount: number;
    readonly jobs: readonly JobRow[];
    readonly histograms: readonly HistogramRecord[];
    /** Jobs and completed jobs per (model, api, stage): rate objectives need them when jobs are not kept. */
    readonly counts: readonly { readonly model: string; readonly api: 'v1' | 'v2'; readonly stage: string; readonly jobs: number; readonly completed: number; readonly region?: string }[];
    /** What the load engine counted (summary.json, run.json); null where the run folder lacks it. */
    readonly engine: LoadEngineTotals;
    /** What this stage ran against (absent in files from before it was kept). */
    readonly target?: StageTarget;
    /** The schedule seed, segment (`i/N`) and test id: what makes folders segments of one test (merge-results.ts). */
    readonly seed?: number | null;
    readonly segment?: string | null;
    readonly testId?: string | null;
    /** The common `--start-at` of a split test's instances, and the run's `--label` pairs (a merge keeps the shared ones). */
    readonly startAt?: string | null;
    readonly labels?: Readonly<Record<string, string>> | null;
    /** A merge of folders with different region labels: per region, model and API (regions.ts). */
    readonly regions?: readonly RegionRow[];
    /** Why the run is incomplete (a torn last line of jobs.ndjson), or null. */
    readonly cutShort?: string | null;
    readonly costs?: readonly CostGroup[];
  };
  /**
   * What the invocation(s) behind this folder really spent (build-results.ts readSpend): every money ledger that holds
   * a stage's requests, each read once, and their sum. Absent in files from before it was kept.
   */
  readonly spend?: RunSpend | null;
}

/** One money ledger and the stages whose billable requests it holds. */
export interface SpendLedger {
  readonly stages: readonly ('contracts' | 'load')[];
  /**
   * Where it was read: "spend.ndjson" (the run's, shared by the stages under `infercheck run`), "contracts/spend.ndjson"
   * or "load/spend.ndjson" (a stage run on its own), or "recorded by load" when the ledger is kept elsewhere (a split
   * test's shared ledger) and only the stage's own share was recorded in its files.
   */
  readonly source: string;
  readonly totals: LedgerSummary;
}

export interface RunSpend {
  readonly ledgers: readonly SpendLedger[];
  /** The ledgers added: each holds other requests, so nothing is counted twice. */
  readonly total: LedgerSummary;
}

export interface LoadEngineTotals {
  readonly lateArrivals: number | null;
  readonly startLagP99Ms: number | null;
  readonly httpRequests: number | null;
  readonly statusCodes: Readonly<Record<string, number>> | null;
  readonly droppedConnections: number | null;
  readonly unknownSubmits: number | null;
  readonly resultUnread: number | null;
  /** Answers that broke a documented rule of the spec (core/conformance.ts). */
  readonly contractViolations: number | null;
  /** Answers that differ only from an assumption of the spec: findings, not violations (absent in older files). */
  readonly contractFindings?: number | null;
  /** Why the run did not run its course (run.json cutShort), e.g. "target unreachable since …: ECONNREFUSED". */
  readonly cutShort: string | null;
  /** Client-observed end-to-end and processing beside the estimate of the vendor's own and its bound. */
  readonly estimates: LoadSummary['estimates'] | null;
}
