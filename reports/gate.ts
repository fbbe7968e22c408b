// `infercheck gate`: a run against a baseline results.json, per metric and per model/API version, with a CI exit
// code. Separates "the vendor got slower" (server inference_time) from "the queue got longer" (queue wait), which
// a noisy third-party vendor makes essential (anchors §7 item 10).
//
// What it refuses to do quietly (issue 13): compare runs of different tests (target kind, scenario, models, APIs,
// spec version — `--allow-mismatch` overrides and the verdict says so); call a row "unchanged" when it had too few
// samples to test (it is "not tested", and counted); pass when no row could be tested (exit 1 unless
// `--allow-untested`). And it says what the baseline can catch: the smallest slowdown per row detected 95 % of the
// time (stats/gate-power.ts).
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LatencyMetric } from '../core/objectives.ts';
import { UsageError } from '../core/target.ts';
import { INFERCHECK_VERSION } from '../core/version.ts';
import { costGroupsOf } from './build-results.ts';
import { resultsOf } from './report.ts';
import { readResultsFile } from './results-schema.ts';
import type { CostGroup, Results } from './results-types.ts';
import { metricValues } from './samples.ts';
import { compareMetric, DEFAULT_GATE_OPTIONS, MIN_GATE_SAMPLE, type GateOptions, type MetricComparison } from './stats/regression-gate.ts';
import { detectableSlowdown, GATE_POWER } from './stats/gate-power.ts';
import { escapeMarkdown as md } from './render/escape.ts';
import { formatCredits, formatMs } from './render/format.ts';

/** The metrics the gate compares, in the order it prints them. */
export const GATE_METRICS: readonly LatencyMetric[] = ['e2e_ms', 'queue_wait_ms', 'server_queue_time_ms', 'server_inference_time_ms', 'processing_ms', 'submit_latency_ms'];

export interface GateRow {
  readonly model: string;
  readonly api: 'v1' | 'v2';
  readonly metric: LatencyMetric;
  readonly comparison: MetricComparison;
  /** The smallest slowdown of this metric the gate catches 95 % of the time with these two runs' sizes and the baseline's spread; null: none up to +900 %, or not testable. */
  readonly detectableSlowdown: number | null;
}

/** Cost per image, baseline vs current, per model and API version: judged only when a tolerance is given. */
export interface CostRow {
  readonly model: string;
  readonly api: 'v1' | 'v2';
  readonly baselinePerImage: number;
  readonly currentPerImage: number;
  readonly ratio: number;
  readonly verdict: 'regressed' | 'within' | 'not judged';
}

export interface GateReport {
  readonly schema: 'infercheck/gate@2';
  /** The infercheck that wrote this file (core/version.ts); absent in files written before it was recorded. */
  readonly infercheckVersion?: string;
  readonly maxRegression: number;
  readonly maxCostIncrease: number | null;
  /** The catch probability the detectable slowdowns are stated at. */
  readonly power: number;
  readonly rows: readonly GateRow[];
  readonly tested: number;
  readonly untested: number;
  readonly costRows: readonly CostRow[];
  readonly diagnoses: readonly string[];
  /** Differences between the two runs' tests, compared anyway because of --allow-mismatch. */
  readonly mismatches: readonly string[];
  readonly allowUntested: boolean;
  readonly regressed: boolean;
  readonly verdict: 'regression' | 'no regression' | 'nothing tested';
}

export interface CompareOptions {
  readonly gate?: GateOptions;
  readonly allowMismatch?: boolean;
  readonly allowUntested?: boolean;
  /** Tolerated rise of the cost per image, as a fraction; undefined: cost is shown, not judged. */
  readonly maxCostIncrease?: number;
}

/**
 * A tolerance: a number of percent, with or without the sign — `10%` and `10` both mean ten percent. A bare number
 * below 1 (`0.1`) is refused rather than guessed at: it would read as 0.1 % here and as 10 % in other tools.
 */
export function parseTolerance(text: string, flag = '--max-regression', { allowZero = false } = {}): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(text);
  if (!m) throw new UsageError(`${flag} must be a percentage like 10% or 10, got "${text}"`);
  const percent = Number(m[1]);
  if (!m[2] && percent > 0 && percent < 1) throw new UsageError(`${flag} is in percent: "${text}" would mean ${percent} %; write ${percent}% for that, or ${Number((percent * 100).toPrecision(6))} for ${Number((percent * 100).toPrecision(6))} %`);
  if (!((allowZero ? percent >= 0 : percent > 0) && percent <= 1000)) throw new UsageError(`${flag} must be ${allowZero ? 'at least' : 'above'} 0 % and at most 1000 %, got "${text}"`);
  return percent / 100;
}

function rawJobs(results: Results, source: string): NonNullable<Results['load']>['jobs'] {
  if (!results.load) throw new UsageError(`${source} has no load run to compare`);
  if (results.load.samples !== 'raw') throw new UsageError(`${source} keeps histograms only (${results.load.jobCount} jobs); the gate's rank test needs raw samples`);
  return results.load.jobs;
}

const pct = (r: number): string => `${r >= 1 ? '+' : ''}${((r - 1) * 100).toFixed(1)} %`;
const list = (values: readonly string[]): string => (values.length ? values.join(', ') : 'none');

/** What makes two runs the same test, as the gate compares them. */
function identity(results: Results): Record<string, string> {
  const load = results.load;
  const counts = load?.counts ?? [];
  return {
    'target kind': load?.target?.kind ?? results.target.kind,
    scenario: load?.scenario ?? 'none',
    models: list([...new Set(counts.filter((c) => c.jobs > 0).map((c) => c.model))].sort()),
    APIs: list([...new Set(counts.filter((c) => c.jobs > 0).map((c) => c.api))].sort()),
    'spec version': results.specVersion,
  };
}

/** Every way the two runs are not the same test, e.g. `scenario: smoke vs sweep`. */
export function testDifferences(baseline: Results, current: Results): string[] {
  const a = identity(baseline);
  const b = identity(current);
  return Object.keys(a).filter((k) => a[k] !== b[k]).map((k) => `${k}: ${a[k]} (baseline) vs ${b[k]} (current)`);
}

function costPerImage(groups: readonly CostGroup[], model: string, api: string): number | null {
  const own = groups.filter((g) => g.model === model && g.api === api);
  const images = own.reduce((t, g) => t + g.images, 0);
  return images ? own.reduce((t, g) => t + g.credits, 0) / images : null;
}

function compareCosts(baseline: Results, current: Results, maxCostIncrease: number | undefined): CostRow[] {
  const groupsOf = (r: Results): readonly CostGroup[] => (r.load ? (r.load.costs ?? costGroupsOf(r.load.jobs)) : []);
  const before = groupsOf(baseline);
  const after = groupsOf(current);
  const pairs = [...new Map(after.map((g) => [`${g.model} ${g.api}`, { model: g.model, api: g.api }])).values()];
  const rows: CostRow[] = [];
  for (const { model, api } of pairs) {
    const b = costPerImage(before, model, api);
    const c = costPerImage(after, model, api);
    if (b === null || c === null || b <= 0) continue;
    const ratio = c / b;
    // cost is what the vendor charged, not a sample of a distribution: no test, just the tolerance
    const verdict = maxCostIncrease === undefined ? 'not judged' : ratio > 1 + maxCostIncrease + 1e-12 ? 'regressed' : 'within';
    rows.push({ model, api, baselinePerImage: b, currentPerImage: c, ratio, verdict });
  }
  return rows;
}

/** Compares two results documents: pure apart from the seeded bootstrap and power simulation. */
export function compareResults(baseline: Results, current: Results, options: CompareOptions = {}): GateReport {
  const gateOptions = options.gate ?? DEFAULT_GATE_OPTIONS;
  const mismatches = testDifferences(baseline, current);
  if (mismatches.length && !options.allowMismatch) {
    throw new UsageError(`the baseline and the current run are not the same test — ${mismatches.join('; ')} (--allow-mismatch compares them anyway)`);
  }
  const before = rawJobs(baseline, 'the baseline');
  const after = rawJobs(current, 'the current run');
  const pairs = [...new Map(after.map((j) => [`${j.model} ${j.api}`, { model: j.model, api: j.api }])).values()].filter((p) => before.some((j) => j.model === p.model && j.api === p.api));
  if (!pairs.length) throw new UsageError('the baseline and the current run share no model and API version');
  const rows: GateRow[] = [];
  const diagnoses: string[] = [];
  for (const { model, api } of pairs) {
    const scope = { model, api };
    const found = new Map<LatencyMetric, MetricComparison>();
    for (const metric of GATE_METRICS) {
      const a = metricValues(before, metric, scope);
      const b = metricValues(after, metric, scope);
      if (!a.length && !b.length) continue;
      const comparison = compareMetric(a, b, gateOptions);
      found.set(metric, comparison);
      rows.push({ model, api, metric, comparison, detectableSlowdown: detectableSlowdown(a, b.length, gateOptions, { seed: gateOptions.seed }) });
    }
    const tested = (m: LatencyMetric): MetricComparison | undefined => {
      const c = found.get(m);
      return c && c.verdict !== 'untested' ? c : undefined;
    };
    const e2e = tested('e2e_ms');
    const inference = tested('server_inference_time_ms');
    const queue = tested('server_queue_time_ms') ?? tested('queue_wait_ms');
    const who = `${model} ${api}`;
    if (!e2e) continue;
    if (!inference) {
      if (e2e.verdict === 'regressed') diagnoses.push(`${who}: end-to-end ${pct(e2e.ratio)}; the vendor reports no inference_time here, so vendor slowness and queueing cannot be told apart${queue?.verdict === 'regressed' ? ` (queue wait ${pct(queue.ratio)})` : ''}`);
      continue;
    }
    const vendor = inference.verdict === 'regressed';
    const queued = queue?.verdict === 'regressed';
    if (e2e.verdict === 'regressed' || vendor || queued) {
      const causes: string[] = [];
      if (vendor) causes.push(`the vendor got slower: server inference_time ${pct(inference.ratio)} [${pct(inference.ratioLower)}, ${pct(inference.ratioUpper)}]`);
      if (queued && queue) causes.push(`the queue got longer: queue wait ${pct(queue.ratio)} [${pct(queue.ratioLower)}, ${pct(queue.ratioUpper)}]`);
      if (!causes.length) causes.push('neither server inference_time nor queue wait moved beyond the tolerance: look at the client side (submit latency, polling) or the network');
      diagnoses.push(`${who}: end-to-end ${e2e.verdict} ${pct(e2e.ratio)}; ${causes.join('; ')}`);
    }
  }
  const moved = rows.filter((r) => r.comparison.verdict === 'untested' && r.comparison.ratio > 1 + gateOptions.maxRegression);
  if (moved.length) {
    diagnoses.push(`not tested, but slower beyond the tolerance in these few jobs (chance cannot be ruled out; run more jobs to test them): ${moved.map((r) => `${r.model} ${r.api} ${r.metric} ${pct(r.comparison.ratio)} (n = ${r.comparison.nBaseline} / ${r.comparison.nCurrent})`).join(', ')}`);
  }
  const costRows = compareCosts(baseline, current, options.maxCostIncrease);
  for (const c of costRows.filter((r) => r.verdict === 'regressed')) diagnoses.push(`${c.model} ${c.api}: cost per image ${formatCredits(c.baselinePerImage)} → ${formatCredits(c.currentPerImage)} credits (${pct(c.ratio)}), beyond the tolerated ${pct(1 + (options.maxCostIncrease ?? 0))}`);
  const untested = rows.filter((r) => r.comparison.verdict === 'untested').length;
  const regressed = rows.some((r) => r.comparison.verdict === 'regressed') || costRows.some((r) => r.verdict === 'regressed');
  const tested = rows.length - untested;
  return {
    schema: 'infercheck/gate@2',
    infercheckVersion: INFERCHECK_VERSION,
    maxRegression: gateOptions.maxRegression,
    maxCostIncrease: options.maxCostIncrease ?? null,
    power: GATE_POWER,
    rows,
    tested,
    untested,
    costRows,
    diagnoses,
    mismatches,
    allowUntested: options.allowUntested ?? false,
    regressed,
    verdict: regressed ? 'regression' : tested === 0 ? 'nothing tested' : 'no regression',
  };
}

/** 0: no regression; 1: a regression, or nothing could be tested (unless --allow-untested). */
export function gateExitCode(report: GateReport): number {
  if (report.regressed) return 1;
  return report.tested === 0 && !report.allowUntested ? 1 : 0;
}

/** The verdict line: what passed, what regressed, and how many rows could not be tested. */
export function gateHeadline(report: GateReport): string {
  const counts = `${report.tested} row${report.tested === 1 ? '' : 's'} tested${report.untested ? `, ${report.untested} not tested (too few jobs)` : ''}`;
  const mismatch = report.mismatches.length ? `; compared despite different tests (--allow-mismatch): ${report.mismatches.join('; ')}` : '';
  if (report.verdict === 'regression') return `❌ regression — ${counts}${mismatch}`;
  if (report.verdict === 'nothing tested') return `⚠️ nothing tested: no row had ≥ ${MIN_GATE_SAMPLE} jobs in both runs (${report.untested} rows)${report.allowUntested ? ' — passed because of --allow-untested' : ' — failing (--allow-untested to pass)'}${mismatch}`;
  return `✅ no regression — ${counts}${mismatch}`;
}

const slowdownText = (s: number | null): string => (s === null ? 'none up to +900 %' : `≥ +${(s * 100).toFixed(1)} %`);

export function renderGateMarkdown(report: GateReport, baselineSource: string, currentSource: string): string {
  const icon = { regressed: '❌ regressed', improved: '🟢 improved', unchanged: '➖ unchanged', untested: '⚪ not tested' } as const;
  const e2eRows = report.rows.filter((r) => r.metric === 'e2e_ms');
  const lines = [
    `## infercheck gate — ${gateHeadline(report)}`,
    '',
    `Baseline \`${md(baselineSource)}\` vs current \`${md(currentSource)}\`; tolerance ${(report.maxRegression * 100).toFixed(0)} %; Mann–Whitney U (α = 0.05) plus the ratio of medians with a 95 % bootstrap interval. A row with fewer than ${MIN_GATE_SAMPLE} jobs in either run is not tested.`,
    '',
    `### What this baseline can catch (${Math.round(report.power * 100)} % of the time)`,
    '',
    '| model | api | jobs (base / current) | end-to-end slowdown detected |',
    '|---|---|---|---|',
    ...e2eRows.map((r) => `| ${md(r.model)} | ${r.api} | ${r.comparison.nBaseline} / ${r.comparison.nCurrent} | ${r.comparison.verdict === 'untested' ? md(r.comparison.note) : slowdownText(r.detectableSlowdown)} |`),
    '',
    '| model | api | metric | verdict | baseline median | current median | change [95 % CI] | p | n (base / current) | detectable | note |',
    '|---|---|---|---|---:|---:|---|---:|---|---|---|',
    ...report.rows.map((r) => {
      const c = r.comparison;
      const ci = Number.isFinite(c.ratioLower) ? `${pct(c.ratio)} [${pct(c.ratioLower)}, ${pct(c.ratioUpper)}]` : Number.isFinite(c.ratio) ? pct(c.ratio) : '—';
      return `| ${md(r.model)} | ${r.api} | ${r.metric} | ${icon[c.verdict]} | ${formatMs(c.medianBaseline)} | ${formatMs(c.medianCurrent)} | ${ci} | ${Number.isFinite(c.pValue) ? c.pValue.toPrecision(2) : '—'} | ${c.nBaseline} / ${c.nCurrent} | ${c.verdict === 'untested' ? '—' : slowdownText(r.detectableSlowdown)} | ${md(c.note)} |`;
    }),
    '',
    ...(report.costRows.length
      ? [
          `### Cost per image${report.maxCostIncrease === null ? ' (shown, not judged: --max-cost-increase to gate on it)' : ` (tolerance ${(report.maxCostIncrease * 100).toFixed(0)} %)`}`,
          '',
          '| model | api | baseline | current | change | verdict |',
          '|---|---|---:|---:|---|---|',
          ...report.costRows.map((c) => `| ${md(c.model)} | ${c.api} | ${formatCredits(c.baselinePerImage)} | ${formatCredits(c.currentPerImage)} | ${pct(c.ratio)} | ${c.verdict === 'regressed' ? '❌ regressed' : c.verdict === 'within' ? '✅ within' : '—'} |`),
          '',
        ]
      : []),
    ...(report.diagnoses.length ? ['### Diagnosis', '', ...report.diagnoses.map((d) => `- ${md(d)}`), ''] : []),
  ];
  return lines.join('\n');
}

export interface GateInput {
  readonly baseline: string;
  readonly current: string;
  readonly maxRegression?: string | number;
  readonly maxCostIncrease?: string | number;
  readonly allowMismatch?: boolean;
  readonly allowUntested?: boolean;
}

function readRun(path: string, what: string): { results: Results; isDir: boolean } {
  if (!existsSync(path)) throw new UsageError(`${what} ${path} does not exist`);
  const isDir = statSync(path).isDirectory();
  return { results: isDir ? resultsOf(path) : readResultsFile(path), isDir };
}

/** Runs the gate and writes gate.json and gate.md next to the current run; see gateExitCode. */
export async function gate(input: GateInput): Promise<{ report: GateReport; markdown: string; exitCode: number; files: string[] }> {
  const tolerance = (value: string | number | undefined, flag: string, allowZero: boolean): number | undefined =>
    value === undefined ? undefined : typeof value === 'number' ? value : parseTolerance(value, flag, { allowZero });
  const maxRegression = tolerance(input.maxRegression, '--max-regression', false) ?? DEFAULT_GATE_OPTIONS.maxRegression;
  // a price rise of 0 % may be the objective: any increase fails
  const maxCostIncrease = tolerance(input.maxCostIncrease, '--max-cost-increase', true);
  const baseline = readRun(input.baseline, 'baseline').results;
  const current = readRun(input.current, 'current run');
  const report = compareResults(baseline, current.results, {
    gate: { ...DEFAULT_GATE_OPTIONS, maxRegression },
    ...(maxCostIncrease === undefined ? {} : { maxCostIncrease }),
    allowMismatch: input.allowMismatch ?? false,
    allowUntested: input.allowUntested ?? false,
  });
  const markdown = renderGateMarkdown(report, input.baseline, input.current);
  const files: string[] = [];
  if (current.isDir) {
    files.push(join(input.current, 'gate.json'), join(input.current, 'gate.md'));
    writeFileSync(files[0]!, `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(files[1]!, markdown);
  }
  return { report, markdown, exitCode: gateExitCode(report), files };
}
