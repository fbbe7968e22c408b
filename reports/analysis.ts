// Measuring, kept apart from presenting: results.json + objectives → every number the HTML, Markdown and JUnit
// outputs show. Renderers format this; they compute nothing statistical themselves.
import { describeObjective, quantileOf, type Objective, type ObjectiveSet } from '../core/objectives.ts';
import type { CheckOutcome, ContractSpend, RecordedExchange, Severity } from '../core/result-files.ts';
import { costGroupsOf, imagesOf } from './build-results.ts';
import type { CostGroup, JobRow, LedgerSummary, Results, SpendLedger } from './results-types.ts';
import { planCapacity, type CapacityPlan } from './capacity.ts';
import { inScope, metricValues, orderedSample } from './samples.ts';
import { jobsToClaimPercentile, percentileInterval, type PercentileInterval } from './stats/order-statistics.ts';
import { detectableSlowdown } from './stats/gate-power.ts';
import { DEFAULT_GATE_OPTIONS, MIN_GATE_SAMPLE } from './stats/regression-gate.ts';
import { meanVerdict, meanVerdictFromMoments, percentileVerdict, rateVerdict, type Verdict, type VerdictDetail } from './stats/sla-verdict.ts';

export interface ObjectiveVerdict {
  readonly name: string;
  readonly objective: Objective;
  readonly detail: VerdictDetail;
}

export interface FailureGroup {
  readonly check: string;
  readonly severity: Severity;
  /** What the broken rule rests on: documented (a failure) or assumed (a finding, or a failure under --strict). */
  readonly basis: 'documented' | 'assumed';
  /** The rule(s) broken and where they come from (the source's words, or why it is assumed). */
  readonly rule: string;
  readonly source: string;
  readonly title: string;
  readonly count: number;
  readonly operations: readonly string[];
  readonly models: readonly string[];
  readonly message: string;
  readonly example: RecordedExchange | null;
}

export interface MetricSummary {
  readonly metric: string;
  readonly label: string;
  readonly n: number;
  readonly p50: PercentileInterval | null;
  readonly p95: PercentileInterval | null;
  readonly p99: PercentileInterval | null;
  /** Empirical CDF, at most ~200 points: [value ms, cumulative fraction]. */
  readonly cdf: readonly (readonly [number, number])[];
}

/** The client's queue-wait estimate scored against the server's own queue_time (anchors §7 item 2). */
export interface EstimatorScore {
  readonly n: number;
  /** Mean of (client estimate − server queue_time), ms. */
  readonly biasMs: number;
  readonly meanAbsErrorMs: number;
  readonly p95AbsErrorMs: number;
  /** Share of jobs whose server queue_time lies within the client's stated ± bound. */
  readonly coverage: number | null;
}

export interface GroupSummary {
  readonly model: string;
  readonly api: 'v1' | 'v2';
  readonly jobs: number;
  readonly completed: number;
  readonly metrics: readonly MetricSummary[];
  readonly queueWaitEstimator: EstimatorScore | null;
}

/** Scores queue_wait_ms against server_queue_time_ms on the jobs that have both. */
export function scoreQueueWaitEstimator(jobs: readonly JobRow[]): EstimatorScore | null {
  const pairs = jobs.filter((j) => j.queue_wait_ms !== null && j.server_queue_time_ms !== null);
  if (!pairs.length) return null;
  const errors = pairs.map((j) => j.queue_wait_ms! - j.server_queue_time_ms!);
  const abs = errors.map(Math.abs).sort((a, b) => a - b);
  const bounded = pairs.filter((j) => j.queue_wait_bound_ms !== null);
  // 1 ms of slack: the server reports seconds with millisecond resolution
  const covered = bounded.filter((j) => Math.abs(j.queue_wait_ms! - j.server_queue_time_ms!) <= j.queue_wait_bound_ms! + 1).length;
  return {
    n: pairs.length,
    biasMs: errors.reduce((a, b) => a + b, 0) / errors.length,
    meanAbsErrorMs: abs.reduce((a, b) => a + b, 0) / abs.length,
    p95AbsErrorMs: abs[Math.ceil(0.95 * abs.length) - 1]!,
    coverage: bounded.length ? covered / bounded.length : null,
  };
}

export interface SweepRow {
  readonly tag: string;
  readonly offeredRate: number;
  readonly throughput: number;
  readonly jobs: number;
  readonly e2e: { readonly p50: number | null; readonly p95: PercentileInterval | null; readonly p99: number | null };
}

export interface Timeline {
  readonly startMs: number;
  readonly stepMs: number;
  readonly inFlight: readonly number[];
  readonly queued: readonly number[];
  readonly processing: readonly number[];
}

/** Money per model and API version, from the vendor's own per-job cost fields. */
export interface SpendRow {
  readonly model: string;
  readonly api: 'v1' | 'v2';
  readonly jobs: number;
  /** Jobs that reported a cost (a failed job is not billed and reports none). */
  readonly priced: number;
  readonly images: number;
  readonly credits: number;
  /** credits ÷ priced jobs, credits ÷ their images; null when no job reported a cost. */
  readonly perJob: number | null;
  readonly perImage: number | null;
}

export interface Spend {
  readonly rows: readonly SpendRow[];
  readonly total: Omit<SpendRow, 'model' | 'api'>;
  /**
   * The invocation's real spend from its money ledger(s) (results.spend: the run's shared one or each stage's, each
   * read once), and their sum; empty / null when no ledger was kept (the embedded mock under an old run).
   */
  readonly ledgers: readonly SpendLedger[];
  readonly ledgerTotal: LedgerSummary | null;
  /** The contract run's own reconciliation: planned, sent, the cost fields and the balance before and after. */
  readonly contracts: ContractSpend | null;
}

/** What this run can catch as a gate baseline against a run of its own size: end-to-end, per model and API. */
export interface BaselinePower {
  readonly model: string;
  readonly api: 'v1' | 'v2';
  readonly n: number;
  /** The smallest end-to-end slowdown the gate catches 95 % of the time (default tolerance); null: not testable. */
  readonly detectableSlowdown: number | null;
}

export interface AnalyzeOptions {
  /** Contracts and load stages further apart than this (seconds) are flagged in the report's header. Default 3600. */
  readonly maxStageGapS?: number;
  /** `report --strict`: a contract finding on an assumed rule counts as a failure, as if the stage had run --strict. */
  readonly strict?: boolean;
}

export const DEFAULT_MAX_STAGE_GAP_S = 3600;

export interface Analysis {
  readonly results: Results;
  readonly objectivesSource: string;
  readonly confidence: number;
  readonly verdicts: readonly ObjectiveVerdict[];
  readonly slaVerdict: Verdict | null;
  /** FAIL when an objective fails or a contract check fails; else the SLA verdict (PASS when there is none). */
  readonly overall: Verdict;
  readonly contracts: null | {
    readonly checks: number;
    readonly passed: number;
    readonly failedChecks: number;
    readonly failures: number;
    readonly skipped: number;
    /** Differences from the spec's assumptions: listed, never failing (0 under --strict, where they are failures). */
    readonly findings: number;
  };
  readonly failureGroups: readonly FailureGroup[];
  /** The findings on assumed rules, grouped like the failures: shown, not failing. */
  readonly findingGroups: readonly FailureGroup[];
  /** The contract checks as this report judges them (under `report --strict`, every finding a failure). */
  readonly checks: readonly CheckOutcome[];
  readonly groups: readonly GroupSummary[];
  readonly sweep: readonly SweepRow[] | null;
  readonly capacity: readonly CapacityPlan[];
  readonly timeline: Timeline | null;
  readonly sampleSizeRule: { readonly confidence: number; readonly p99: number | null; readonly p95: number | null; readonly p99At99: number | null; readonly p99At99OneOver: number | null };
  readonly notes: readonly string[];
  /** What a reader must see before any number: stages against different targets or far apart, a run cut short. */
  readonly warnings: readonly string[];
  readonly spend: Spend | null;
  /** Empty when the jobs are not kept (histogram mode): the gate needs them anyway. */
  readonly baselinePower: readonly BaselinePower[];
}

/**
 * A check that neither passed nor failed a case never ran: every case skipped, or no case at all (the contracts
 * stage writes a check it could not apply — rate-limit-429 without --rpm — as zero cases with a skipReason).
 * It is reported as skipped, never as passed.
 */
export function checkNeverRan(check: Pick<CheckOutcome, 'passed' | 'failed' | 'differed'>): boolean {
  return check.passed === 0 && check.failed === 0 && (check.differed ?? 0) === 0;
}

/**
 * Checks passed, failed and skipped (never ran), and the findings on assumed rules (not failing: a check with only
 * findings counts as passed): the one count every output words the same way.
 */
export function checkCounts(checks: readonly CheckOutcome[]): NonNullable<Analysis['contracts']> {
  const failedChecks = checks.filter((c) => c.failed > 0).length;
  const skipped = checks.filter((c) => c.failed === 0 && checkNeverRan(c)).length;
  return {
    checks: checks.length,
    passed: checks.length - failedChecks - skipped,
    failedChecks,
    failures: checks.reduce((s, c) => s + c.failed, 0),
    skipped,
    findings: checks.reduce((s, c) => s + (c.findings?.length ?? 0), 0),
  };
}

/** The checks as a --strict run would have judged them: every finding on an assumed rule a failure. */
export function strictChecks(checks: readonly CheckOutcome[]): CheckOutcome[] {
  return checks.map((c) => (c.findings?.length ? { ...c, failed: c.failed + (c.differed ?? 0), differed: 0, failures: [...c.failures, ...c.findings], findings: [] } : c));
}

const SEVERITY_ORDER: readonly Severity[] = ['critical', 'major', 'minor', 'info'];

/** The CDF metrics: queue wait, inference time (server's when reported, else client processing), end-to-end. */
const CDF_METRICS = [
  { metric: 'queue_wait_ms', label: 'queue wait (client estimate)' },
  { metric: 'server_inference_time_ms', label: 'inference_time (server)' },
  { metric: 'processing_ms', label: 'processing (client view)' },
  { metric: 'e2e_ms', label: 'end-to-end' },
] as const;

function costGroups(load: NonNullable<Results['load']>): readonly CostGroup[] {
  return load.costs ?? costGroupsOf(load.jobs);
}

function judge(objective: Objective, results: NonNullable<Results['load']>, confidence: number): VerdictDetail {
  const scope = { ...(objective.model ? { model: objective.model } : {}), ...(objective.api ? { api: objective.api } : {}) };
  if (objective.kind === 'cost') {
    const perImage = objective.metric === 'cost_per_image';
    if (results.samples === 'raw') {
      const priced = results.jobs.filter((j) => inScope(j, scope) && j.cost !== null);
      return meanVerdict(priced.map((j) => (perImage ? j.cost! / Math.max(1, imagesOf(j)) : j.cost!)), objective.op, objective.value, confidence);
    }
    const groups = costGroups(results).filter((g) => inScope(g, scope));
    const sum = (f: (g: CostGroup) => number): number => groups.reduce((t, g) => t + f(g), 0);
    return meanVerdictFromMoments(sum((g) => g.priced), sum((g) => (perImage ? g.perImage : g.credits)), sum((g) => (perImage ? g.perImageSq : g.creditsSq)), objective.op, objective.value, confidence);
  }
  if (objective.kind === 'rate') {
    // counts per group are kept in both sample modes
    const groups = results.counts.filter((c) => inScope(c, scope));
    const n = groups.reduce((s, c) => s + c.jobs, 0);
    const ok = groups.reduce((s, c) => s + c.completed, 0);
    return rateVerdict(objective.metric === 'success_rate' ? ok : n - ok, n, objective.op, objective.value, confidence);
  }
  if (objective.stat === 'mean') return meanVerdict(metricValues(results.jobs, objective.metric, scope), objective.op, objective.value, confidence);
  return percentileVerdict(orderedSample(results, objective.metric, scope), quantileOf(objective.stat), objective.op, objective.value, confidence);
}

function cdfPoints(values: readonly number[]): [number, number][] {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const step = Math.max(1, Math.floor(n / 200));
  const points: [number, number][] = [];
  for (let i = 0; i < n; i += step) points.push([sorted[i]!, (i + 1) / n]);
  if (n && points[points.length - 1]![1] !== 1) points.push([sorted[n - 1]!, 1]);
  return points;
}

function summarize(load: NonNullable<Results['load']>, model: string, api: 'v1' | 'v2', confidence: number): GroupSummary {
  const scope = { model, api };
  const jobs = load.jobs.filter((j) => inScope(j, scope));
  const metrics: MetricSummary[] = [];
  for (const { metric, label } of CDF_METRICS) {
    const values = metricValues(load.jobs, metric, scope);
    if (!values.length) continue;
    if (metric === 'processing_ms' && metrics.some((m) => m.metric === 'server_inference_time_ms')) continue;
    const sample = orderedSample(load, metric, scope);
    const interval = (p: number): PercentileInterval | null => (sample.n ? percentileInterval(sample, p, confidence) : null);
    metrics.push({ metric, label, n: sample.n, p50: interval(0.5), p95: interval(0.95), p99: interval(0.99), cdf: cdfPoints(values) });
  }
  return { model, api, jobs: jobs.length, completed: jobs.filter((j) => j.status === 'COMPLETED').length, metrics, queueWaitEstimator: scoreQueueWaitEstimator(jobs) };
}

/** In-flight jobs, queue depth and jobs in PROCESSING over time, from each job's timestamps (≤ 300 steps). */
export function buildTimeline(jobs: readonly JobRow[]): Timeline | null {
  if (!jobs.length) return null;
  const startMs = Math.min(...jobs.map((j) => j.submit_at_ms));
  const endMs = Math.max(...jobs.map((j) => j.end_ms ?? j.submit_at_ms + j.submit_latency_ms));
  const span = Math.max(1, endMs - startMs);
  const steps = Math.min(300, Math.max(10, Math.ceil(span / 100)));
  const stepMs = span / steps;
  const delta = { inFlight: new Float64Array(steps + 2), queued: new Float64Array(steps + 2), processing: new Float64Array(steps + 2) };
  const bin = (t: number): number => Math.min(steps + 1, Math.max(0, Math.ceil((t - startMs) / stepMs)));
  for (const j of jobs) {
    const end = j.end_ms ?? j.submit_at_ms + j.submit_latency_ms;
    delta.inFlight[bin(j.submit_at_ms)]! += 1;
    delta.inFlight[bin(end)]! -= 1;
    if (j.processing_start_ms !== null) {
      const began = Math.min(end, Math.max(j.submit_at_ms, j.processing_start_ms));
      if (j.api === 'v2') {
        delta.queued[bin(j.submit_at_ms)]! += 1;
        delta.queued[bin(began)]! -= 1;
      }
      delta.processing[bin(began)]! += 1;
      delta.processing[bin(end)]! -= 1;
    }
  }
  const integrate = (d: Float64Array): number[] => {
    const out: number[] = [];
    let level = 0;
    for (let i = 0; i <= steps; i++) {
      level += d[i]!;
      out.push(Math.max(0, Math.round(level)));
    }
    return out;
  };
  return { startMs, stepMs, inFlight: integrate(delta.inFlight), queued: integrate(delta.queued), processing: integrate(delta.processing) };
}

type Group = Omit<FailureGroup, 'operations' | 'models'> & { count: number; operations: Set<string>; models: Set<string>; example: RecordedExchange | null };

function groupFailures(checks: readonly CheckOutcome[], which: 'failures' | 'findings'): FailureGroup[] {
  const groups = new Map<string, Group>();
  for (const check of checks) {
    for (const f of check[which] ?? []) {
      const key = `${f.check}\u0000${f.severity}\u0000${f.dedupeKey}`;
      const g: Group = groups.get(key) ?? {
        check: f.check,
        severity: f.severity,
        // files written before rules were recorded: every failure then failed, as a documented one does
        basis: f.basis ?? 'documented',
        rule: f.rule ?? f.check,
        source: f.source ?? '',
        title: f.title,
        count: 0,
        operations: new Set<string>(),
        models: new Set<string>(),
        message: f.message,
        example: f.exchange ?? null,
      };
      g.count++;
      g.operations.add(f.operation);
      if (f.model) g.models.add(f.model);
      if (!g.example && f.exchange) g.example = f.exchange;
      groups.set(key, g);
    }
  }
  return [...groups.values()]
    .map((g) => ({ ...g, operations: [...g.operations], models: [...g.models] }))
    .sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || a.check.localeCompare(b.check) || b.count - a.count);
}

function sweepRows(load: NonNullable<Results['load']>, confidence: number): SweepRow[] | null {
  const rated = load.stages.filter((s) => s.rate !== undefined);
  if (load.samples !== 'raw' || rated.length < 2) return null;
  return rated.map((stage) => {
    const own = load.jobs.filter((j) => j.stage === stage.tag);
    const start = own.length ? Math.min(...own.map((j) => j.submit_at_ms)) : 0;
    const durationS = stage.durationS || 1;
    const done = load.jobs.filter((j) => j.end_ms !== null && j.end_ms >= start && j.end_ms < start + durationS * 1000 && j.status === 'COMPLETED').length;
    const sample = orderedSample(load, 'e2e_ms', { stage: stage.tag });
    const q = (p: number): number | null => (sample.n ? sample.at(Math.max(1, Math.ceil(p * sample.n))) : null);
    return { tag: stage.tag, offeredRate: own.length / durationS, throughput: done / durationS, jobs: own.length, e2e: { p50: q(0.5), p95: sample.n ? percentileInterval(sample, 0.95, confidence) : null, p99: q(0.99) } };
  });
}

function spendRow(groups: readonly CostGroup[]): Omit<SpendRow, 'model' | 'api'> {
  const jobs = groups.reduce((t, g) => t + g.jobs, 0);
  const priced = groups.reduce((t, g) => t + g.priced, 0);
  const images = groups.reduce((t, g) => t + g.images, 0);
  const credits = Math.round(groups.reduce((t, g) => t + g.credits, 0) * 1e9) / 1e9;
  return { jobs, priced, images, credits, perJob: priced ? credits / priced : null, perImage: images ? credits / images : null };
}

/** Spend per model × API and in total from the jobs' cost fields, beside the invocation's ledgers and the contract run's reconciliation. */
export function summarizeSpend(results: Results): Spend | null {
  const groups = results.load ? costGroups(results.load) : [];
  const ledgers = results.spend?.ledgers ?? [];
  const contracts = results.contracts?.spend ?? null;
  if (!groups.length && !ledgers.length && !contracts) return null;
  const keys = [...new Map(groups.map((g) => [`${g.model} ${g.api}`, { model: g.model, api: g.api }])).values()].sort((a, b) => `${a.model}${a.api}`.localeCompare(`${b.model}${b.api}`));
  const rows = keys.map(({ model, api }) => ({ model, api, ...spendRow(groups.filter((g) => g.model === model && g.api === api)) }));
  return { rows, total: spendRow(groups), ledgers, ledgerTotal: results.spend?.total ?? null, contracts };
}

/** "3 h 12 min", "45 min", "30 s". */
export function formatDuration(seconds: number): string {
  if (seconds < 120) return `${Math.round(seconds)} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
}

const sameTarget = (a: { kind: string; baseUrl: string }, b: { kind: string; baseUrl: string }): boolean =>
  // every stage starts its own embedded mock on a port of its own: two mocks are the same target
  a.kind === b.kind && (a.kind === 'mock' || a.baseUrl === b.baseUrl);

/** What the header must say before any number is read. */
export function runWarnings(results: Results, maxStageGapS = DEFAULT_MAX_STAGE_GAP_S): string[] {
  const warnings: string[] = [];
  const c = results.contracts;
  const l = results.load;
  if (c?.target && l?.target && !sameTarget(c.target, l.target)) {
    warnings.push(`the contracts ran against ${c.target.kind} ${c.target.baseUrl} and the load against ${l.target.kind} ${l.target.baseUrl}: these verdicts describe two different targets`);
  }
  if (c && l) {
    const [first, second] = Date.parse(c.startedAt) <= Date.parse(l.startedAt) ? [c, l] : [l, c];
    const gapS = (Date.parse(second.startedAt) - Date.parse(first.finishedAt)) / 1000;
    if (Number.isFinite(gapS) && gapS > maxStageGapS) {
      warnings.push(`the contracts and the load ran ${formatDuration(gapS)} apart (more than the ${formatDuration(maxStageGapS)} allowed by --max-stage-gap): the target may have changed in between`);
    }
  }
  if (l?.cutShort) warnings.push(`run cut short: ${l.cutShort}`);
  return warnings;
}

export function analyze(results: Results, objectives: ObjectiveSet, objectivesSource: string, options: AnalyzeOptions = {}): Analysis {
  const notes: string[] = [];
  const load = results.load;
  const confidence = objectives.confidence;
  const verdicts: ObjectiveVerdict[] = load ? objectives.objectives.map((objective) => ({ name: describeObjective(objective), objective, detail: judge(objective, load, confidence) })) : [];
  const slaVerdict: Verdict | null = !verdicts.length ? null : verdicts.some((v) => v.detail.verdict === 'FAIL') ? 'FAIL' : verdicts.some((v) => v.detail.verdict === 'INCONCLUSIVE') ? 'INCONCLUSIVE' : 'PASS';
  const checks = options.strict ? strictChecks(results.contracts?.checks ?? []) : (results.contracts?.checks ?? []);
  const pairs = load ? [...new Map(load.jobs.map((j) => [`${j.model} ${j.api}`, { model: j.model, api: j.api }])).values()].sort((a, b) => `${a.model}${a.api}`.localeCompare(`${b.model}${b.api}`)) : [];
  const sweep = load ? sweepRows(load, confidence) : null;
  if (sweep) notes.push('A sweep mixes offered loads: the verdict table judges all stages together; the capacity section judges each stage.');
  if (load?.samples === 'histogram') notes.push(load.samplesNote);
  const capacity: CapacityPlan[] = [];
  if (load && sweep) {
    for (const { model, api } of pairs) {
      const plan = planCapacity(load.jobs, load.stages, model, api, objectives, load.mockTruth ?? null);
      if (plan) capacity.push(plan);
    }
  }
  const contractsFailed = checks.some((c) => c.failed > 0);
  const overall: Verdict = contractsFailed || slaVerdict === 'FAIL' ? 'FAIL' : (slaVerdict ?? (results.contracts ? 'PASS' : 'INCONCLUSIVE'));
  return {
    results,
    overall,
    objectivesSource,
    confidence,
    verdicts,
    slaVerdict,
    contracts: results.contracts ? checkCounts(checks) : null,
    checks,
    failureGroups: groupFailures(checks, 'failures'),
    findingGroups: groupFailures(checks, 'findings'),
    groups: load && load.samples === 'raw' ? pairs.map(({ model, api }) => summarize(load, model, api, confidence)) : [],
    sweep,
    capacity,
    timeline: load && load.samples === 'raw' ? buildTimeline(load.jobs) : null,
    sampleSizeRule: {
      confidence,
      p99: jobsToClaimPercentile(0.99, confidence, 0) ?? null,
      p95: jobsToClaimPercentile(0.95, confidence, 0) ?? null,
      p99At99: jobsToClaimPercentile(0.99, 0.99, 0) ?? null,
      p99At99OneOver: jobsToClaimPercentile(0.99, 0.99, 1) ?? null,
    },
    notes,
    warnings: runWarnings(results, options.maxStageGapS),
    spend: summarizeSpend(results),
    baselinePower: load && load.samples === 'raw' ? pairs.map(({ model, api }) => baselinePowerOf(load.jobs, model, api)) : [],
  };
}

function baselinePowerOf(jobs: readonly JobRow[], model: string, api: 'v1' | 'v2'): BaselinePower {
  const values = metricValues(jobs, 'e2e_ms', { model, api });
  return { model, api, n: values.length, detectableSlowdown: values.length < MIN_GATE_SAMPLE ? null : detectableSlowdown(values, values.length, DEFAULT_GATE_OPTIONS) };
}
