// `runLoad(options)`: run one scenario (load/scenarios/) against a target with the engine (engine.ts) and leave the
// raw result files of core/result-files.ts in --out:
//   run.json      LoadRunMeta: scenario, target, stages, engine, exit code, arrivals, accuracy, spend, cut short
//   summary.json  LoadSummary: job outcomes, status codes per operation, dropped connections, unknown submits,
//                 start lags, conformance violations, percentiles, objectives
//   jobs.ndjson   one JobRecord per line, streamed as each job ends, then pooled (pooled-queue-wait.ts) in place
//   truth.ndjson  the embedded mock's ground truth per job, when the target is the mock
//   spend.ndjson  the money ledger (core/billable-budget.ts) when the run may spend, unless a parent handed one down
// It is the whole of `infercheck load`, callable from code (the main job, the benches, the tests): it never exits
// the process; the caller reads exitCode — 0 pass, 1 an objective failed, 3 the target was unreachable or died,
// 130 / 143 stopped by SIGINT / SIGTERM (usage errors throw a UsageError before anything is touched: exit 2).
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { createWriteStream, existsSync, readFileSync, writeFileSync, type WriteStream } from 'node:fs';
import { once, setMaxListeners } from 'node:events';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BillableBudget, BUDGET_LEDGER_ENV, LEDGER_FILE } from '../core/billable-budget.ts';
import { EXIT, signalExitCode } from '../core/exit-codes.ts';
import { loadObjectives, type ObjectiveSet } from '../core/objectives.ts';
import { redactDeep, redactText } from '../core/redact.ts';
import type { JobRecord, LoadRunMeta, LoadSpend, LoadSummary } from '../core/result-files.ts';
import { checkStageFolder, startRunFolder, type RunFolderPlan } from '../core/run-folder.ts';
import { parseRunLabels, type RunLabels } from '../core/run-labels.ts';
import { checkStartAt } from '../core/start-at.ts';
import { parseServiceTime } from '../core/service-time.ts';
import { isModelId, MODELS } from '../core/spec.ts';
import { SPEC_VERSION } from '../spec/generated/operations.ts';
import { INFERCHECK_VERSION } from '../core/version.ts';
import { billableBudget, connectProblem, isBillable, parseTarget, readApiKey, TargetUnreachable, unreachableMessage, UsageError, type TargetSpec } from '../core/target.ts';
import { describeHeapPolicy, holdHeapPolicy, type HeapHold, type HeapPolicy } from './heap.ts';
import { LoadEngine, type EngineOutcome, type StopReason } from './engine.ts';
import { LoadEvents } from './events.ts';
import { TargetHealth, unreachableLine, type Unreachable } from './health.ts';
import { HttpClient } from './http.ts';
import { startLiveMetrics, type LiveMetrics, type LiveMetricsOptions } from './live-metrics/index.ts';
import { defaultPollPlan, rateLimitGapMs } from './poll.ts';
import { poolQueueWaitsInFile } from './pooled-queue-wait.ts';
import { showProgress } from './progress.ts';
import { SCENARIO_NAMES, scenarioNamed, type PollChoice, type ScenarioDefinition, type StageSpec } from './scenarios/index.ts';
import { interArrivalCv, ksDistanceToExponential, parseSegment, type ArrivalProcess, type Segment } from './schedule.ts';
import { RunStats } from './stats.ts';
import { summarizeJobsFile, type JobsSummary, type MockTruthRecord } from './summarize.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_OUT_DIR = join('reports', 'latest', 'load');
export const DEFAULT_SLO_FILE = join(REPO, 'load', 'objectives.default.yaml');

export { EXIT } from '../core/exit-codes.ts';

export interface LoadOptions extends LiveMetricsOptions {
  /** a scenario name from load/scenarios/ */
  readonly scenario: string;
  /** mock (default) | live | an http(s) URL */
  readonly target?: string;
  /** jobs per second (open model) */
  readonly rate?: number;
  /** open model: ramp linearly from rate to this over each stage */
  readonly rateTo?: number;
  /** sweep: the stepped rates */
  readonly rates?: readonly number[];
  readonly durationS?: number;
  /** closed model: concurrent clients; open model: a cap on jobs in flight (a start that must wait is late) */
  readonly vus?: number;
  readonly models?: readonly string[];
  /** an objectives file (core/objectives.ts), or the set itself; default load/objectives.default.yaml */
  readonly slo?: string | ObjectiveSet;
  readonly maxBillable?: number;
  readonly out?: string;
  readonly apiKeyEnv?: string;
  readonly arrivals?: ArrivalProcess;
  readonly poll?: PollChoice;
  readonly seed?: number;
  /** the embedded mock: latency profile, workers per model, exact service time, per-key rpm */
  readonly mockProfile?: 'ci' | 'realistic';
  readonly workers?: number;
  readonly serviceTime?: string;
  readonly mockRpm?: number;
  /** use this running embedded mock instead of starting one (a segmented run shares one mock; fault tests) */
  readonly mock?: { readonly url: string; readonly apiKey: string; readonly truth: NonNullable<LoadRunMeta['mockTruth']> };
  /** the target's per-key rate limit (requests/min); polling is spaced to stay under it */
  readonly rpm?: number;
  readonly jobTimeoutS?: number;
  readonly expectedInferenceMs?: number;
  readonly expectedE2eMs?: number;
  /** false: parse bodies but skip contract validation (the cost-of-validation bench) */
  readonly validate?: boolean;
  readonly minPollGapMs?: number;
  /** the fixed strategy's interval (the SDK's 1 s by default) */
  readonly pollIntervalMs?: number;
  readonly stageGapS?: number;
  /** this instance's share of a split test, "i/N" (load/segments.ts) */
  readonly segment?: string;
  /**
   * a name the instances of one split test share, recorded in run.json so only they merge; default: derived from the
   * settings that make the test (scenario, target, models, stages, seed, arrivals, polling, start-at), so instances
   * started with the same settings share it
   */
  readonly testId?: string;
  /** the instant every instance of a split test starts its schedule at (ISO-8601 with a zone; core/start-at.ts) */
  readonly startAt?: string;
  /** what this instance says about itself, e.g. { region: 'eu-west' } (core/run-labels.ts): run.json, live metrics */
  readonly labels?: RunLabels;
  /** after SIGINT/SIGTERM, how long jobs in flight may still finish (default 30 s) */
  readonly graceS?: number;
  /** everything is over by then (default: the last stage's end + job timeout + grace) */
  readonly deadlineS?: number;
  /** per request: the longest wait for an answer (default 60 s, at most the job timeout) */
  readonly requestTimeoutS?: number;
  /** refused / dropped / unanswered requests for this long with no answer in between end the run (default 10 s) */
  readonly unreachableAfterS?: number;
  /** connections per origin (default: one per request in flight) */
  readonly connections?: number;
  /** show progress on stderr (default true) */
  readonly progress?: boolean;
  /** keep the run quiet: no progress, notes collected in LoadResult.log (tests, benches) */
  readonly capture?: boolean;
  /** read jobs.ndjson back into LoadResult.jobs (default true; the CLI does not, to keep memory flat) */
  readonly collectJobs?: boolean;
  /** join this budget ledger (a split test's instances share one) */
  readonly budgetLedger?: string;
  /** aborting it stops the run as SIGINT does: arrivals end, jobs in flight get the grace */
  readonly signal?: AbortSignal;
  /** install SIGINT / SIGTERM handlers that stop the run gracefully (the CLI) */
  readonly handleSignals?: boolean;
  readonly env?: NodeJS.ProcessEnv;
}

/** run.json: the shared LoadRunMeta, whose optional fields carry this stage's extras. */
export type LoadRunFile = LoadRunMeta;
export type { QueueWaitAccuracy } from '../core/result-files.ts';

export interface LoadResult {
  readonly exitCode: number;
  readonly outDir: string;
  readonly meta: LoadRunFile;
  readonly summary: LoadSummary;
  /** the run's jobs as jobs.ndjson holds them (empty with collectJobs: false) */
  readonly jobs: readonly JobRecord[];
  /** notes the run would have printed (never contains the key) */
  readonly log: string;
}

function positive(name: string, value: number | undefined, { integer = false, allowZero = false } = {}): void {
  if (value === undefined) return;
  const ok = Number.isFinite(value) && (allowZero ? value >= 0 : value > 0) && (!integer || Number.isInteger(value));
  if (!ok) throw new UsageError(`${name} must be ${integer ? 'a whole number' : 'a number'} ${allowZero ? '≥ 0' : '> 0'}, got ${value}`);
}

/** Mean of a service-time spec, ms: what the adaptive poller expects before it has learned anything. */
export function expectedServiceMs(serviceTime: string | undefined, profile: 'ci' | 'realistic'): number {
  if (serviceTime) {
    const spec = parseServiceTime(serviceTime);
    return spec.kind === 'fixed' ? spec.ms : spec.kind === 'exp' ? spec.meanMs : spec.medianMs * Math.exp(spec.sigma ** 2 / 2);
  }
  // mock/latency.ts profiles at the pages' payloads (25–30 steps, 512×768): ~1.6 s realistic, ~25 ms ci
  return profile === 'ci' ? 25 : 1600;
}

/**
 * The most the engine is asked to schedule: arrivals are planned ahead (one timestamp each), and 5 000 jobs in flight
 * on one core is what the load-capacity bench measures. Beyond these a run cannot be what was asked, so it is refused.
 */
export const MAX_RATE_PER_S = 10_000;
export const MAX_SCHEDULED_ARRIVALS = 5_000_000;

function atMost(name: string, value: number | undefined, max: number, unit: string): void {
  if (value !== undefined && value > max) throw new UsageError(`${name} must be at most ${max} ${unit}, got ${value}`);
}

function validate(options: LoadOptions): void {
  if (!scenarioNamed(options.scenario)) throw new UsageError(`--scenario must be one of ${SCENARIO_NAMES.join(', ')}, got "${String(options.scenario)}"`);
  positive('--rate', options.rate);
  positive('--rate-to', options.rateTo, { allowZero: true });
  atMost('--rate', options.rate, MAX_RATE_PER_S, 'jobs/s');
  atMost('--rate-to', options.rateTo, MAX_RATE_PER_S, 'jobs/s');
  for (const rate of options.rates ?? []) atMost('--rates', rate, MAX_RATE_PER_S, 'jobs/s');
  positive('--expected-inference-ms', options.expectedInferenceMs);
  positive('--duration', options.durationS);
  positive('--vus', options.vus, { integer: true });
  positive('--workers', options.workers, { integer: true });
  positive('--job-timeout', options.jobTimeoutS);
  positive('--rpm', options.rpm, { allowZero: true });
  positive('--grace', options.graceS, { allowZero: true });
  positive('--deadline', options.deadlineS);
  positive('--request-timeout', options.requestTimeoutS);
  positive('--unreachable-after', options.unreachableAfterS);
  positive('--connections', options.connections, { integer: true });
  positive('--seed', options.seed, { allowZero: true, integer: true });
  for (const rate of options.rates ?? []) positive('--rates', rate);
  if (options.rates && options.rates.length === 0) throw new UsageError('--rates is empty');
  for (const model of options.models ?? []) {
    if (!isModelId(model)) throw new UsageError(`--models: unknown model "${model}" (known: ${MODELS.join(', ')})`);
  }
  if (options.models && options.models.length === 0) throw new UsageError('--models is empty');
  if (options.arrivals && options.arrivals !== 'even' && options.arrivals !== 'poisson') throw new UsageError(`--arrivals must be even or poisson, got "${String(options.arrivals)}"`);
  if (options.poll && !['fixed', 'adaptive', 'both'].includes(options.poll)) throw new UsageError(`--poll must be fixed, adaptive or both, got "${String(options.poll)}"`);
  if (options.mockProfile && options.mockProfile !== 'ci' && options.mockProfile !== 'realistic') throw new UsageError(`--mock-profile must be ci or realistic, got "${String(options.mockProfile)}"`);
  if (options.serviceTime !== undefined) {
    try {
      parseServiceTime(options.serviceTime);
    } catch (err) {
      throw new UsageError(`--service-time: ${(err as Error).message}`);
    }
  }
  if (options.segment !== undefined && !parseSegment(options.segment)) throw new UsageError(`--segment must look like 0/2 (this instance of N, counted from 0), got "${options.segment}"`);
  if (options.testId !== undefined && !/^[A-Za-z0-9._-]{1,64}$/.test(options.testId)) throw new UsageError(`--test-id must be 1–64 letters, digits, dots, dashes or underscores, got "${options.testId}"`);
  if (options.startAt !== undefined) {
    const check = checkStartAt(options.startAt, Date.now());
    if (!check.ok) throw new UsageError(`--start-at ${check.problem}`);
  }
  if (options.labels !== undefined) {
    const parsed = parseRunLabels(Object.entries(options.labels).map(([k, v]) => `${k}=${v}`));
    if (!parsed.ok) throw new UsageError(parsed.problem);
  }
  if (options.metricsPort !== undefined && !(Number.isInteger(options.metricsPort) && options.metricsPort >= 0 && options.metricsPort <= 65535)) throw new UsageError(`--metrics-port must be a port number 0–65535, got ${options.metricsPort}`);
  if (options.metricsHost !== undefined && options.metricsPort === undefined) throw new UsageError('--metrics-host needs --metrics-port');
  if (options.otlp !== undefined && !/^https?:$/.test(safeUrl(options.otlp)?.protocol ?? '')) throw new UsageError(`--otlp must be an http(s) URL of an OTLP/HTTP metrics endpoint (e.g. http://127.0.0.1:4318/v1/metrics), got "${options.otlp}"`);
  if (options.otlpIntervalS !== undefined && options.otlp === undefined) throw new UsageError('--otlp-interval needs --otlp');
  positive('--otlp-interval', options.otlpIntervalS);
}

function safeUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/**
 * The test id instances started with the same settings share: a digest of what decides the jobs — scenario, target
 * (the embedded mock is one target wherever it runs), models, stages, seed, arrivals, polling — and the start-at,
 * which tells one execution of a test from another. Not the segment, the labels or the budget: the instances of one
 * test differ in those.
 */
export function derivedTestId(settings: { scenario: string; target: TargetSpec; models: readonly string[]; stages: LoadRunMeta['stages']; seed: number; arrivals: ArrivalProcess; poll: PollChoice; startAt?: string }): string {
  const canonical = JSON.stringify([settings.scenario, settings.target.kind === 'mock' ? 'mock' : settings.target.baseUrl, [...settings.models].sort(), settings.stages, settings.seed, settings.arrivals, settings.poll, settings.startAt ?? null]);
  return `t-${createHash('sha256').update(canonical).digest('hex').slice(0, 12)}`;
}

function objectivesOf(slo: LoadOptions['slo']): ObjectiveSet {
  if (slo === undefined) return loadObjectives(DEFAULT_SLO_FILE);
  return typeof slo === 'string' ? loadObjectives(slo) : slo;
}

async function fetchTruth(baseUrl: string, sinceMs: number): Promise<MockTruthRecord[]> {
  const res = await fetch(`${baseUrl}/__mock/requests?since_ms=${Math.floor(sinceMs)}`);
  if (!res.ok) throw new Error(`mock ground truth: GET /__mock/requests answered ${res.status}`);
  const body = (await res.json()) as { requests?: MockTruthRecord[] };
  return body.requests ?? [];
}

function engineName(heap: HeapPolicy): string {
  let undici = 'unknown';
  try {
    // resolved as the engine imports it: the checkout's node_modules, or wherever npm put it beside the package
    undici = (createRequire(import.meta.url)('undici/package.json') as { version: string }).version;
  } catch {
    // a layout without undici's package.json: the name stays without its version
  }
  return `infercheck ${INFERCHECK_VERSION} (node ${process.version}, undici ${undici}, ${describeHeapPolicy(heap)})`;
}

/** This run's own spend — its share, when it joined a ledger the invocation's other stages or instances share. */
function spendOf(budget: BillableBudget): LoadSpend {
  const t = budget.ownTotals();
  return { max: t.max, sent: t.billed + t.refused + t.unknown + t.inFlight, billed: t.billed, refused: t.refused, notSent: t.notSent, unknown: t.unknown, credits: t.credits, costsReported: t.costsReported, ...(budget.path ? { ledger: budget.path } : {}) };
}

function stagesMeta(stages: readonly StageSpec[]): LoadRunMeta['stages'] {
  return stages.map((s) => (s.kind === 'open' ? { tag: s.tag, rate: s.rate, ...(s.rateTo !== undefined ? { rateTo: s.rateTo } : {}), durationS: s.durationS } : { tag: s.tag, vus: s.clients, durationS: s.durationS }));
}

/** The largest number of jobs polling at once, for spacing polls under a per-key rate limit (Little's law). */
function expectedConcurrency(stages: readonly StageSpec[], expectedE2eMs: number, cap: number | undefined): number {
  let total = 0;
  for (const s of stages) total += s.kind === 'closed' ? s.clients : Math.max(2, Math.ceil(Math.max(s.rate, s.rateTo ?? 0) * (expectedE2eMs / 1000) * 2) + 2);
  return cap !== undefined ? Math.min(cap, total) : total;
}

/** Everything a run needs, derived from the options and checked, before anything is touched. */
interface RunPlan {
  readonly scenario: ScenarioDefinition;
  readonly env: NodeJS.ProcessEnv;
  readonly target: TargetSpec;
  readonly maxBillable: number;
  readonly objectives: ObjectiveSet;
  readonly apiKeyFromEnv: string | undefined;
  readonly inheritedLedger: string | undefined;
  readonly segment: Segment | undefined;
  readonly models: readonly string[];
  readonly profile: 'ci' | 'realistic';
  readonly mockTruth: LoadRunMeta['mockTruth'];
  readonly expectedInferenceMs: number;
  readonly stages: readonly StageSpec[];
  readonly jobTimeoutS: number;
  readonly graceS: number;
  readonly lastStageEndS: number;
  readonly deadlineS: number;
  readonly requestTimeoutS: number;
  /** open model: a cap on jobs in flight (--vus) */
  readonly openCap: number | undefined;
  readonly minPollGapMs: number;
  /** --test-id, or the id derived from the settings */
  readonly testId: string;
  /** --start-at as epoch ms */
  readonly startAtEpochMs: number | undefined;
  readonly labels: RunLabels;
  /** --out, checked (core/run-folder.ts) after every other flag, the key and the objectives; nothing touched yet */
  readonly folder: RunFolderPlan;
}

/** What an instance needs beyond the test's settings: its key, its ledger and its folder (checked where it runs). */
type InstanceParts = 'apiKeyFromEnv' | 'inheritedLedger' | 'folder';

function planRun(options: LoadOptions): RunPlan {
  const test = planTest(options);
  const apiKeyFromEnv = test.target.kind === 'mock' ? undefined : readApiKey(test.target, test.env);
  const inheritedLedger = options.budgetLedger ?? test.env[BUDGET_LEDGER_ENV];
  if (inheritedLedger && !existsSync(inheritedLedger)) throw new UsageError(`the budget ledger ${inheritedLedger} does not exist`);
  return { ...test, apiKeyFromEnv, inheritedLedger, folder: checkStageFolder(options.out ?? DEFAULT_OUT_DIR, 'load', inheritedLedger) };
}

/**
 * The test the options describe, every flag checked, without what only the machine that runs it has (the key, the
 * folder): `infercheck k8s` plans with it, so a setting the load command would refuse is refused before a manifest
 * is printed, and the test id it names the results folder with is the one every pod derives.
 */
export function planTest(options: LoadOptions): Omit<RunPlan, InstanceParts> {
  validate(options);
  const scenario = scenarioNamed(options.scenario)!;
  const env = options.env ?? process.env;
  const target: TargetSpec = parseTarget(options.target ?? 'mock', options.apiKeyEnv);
  const maxBillable = billableBudget(target, options.maxBillable);
  const objectives = objectivesOf(options.slo);
  const profile = options.mockProfile ?? 'ci';
  const rate = options.rate ?? scenario.defaults.rate;
  const mockTruth: LoadRunMeta['mockTruth'] =
    target.kind !== 'mock' ? undefined : options.mock ? options.mock.truth : { workers: options.workers ?? 2, profile, ...(options.serviceTime ? { serviceTime: options.serviceTime } : {}) };
  const expectedInferenceMs = options.expectedInferenceMs ?? (target.kind === 'mock' ? expectedServiceMs(mockTruth?.serviceTime, (mockTruth?.profile as 'ci' | 'realistic') ?? profile) : 3000);
  const expectedE2eMs = options.expectedE2eMs ?? Math.max(2000, 4 * expectedInferenceMs + 1000);
  const models = options.models ?? [...MODELS];
  const stages = scenario.stages({
    rate,
    ...(options.rateTo !== undefined ? { rateTo: options.rateTo } : {}),
    rates: options.rates ?? scenario.defaults.rates?.(rate) ?? [rate],
    durationS: options.durationS ?? scenario.defaults.durationS,
    vus: options.vus ?? scenario.defaults.vus,
    models,
    arrivals: options.arrivals ?? 'poisson',
    stageGapS: options.stageGapS ?? Math.ceil((3 * expectedE2eMs) / 1000),
  });
  const arrivals = stages.reduce((n, s) => n + (s.kind === 'open' ? Math.max(s.rate, s.rateTo ?? 0) * s.durationS : 0), 0);
  if (arrivals > MAX_SCHEDULED_ARRIVALS) throw new UsageError(`--rate × --duration plans ${Math.round(arrivals)} arrivals; at most ${MAX_SCHEDULED_ARRIVALS} are scheduled in one run`);
  const jobTimeoutS = options.jobTimeoutS ?? (target.kind === 'mock' && profile === 'ci' && !options.serviceTime ? 30 : 600);
  const graceS = options.graceS ?? 30;
  const lastStageEndS = Math.max(...stages.map((s) => s.startS + s.durationS));
  const openCap = stages.some((s) => s.kind === 'open') ? options.vus : undefined;
  const seed = options.seed ?? 1;
  const testId = options.testId ?? derivedTestId({ scenario: scenario.name, target, models, stages: stagesMeta(stages), seed, arrivals: options.arrivals ?? 'poisson', poll: options.poll ?? scenario.defaults.poll, ...(options.startAt ? { startAt: options.startAt } : {}) });
  return {
    scenario,
    env,
    target,
    maxBillable,
    objectives,
    segment: options.segment !== undefined ? parseSegment(options.segment) : undefined,
    models,
    profile,
    mockTruth,
    expectedInferenceMs,
    stages,
    jobTimeoutS,
    graceS,
    lastStageEndS,
    deadlineS: options.deadlineS ?? lastStageEndS + jobTimeoutS + graceS,
    requestTimeoutS: Math.min(options.requestTimeoutS ?? 60, jobTimeoutS),
    openCap,
    minPollGapMs: Math.max(options.minPollGapMs ?? 10, rateLimitGapMs(options.rpm ?? options.mockRpm ?? 0, expectedConcurrency(stages, expectedE2eMs, openCap))),
    testId,
    startAtEpochMs: options.startAt !== undefined ? Date.parse(options.startAt) : undefined,
    labels: options.labels ?? {},
  };
}

/** Where requests go: the embedded mock (started in its own thread, or the one given), or the vendor / URL. */
async function startTarget(plan: RunPlan, options: LoadOptions): Promise<{ baseUrl: string; apiKey: string; stop?: () => Promise<void> }> {
  if (plan.target.kind !== 'mock') return { baseUrl: plan.target.baseUrl, apiKey: plan.apiKeyFromEnv! };
  if (options.mock) return { baseUrl: options.mock.url, apiKey: options.mock.apiKey };
  const { startMockThread } = await import('./embedded-mock.ts');
  const mock = await startMockThread({
    profile: plan.profile,
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    ...(options.serviceTime !== undefined ? { serviceTime: options.serviceTime } : {}),
    // the embedded mock enforces the limit the run is told to respect
    ...((options.mockRpm ?? options.rpm) !== undefined ? { rpm: options.mockRpm ?? options.rpm } : {}),
    seed: options.seed ?? 1,
    warmImages: true,
  });
  return { baseUrl: mock.url, apiKey: mock.apiKey, stop: () => mock.close() };
}

function exitCodeOf(stopped: EngineOutcome['stopped'], signal: NodeJS.Signals | undefined, summarized: JobsSummary): number {
  if (stopped?.reason === 'target-unreachable' || stopped?.reason === 'deadline') return EXIT.unreachable;
  if (stopped?.reason === 'signal') return signalExitCode(signal);
  return summarized.objectives.some((o) => o.pass === false) ? EXIT.failed : EXIT.pass;
}

/** The arrival process as measured, per stage (a sweep's stages are not one process): the busiest open stage. */
function arrivalsMeta(process: ArrivalProcess, outcome: EngineOutcome, counts: ReturnType<RunStats['counts']>): LoadRunMeta['arrivals'] | undefined {
  const busiest = [...outcome.submitsByStage.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  if (busiest.length <= 2) return undefined;
  const cv = interArrivalCv(busiest);
  return {
    process,
    jobs: busiest.length,
    ratePerS: cv.meanMs > 0 ? 1000 / cv.meanMs : 0,
    interArrivalCv: cv.cv,
    ksToExponential: ksDistanceToExponential(busiest),
    late: counts.arrivals.late,
    ...(counts.arrivals.startLagP50Ms !== null ? { startLagP50Ms: counts.arrivals.startLagP50Ms } : {}),
    ...(counts.arrivals.startLagP99Ms !== null ? { startLagP99Ms: counts.arrivals.startLagP99Ms } : {}),
  };
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  // Everything is checked before any file is touched or any request sent: flags, the key, the objectives, --out.
  const plan = planRun(options);
  if (plan.target.kind !== 'mock') {
    // One TCP connection first: a target that cannot be reached is one line and exit 3, and no file is touched.
    const problem = await connectProblem(plan.target.baseUrl);
    if (problem) throw new TargetUnreachable(unreachableMessage(plan.target.baseUrl, problem));
  }
  // Live metrics next: a port in use is a usage error while nothing has been touched yet.
  const live = await startLiveMetrics(options, plan.labels, INFERCHECK_VERSION);
  let folder: ReturnType<typeof startRunFolder>;
  try {
    // The one run-folder rule (core/run-folder.ts): the previous run's files — its ledger included — are moved aside,
    // removed once run.json is written, and put back if this run wrote nothing and sent nothing.
    folder = startRunFolder(plan.folder, 'infercheck load');
  } catch (err) {
    await live?.close();
    throw err;
  }
  const budget = plan.inheritedLedger
    ? BillableBudget.join(plan.inheritedLedger)
    : isBillable(plan.target) || options.maxBillable !== undefined
      ? BillableBudget.create(join(folder.path, LEDGER_FILE), plan.maxBillable)
      : BillableBudget.unlimited();
  const heap = holdHeapPolicy();
  try {
    const result = await runInFolder(plan, folder.path, budget, options, live, heap);
    folder.commit();
    return result;
  } catch (err) {
    // A run that sent anything keeps its files (the ledger says what may have been billed); one that did not, none.
    const sent = budget.ownTotals().reserved > 0 || existsSync(join(folder.path, 'run.json'));
    if (sent) folder.commit();
    else folder.rollback();
    throw err;
  } finally {
    heap.release();
    await live?.close();
  }
}

async function runInFolder(plan: RunPlan, outDir: string, budget: BillableBudget, options: LoadOptions, live: LiveMetrics | undefined, heap: HeapHold): Promise<LoadResult> {
  const { target, graceS } = plan;
  const notes: string[] = [];
  const note = (line: string): void => {
    notes.push(line);
    if (!options.capture) process.stderr.write(line + '\n');
  };
  const { baseUrl, apiKey, stop: stopTarget } = await startTarget(plan, options);
  const secrets = [apiKey];

  const events = new LoadEvents();
  const stats = new RunStats().listenTo(events);
  live?.attach(events);
  for (const line of live?.lines ?? []) note(line);
  const abandon = new AbortController();
  setMaxListeners(0, abandon.signal); // every waiting job listens to it: thousands at once is the normal case
  const http = new HttpClient({ requestTimeoutMs: plan.requestTimeoutS * 1000, abandon: abandon.signal, ...(options.connections !== undefined ? { connections: options.connections } : {}) });
  let unreachable: Unreachable | undefined;
  let engine: LoadEngine | undefined;
  const health = new TargetHealth((options.unreachableAfterS ?? 10) * 1000, (u) => {
    unreachable = u;
    engine?.stop('target-unreachable');
  });
  const seed = options.seed ?? 1;
  const jobsPath = join(outDir, 'jobs.ndjson');
  const jobsFile: WriteStream = createWriteStream(jobsPath, 'utf8');
  engine = new LoadEngine(
    {
      stages: plan.stages,
      models: plan.models,
      seed,
      poll: options.poll ?? plan.scenario.defaults.poll,
      ...(plan.segment ? { segment: plan.segment } : {}),
      ...(plan.startAtEpochMs !== undefined ? { startAtEpochMs: plan.startAtEpochMs } : {}),
      ...(plan.openCap !== undefined ? { maxInFlight: plan.openCap } : {}),
      graceMs: graceS * 1000,
      deadlineMs: plan.deadlineS * 1000,
      onJob: (job) => jobsFile.write(JSON.stringify(redactDeep(job, secrets)) + '\n'),
    },
    {
      http,
      baseUrl,
      apiKey,
      seed,
      validate: options.validate !== false,
      budget,
      stats,
      events,
      health,
      plans: { fixed: defaultPollPlan('fixed', plan.minPollGapMs, options.pollIntervalMs), adaptive: defaultPollPlan('adaptive', plan.minPollGapMs) },
      jobTimeoutMs: plan.jobTimeoutS * 1000,
      expectedInferenceMs: plan.expectedInferenceMs,
      learned: new Map(),
    },
    abandon,
  );

  // SIGINT / SIGTERM (and options.signal): stop arrivals at once, grace for jobs in flight; a second signal abandons them
  let stopSignal: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopSignal) return void abandon.abort();
    stopSignal = signal;
    note(`load: ${signal}: no new jobs; ${stats.inFlight} in flight get up to ${graceS} s (again to abandon them now)`);
    engine!.stop('signal');
  };
  const onAbort = (): void => onSignal('SIGINT');
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) onAbort();
  if (options.handleSignals) {
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
  const display = options.progress === false || options.capture ? undefined : showProgress(engine, plan.lastStageEndS, plan.env);

  await http.warmUp();
  if (plan.startAtEpochMs !== undefined) {
    const waitMs = plan.startAtEpochMs - Date.now();
    note(waitMs > 0 ? `load: waiting ${(waitMs / 1000).toFixed(1)} s for the common start ${options.startAt}` : `load: the common start ${options.startAt} passed ${(-waitMs / 1000).toFixed(1)} s ago: the arrivals due since start at once and are counted late`);
  }
  const startedAt = new Date();
  let outcome: EngineOutcome;
  let truth: MockTruthRecord[] | undefined;
  try {
    outcome = await engine.run();
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    if (options.handleSignals) {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
    display?.stop();
    jobsFile.end();
    await once(jobsFile, 'finish').catch(() => undefined);
    await http.close().catch(() => undefined);
    if (target.kind === 'mock') {
      try {
        truth = await fetchTruth(baseUrl, startedAt.getTime() - 60_000);
        writeFileSync(join(outDir, 'truth.ndjson'), truth.map((t) => JSON.stringify(t)).join('\n') + (truth.length ? '\n' : ''));
      } catch (err) {
        note(`load: the mock's ground truth could not be read (${(err as Error).message})`);
      } finally {
        await stopTarget?.();
      }
    }
  }
  const finishedAt = new Date();

  // the jobs are on disk: pool their queue-wait estimates in place, then one pass for percentiles and verdicts
  await poolQueueWaitsInFile(jobsPath);
  const summarized = await summarizeJobsFile(jobsPath, plan.objectives, truth);
  const { stopped } = outcome;
  const cutShort = cutShortOf(stopped?.reason, unreachable, stopSignal, stopped?.atMs);
  if (unreachable) note(`load: ${unreachableLine(unreachable)}`);
  const exitCode = exitCodeOf(stopped, stopSignal, summarized);
  const counts = stats.counts();
  const spend = spendOf(budget);
  const summary: LoadSummary = { schema: 'infercheck/load-summary@1', infercheckVersion: INFERCHECK_VERSION, ...counts, polls: summarized.polls, latency: summarized.latency, estimates: summarized.estimates, objectives: summarized.objectives, queueWait: summarized.queueWait, spend };
  const arrivals = arrivalsMeta(options.arrivals ?? 'poisson', outcome, counts);
  const meta: LoadRunFile = {
    schema: 'infercheck/load-run@1',
    infercheckVersion: INFERCHECK_VERSION,
    scenario: plan.scenario.name,
    target: { kind: target.kind, baseUrl: target.kind === 'mock' ? baseUrl : target.baseUrl },
    models: plan.models,
    engine: engineName(heap.policy()),
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    exitCode,
    stages: stagesMeta(plan.stages),
    slo: Object.fromEntries(summarized.objectives.map((o) => [o.name, o.pass === null ? 'no data' : `${o.pass ? 'PASS' : 'FAIL'} (observed ${formatObserved(o.observed)})`])),
    ...(plan.mockTruth ? { mockTruth: plan.mockTruth } : {}),
    ...(arrivals ? { arrivals } : {}),
    ...(summarized.queueWaitAccuracy ? { queueWaitAccuracy: summarized.queueWaitAccuracy } : {}),
    // what `report --merge` and the gate check: the same test (seed, segment set, test id), the same spec version
    seed,
    ...(options.segment ? { segment: options.segment } : {}),
    testId: plan.testId,
    ...(options.startAt ? { startAt: options.startAt } : {}),
    ...(Object.keys(plan.labels).length ? { labels: plan.labels } : {}),
    specVersion: SPEC_VERSION,
    budget: budget.max,
    spend,
    ...(cutShort ? { cutShort } : {}),
  };
  writeFileSync(join(outDir, 'summary.json'), JSON.stringify(redactDeep(summary, secrets), null, 1) + '\n');
  writeFileSync(join(outDir, 'run.json'), JSON.stringify(redactDeep(meta, secrets), null, 2) + '\n');
  const jobs = options.collectJobs === false ? [] : readJobsFile(jobsPath);
  return { exitCode, outDir, meta, summary, jobs, log: redactText(notes.join('\n'), secrets) };
}

function readJobsFile(path: string): JobRecord[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as JobRecord);
}

function formatObserved(value: number | null): string {
  return value === null ? '—' : Math.abs(value) < 10 ? value.toFixed(3) : value.toFixed(1);
}

function cutShortOf(reason: StopReason | undefined, unreachable: Unreachable | undefined, signal: NodeJS.Signals | undefined, atMs: number | undefined): LoadRunMeta['cutShort'] {
  if (!reason) return undefined;
  const at = new Date(atMs ?? Date.now()).toISOString();
  if (reason === 'target-unreachable' && unreachable) return { reason, message: unreachableLine(unreachable), at };
  if (reason === 'deadline') return { reason, message: 'the overall deadline passed before every job ended; the rest were abandoned', at };
  return { reason: 'signal', message: `stopped by ${signal ?? 'a signal'}: arrivals ended, jobs in flight were given the grace period`, at };
}

/** The objectives as the run judged them, one line each (the CLI prints them). */
export function objectiveLines(summary: LoadSummary): string[] {
  return summary.objectives.map((o) => `  ${o.pass === null ? 'NO DATA' : o.pass ? 'PASS   ' : 'FAIL   '} ${o.name}  (observed ${formatObserved(o.observed)})`);
}

