// Raw stage files → results.json. The only code that reads the contract and load stages' files (formats fixed in
// core/result-files.ts); it checks their shape as it reads, so a malformed file is one clear error naming the file.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { cpus, platform } from 'node:os';
import { join } from 'node:path';
import { LEDGER_FILE, readLedger, type BudgetTotals } from '../core/billable-budget.ts';
import type { CheckOutcome, ContractOutcomes, ContractSpend, JobRecord, LoadRunMeta, LoadSpend, LoadSummary } from '../core/result-files.ts';
import { queueWaitEstimateMs } from '../core/queue-wait.ts';
import { redactDeep } from '../core/redact.ts';
import { UsageError } from '../core/target.ts';
import { SPEC_VERSION } from '../spec/generated/operations.ts';
import { INFERCHECK_VERSION } from '../core/version.ts';
import { LATENCY_METRICS, type LatencyMetric } from '../core/objectives.ts';
import { RESULTS_SCHEMA, type CostGroup, type HistogramRecord, type JobRow, type LedgerSummary, type LoadEngineTotals, type Results, type RunSpend, type SpendLedger } from './results-types.ts';

import { encodeHistogram, metricValues, RAW_SAMPLE_LIMIT } from './samples.ts';

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`cannot read ${path}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${path} is not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function expectShape(ok: boolean, path: string, what: string): void {
  if (!ok) throw new UsageError(`${path} is malformed: ${what}`);
}

function readContracts(dir: string): ContractOutcomes | null {
  const path = join(dir, 'contracts', 'outcomes.json');
  if (!existsSync(path)) return null;
  const doc = readJson(path);
  expectShape(isObject(doc) && doc['schema'] === 'infercheck/contract-outcomes@1', path, 'expected schema "infercheck/contract-outcomes@1"');
  const outcomes = doc as unknown as ContractOutcomes;
  expectShape(Array.isArray(outcomes.checks) && outcomes.checks.every((c) => isObject(c) && typeof c.id === 'string' && Array.isArray(c.failures)), path, 'checks must be a list of { id, failures, … }');
  expectShape(isObject(outcomes.target) && typeof outcomes.target.baseUrl === 'string', path, 'target.baseUrl missing');
  return outcomes;
}

function readLoadMeta(dir: string): LoadRunMeta | null {
  const path = join(dir, 'load', 'run.json');
  if (!existsSync(path)) return null;
  const doc = readJson(path);
  expectShape(isObject(doc) && doc['schema'] === 'infercheck/load-run@1', path, 'expected schema "infercheck/load-run@1"');
  const meta = doc as unknown as LoadRunMeta;
  expectShape(Array.isArray(meta.stages) && Array.isArray(meta.models), path, 'stages and models must be lists');
  return meta;
}

/**
 * The jobs of a load run. A torn LAST line (the run was interrupted mid-write) is skipped and reported as the run
 * being cut short; a bad line anywhere else is a malformed file, as before — skipping it would hide lost data.
 */
function readJobs(dir: string): { jobs: JobRecord[]; cutShort: string | null } {
  const path = join(dir, 'load', 'jobs.ndjson');
  if (!existsSync(path)) throw new UsageError(`${path} is missing (load/run.json is there, so the load stage should have written it)`);
  const jobs: JobRecord[] = [];
  const lines = readFileSync(path, 'utf8').split('\n');
  let last = lines.length - 1;
  while (last >= 0 && !lines[last]!.trim()) last--;
  let cutShort: string | null = null;
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    let job: unknown;
    try {
      job = JSON.parse(line);
    } catch {
      if (i !== last) throw new UsageError(`${path}:${i + 1} is not valid JSON`);
      cutShort = `the last line of load/jobs.ndjson (line ${i + 1}) is torn and was skipped: the load run was cut short, ${jobs.length} jobs read`;
      return;
    }
    const ok = isObject(job) && typeof job['model'] === 'string' && (job['api'] === 'v1' || job['api'] === 'v2') && typeof job['stage'] === 'string' && typeof job['submit_at_ms'] === 'number' && typeof job['final_status'] === 'string';
    expectShape(ok, `${path}:${i + 1}`, 'a job needs model, api (v1|v2), stage, submit_at_ms and final_status');
    jobs.push(job as unknown as JobRecord);
  });
  return { jobs, cutShort };
}

function ledgerSummary(t: Pick<BudgetTotals, 'max' | 'reserved' | 'notSent' | 'billed' | 'refused' | 'unknown' | 'inFlight' | 'credits' | 'costsReported'>): LedgerSummary {
  return { max: t.max, sent: t.reserved - t.notSent, billed: t.billed, refused: t.refused, unknown: t.unknown, inFlight: t.inFlight, credits: t.credits, costsReported: t.costsReported };
}

function readLedgerFile(path: string): LedgerSummary {
  try {
    return ledgerSummary(readLedger(path));
  } catch (err) {
    throw new UsageError(`${path} is not a readable spend ledger (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
  }
}

/** A stage's own share as its files recorded it, for a ledger kept outside the run folder. */
function recordedShare(stage: 'contracts' | 'load', contracts: ContractSpend | undefined, load: LoadSpend | undefined): LedgerSummary | null {
  if (stage === 'contracts' && contracts) {
    const r = contracts.requests;
    return ledgerSummary({ max: contracts.maxBillable, reserved: r.reserved, notSent: r.notSent, billed: r.billed, refused: r.refused, unknown: r.unknown, inFlight: Math.max(0, r.reserved - r.notSent - r.billed - r.refused - r.unknown), credits: contracts.creditsReported, costsReported: contracts.costsReported });
  }
  if (stage === 'load' && load) return { max: load.max, sent: load.sent, billed: load.billed, refused: load.refused, unknown: load.unknown, inFlight: Math.max(0, load.sent - load.billed - load.refused - load.unknown), credits: load.credits, costsReported: load.costsReported };
  return null;
}

/** Adds ledgers that hold different requests (the caller makes sure they do). */
export function addLedgers(ledgers: readonly LedgerSummary[]): LedgerSummary {
  const sum = (f: (l: LedgerSummary) => number): number => ledgers.reduce((t, l) => t + f(l), 0);
  return {
    max: ledgers.length && ledgers.every((l) => l.max !== null) ? sum((l) => l.max!) : null,
    sent: sum((l) => l.sent),
    billed: sum((l) => l.billed),
    refused: sum((l) => l.refused),
    unknown: sum((l) => l.unknown),
    inFlight: sum((l) => l.inFlight),
    credits: Math.round(sum((l) => l.credits) * 1e9) / 1e9,
    costsReported: sum((l) => l.costsReported),
  };
}

/**
 * What the invocation(s) behind a run folder spent, each ledger read once. A stage that ran on its own kept its ledger
 * in its folder (`<stage>/spend.ndjson`); a stage under `infercheck run` wrote none and joined the run's
 * (`<run>/spend.ndjson`, shared by both stages: read once for both); a stage that joined a ledger kept elsewhere (a
 * split test's) recorded its own share in its files. A run ledger no stage here joined (an earlier invocation whose
 * stages were since re-run on their own) is not this folder's spend.
 */
function readSpend(dir: string, contracts: ContractOutcomes | null, meta: LoadRunMeta | null): RunSpend | null {
  const stages = [...(contracts ? (['contracts'] as const) : []), ...(meta ? (['load'] as const) : [])];
  const ledgers: SpendLedger[] = [];
  const onRun: ('contracts' | 'load')[] = [];
  for (const stage of stages) {
    const own = join(dir, stage, LEDGER_FILE);
    if (existsSync(own)) ledgers.push({ stages: [stage], source: `${stage}/${LEDGER_FILE}`, totals: readLedgerFile(own) });
    else if (existsSync(join(dir, LEDGER_FILE))) onRun.push(stage);
    else {
      const share = recordedShare(stage, contracts?.spend, meta?.spend);
      if (share) ledgers.push({ stages: [stage], source: `recorded by ${stage}`, totals: share });
    }
  }
  if (onRun.length) ledgers.unshift({ stages: onRun, source: LEDGER_FILE, totals: readLedgerFile(join(dir, LEDGER_FILE)) });
  return ledgers.length ? { ledgers, total: addLedgers(ledgers.map((l) => l.totals)) } : null;
}

function readEngineTotals(dir: string, meta: LoadRunMeta): LoadEngineTotals {
  const path = join(dir, 'load', 'summary.json');
  const doc = existsSync(path) ? readJson(path) : undefined;
  if (doc !== undefined) expectShape(isObject(doc) && doc['schema'] === 'infercheck/load-summary@1', path, 'expected schema "infercheck/load-summary@1"');
  const summary = doc as LoadSummary | undefined;
  return {
    lateArrivals: summary?.arrivals.late ?? null,
    startLagP99Ms: summary?.arrivals.startLagP99Ms ?? null,
    httpRequests: summary?.http.requests ?? null,
    statusCodes: summary?.http.byCode ?? null,
    droppedConnections: summary?.http.droppedConnections ?? null,
    unknownSubmits: summary?.jobs.unknownSubmits ?? null,
    resultUnread: summary?.jobs.resultUnread ?? null,
    contractViolations: summary?.conformance.violations ?? null,
    // a summary without the split counted every violation as documented: none of them was told apart as assumed
    contractFindings: summary ? (summary.conformance.assumed ?? 0) : null,
    cutShort: meta.cutShort?.message ?? null,
    estimates: summary?.estimates ?? null,
  };
}

const ms = (seconds: number | undefined): number | null => (typeof seconds === 'number' && Number.isFinite(seconds) ? seconds * 1000 : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** One raw job record → one row with every metric in ms and its place on the timeline. */
export function toJobRow(job: JobRecord): JobRow {
  const server = job.server ?? {};
  const e2e = num(job.e2e_ms);
  const queueWait = queueWaitEstimateMs(job);
  const inference = ms(server.inference_time_s);
  const lastSeen = job.observations?.length ? job.observations[job.observations.length - 1]!.at_ms : null;
  const end = e2e !== null ? job.submit_at_ms + e2e : lastSeen;
  // Processing (client view) = submit→terminal minus the queue-wait estimate; v1 has no queue view, so it has the
  // server's inference time only.
  const processing = e2e !== null && queueWait !== null ? Math.max(0, e2e - queueWait) : null;
  const processingStart = queueWait !== null ? job.submit_at_ms + queueWait : end !== null && inference !== null ? end - inference : null;
  return {
    model: job.model,
    api: job.api,
    stage: job.stage,
    request_id: job.request_id ?? null,
    status: job.final_status,
    code: job.final_code,
    submit_at_ms: job.submit_at_ms,
    submit_latency_ms: num(job.submit_latency_ms) ?? 0,
    queue_wait_ms: queueWait,
    queue_wait_bound_ms: num(job.queue_wait_bound_ms),
    processing_ms: processing,
    e2e_ms: e2e,
    result_fetch_ms: num(job.result_fetch_ms),
    server_queue_time_ms: ms(server.queue_time_s),
    server_inference_time_ms: inference,
    server_total_time_ms: ms(server.total_time_s),
    polls: num(job.polls) ?? 0,
    cost: num(server.cost),
    images: num(job.images),
    processing_start_ms: processingStart,
    end_ms: end,
  };
}

function histogramsOf(rows: readonly JobRow[]): HistogramRecord[] {
  const groups = new Map<string, { model: string; api: 'v1' | 'v2'; stage: string }>();
  for (const r of rows) groups.set(`${r.model}\u0000${r.api}\u0000${r.stage}`, { model: r.model, api: r.api, stage: r.stage });
  const out: HistogramRecord[] = [];
  for (const group of groups.values()) {
    for (const metric of Object.keys(LATENCY_METRICS) as LatencyMetric[]) {
      const values = metricValues(rows, metric, group);
      if (values.length) out.push({ ...group, metric, unit: 'us', count: values.length, encoded: encodeHistogram(values) });
    }
  }
  return out;
}

function countsOf(rows: readonly JobRow[]): NonNullable<Results['load']>['counts'] {
  const counts = new Map<string, { model: string; api: 'v1' | 'v2'; stage: string; jobs: number; completed: number }>();
  for (const r of rows) {
    const key = `${r.model}\u0000${r.api}\u0000${r.stage}`;
    const c = counts.get(key) ?? { model: r.model, api: r.api, stage: r.stage, jobs: 0, completed: 0 };
    c.jobs++;
    if (r.status === 'COMPLETED') c.completed++;
    counts.set(key, c);
  }
  return [...counts.values()];
}

/** Sums of the vendor's cost fields per (model, api, stage); a job without a reported image count delivered one. */
export function costGroupsOf(rows: readonly JobRow[]): CostGroup[] {
  const groups = new Map<string, { -readonly [K in keyof CostGroup]: CostGroup[K] }>();
  for (const r of rows) {
    const key = `${r.model}\u0000${r.api}\u0000${r.stage}`;
    const g = groups.get(key) ?? { model: r.model, api: r.api, stage: r.stage, jobs: 0, priced: 0, images: 0, credits: 0, creditsSq: 0, perImage: 0, perImageSq: 0 };
    g.jobs++;
    if (r.cost !== null) {
      const images = imagesOf(r);
      g.priced++;
      g.images += images;
      g.credits += r.cost;
      g.creditsSq += r.cost * r.cost;
      const perImage = images > 0 ? r.cost / images : 0;
      g.perImage += perImage;
      g.perImageSq += perImage * perImage;
    }
    groups.set(key, g);
  }
  return [...groups.values()];
}

/** Images a job delivered: recorded by the load stage, else 1 (every load scenario sends samples: 1). */
export function imagesOf(row: Pick<JobRow, 'images'>): number {
  return typeof row.images === 'number' ? row.images : 1;
}

function redactChecks(checks: readonly CheckOutcome[]): CheckOutcome[] {
  // The contract stage redacts already; reports redact again because a leaked key in an HTML report is forever.
  return redactDeep(checks as CheckOutcome[]);
}

export interface BuildOptions {
  readonly now?: Date;
  readonly rawSampleLimit?: number;
}

/** Reads a run folder's raw files and assembles results.json (not yet validated or written). */
export function buildResults(runDir: string, options: BuildOptions = {}): Results {
  if (!existsSync(runDir) || !statSync(runDir).isDirectory()) throw new UsageError(`run folder ${runDir} does not exist`);
  const contracts = readContracts(runDir);
  const meta = readLoadMeta(runDir);
  if (!contracts && !meta) throw new UsageError(`${runDir} has neither contracts/outcomes.json nor load/run.json: not a run folder`);
  const read = meta ? readJobs(runDir) : { jobs: [], cutShort: null };
  const rows = read.jobs.map(toJobRow);
  const limit = options.rawSampleLimit ?? RAW_SAMPLE_LIMIT;
  const raw = rows.length <= limit;
  const starts = [contracts?.startedAt, meta?.startedAt].filter((s): s is string => !!s).sort();
  const ends = [contracts?.finishedAt, meta?.finishedAt].filter((s): s is string => !!s).sort();
  const target = contracts?.target ?? meta?.target ?? { kind: 'unknown', baseUrl: '' };
  return {
    schema: RESULTS_SCHEMA,
    infercheckVersion: INFERCHECK_VERSION,
    generatedAt: (options.now ?? new Date()).toISOString(),
    target: { kind: target.kind, baseUrl: target.baseUrl },
    specVersion: contracts?.specVersion ?? meta?.specVersion ?? SPEC_VERSION,
    environment: {
      node: process.version,
      engine: meta?.engine ?? null,
      hostCores: cpus().length,
      platform: `${platform()} ${process.arch}`,
      runStartedAt: starts[0] ?? null,
      runFinishedAt: ends[ends.length - 1] ?? null,
    },
    contracts: contracts
      ? {
          startedAt: contracts.startedAt,
          finishedAt: contracts.finishedAt,
          cases: contracts.cases,
          billableRequests: contracts.billableRequests,
          checks: redactChecks(contracts.checks),
          findings: contracts.findings ?? [],
          ...(contracts.strict !== undefined ? { strict: contracts.strict } : {}),
          target: { kind: contracts.target.kind, baseUrl: contracts.target.baseUrl },
          ...(contracts.run ? { run: contracts.run } : {}),
          ...(contracts.spend ? { spend: contracts.spend } : {}),
        }
      : null,
    load: meta
      ? {
          scenario: meta.scenario,
          models: meta.models,
          startedAt: meta.startedAt,
          finishedAt: meta.finishedAt,
          exitCode: meta.exitCode,
          stages: meta.stages,
          slo: meta.slo ?? null,
          mockTruth: meta.mockTruth ?? null,
          samples: raw ? 'raw' : 'histogram',
          samplesNote: raw
            ? `every job kept (${rows.length} ≤ ${limit}): exact ranks for the order-statistic intervals and the gate`
            : `${rows.length} jobs > ${limit}: percentiles from per-group HDR histograms (3 significant digits, mergeable); jobs not kept`,
          jobCount: rows.length,
          jobs: raw ? rows : [],
          histograms: histogramsOf(rows),
          counts: countsOf(rows),
          engine: readEngineTotals(runDir, meta),
          target: { kind: meta.target.kind, baseUrl: meta.target.baseUrl },
          seed: typeof meta.seed === 'number' ? meta.seed : null,
          segment: meta.segment ?? null,
          testId: meta.testId ?? null,
          startAt: meta.startAt ?? null,
          labels: meta.labels ?? null,
          cutShort: read.cutShort,
          costs: costGroupsOf(rows),
        }
      : null,
    spend: readSpend(runDir, contracts, meta),
  };
}
