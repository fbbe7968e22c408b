// `infercheck gate`: a run against a baseline results.json, per metric and per model/API version, with a CI exit
// code. Separates "the vendor got slower" (server inference_time) from "the queue got longer" (queue wait), which
// a noisy third-party vendor makes essential (anchors §7 item 10).
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LatencyMetric } from '../core/objectives.ts';
import { UsageError } from '../core/target.ts';
import { resultsOf } from './report.ts';
import { readResultsFile } from './results-schema.ts';
import type { Results } from './results-types.ts';
import { metricValues } from './samples.ts';
import { compareMetric, DEFAULT_GATE_OPTIONS, DEFAULT_GATE_SAMPLE_SIZE, type GateOptions, type MetricComparison } from './stats/regression-gate.ts';
import { escapeMarkdown as md } from './render/escape.ts';
import { formatMs } from './render/format.ts';

/** The metrics the gate compares, in the order it prints them. */
export const GATE_METRICS: readonly LatencyMetric[] = ['e2e_ms', 'queue_wait_ms', 'server_queue_time_ms', 'server_inference_time_ms', 'processing_ms', 'submit_latency_ms'];

export interface GateRow {
  readonly model: string;
  readonly api: 'v1' | 'v2';
  readonly metric: LatencyMetric;
  readonly comparison: MetricComparison;
}

export interface GateReport {
  readonly schema: 'infercheck/gate@1';
  readonly maxRegression: number;
  readonly defaultSampleSize: number;
  readonly rows: readonly GateRow[];
  readonly diagnoses: readonly string[];
  readonly regressed: boolean;
}

export function parseTolerance(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(text);
  if (!m) throw new UsageError(`--max-regression must be a percentage like 10% or a fraction like 0.1, got "${text}"`);
  const value = m[2] ? Number(m[1]) / 100 : Number(m[1]);
  if (!(value > 0 && value < 10)) throw new UsageError(`--max-regression must be above 0, got "${text}"`);
  return value;
}

function rawJobs(results: Results, source: string): NonNullable<Results['load']>['jobs'] {
  if (!results.load) throw new UsageError(`${source} has no load run to compare`);
  if (results.load.samples !== 'raw') throw new UsageError(`${source} keeps histograms only (${results.load.jobCount} jobs); the gate's rank test needs raw samples`);
  return results.load.jobs;
}

const pct = (r: number): string => `${r >= 1 ? '+' : ''}${((r - 1) * 100).toFixed(1)} %`;

/** Compares two results documents: pure apart from the seeded bootstrap. */
export function compareResults(baseline: Results, current: Results, options: GateOptions = DEFAULT_GATE_OPTIONS): GateReport {
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
      if (!a.length || !b.length) continue;
      const comparison = compareMetric(a, b, options);
      found.set(metric, comparison);
      rows.push({ model, api, metric, comparison });
    }
    const e2e = found.get('e2e_ms');
    const inference = found.get('server_inference_time_ms');
    const queue = found.get('server_queue_time_ms') ?? found.get('queue_wait_ms');
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
  return { schema: 'infercheck/gate@1', maxRegression: options.maxRegression, defaultSampleSize: DEFAULT_GATE_SAMPLE_SIZE, rows, diagnoses, regressed: rows.some((r) => r.comparison.verdict === 'regressed') };
}

export function renderGateMarkdown(report: GateReport, baselineSource: string, currentSource: string): string {
  const icon = { regressed: '❌ regressed', improved: '🟢 improved', unchanged: '➖ unchanged' } as const;
  const lines = [
    `## infercheck gate — ${report.regressed ? '❌ regression' : '✅ no regression'}`,
    '',
    `Baseline \`${md(baselineSource)}\` vs current \`${md(currentSource)}\`; tolerance ${(report.maxRegression * 100).toFixed(0)} %; Mann–Whitney U (α = 0.05) plus the ratio of medians with a 95 % bootstrap interval. Powered for ≥ ${report.defaultSampleSize} jobs per run.`,
    '',
    '| model | api | metric | verdict | baseline median | current median | change [95 % CI] | p | n (base / current) | note |',
    '|---|---|---|---|---:|---:|---|---:|---|---|',
    ...report.rows.map((r) => {
      const c = r.comparison;
      const ci = Number.isFinite(c.ratioLower) ? `${pct(c.ratio)} [${pct(c.ratioLower)}, ${pct(c.ratioUpper)}]` : pct(c.ratio);
      return `| ${md(r.model)} | ${r.api} | ${r.metric} | ${icon[c.verdict]} | ${formatMs(c.medianBaseline)} | ${formatMs(c.medianCurrent)} | ${ci} | ${Number.isFinite(c.pValue) ? c.pValue.toPrecision(2) : '—'} | ${c.nBaseline} / ${c.nCurrent} | ${md(c.note)} |`;
    }),
    '',
    ...(report.diagnoses.length ? ['### Diagnosis', '', ...report.diagnoses.map((d) => `- ${md(d)}`), ''] : []),
  ];
  return lines.join('\n');
}

export interface GateInput {
  readonly baseline: string;
  readonly current: string;
  readonly maxRegression?: string | number;
}

/** Runs the gate and writes gate.json and gate.md next to the current run; `exitCode` is 1 on a regression. */
export async function gate(input: GateInput): Promise<{ report: GateReport; markdown: string; exitCode: number; files: string[] }> {
  if (!existsSync(input.baseline)) throw new UsageError(`baseline ${input.baseline} does not exist`);
  const baseline = statSync(input.baseline).isDirectory() ? resultsOf(input.baseline) : readResultsFile(input.baseline);
  if (!existsSync(input.current)) throw new UsageError(`current run ${input.current} does not exist`);
  const currentIsDir = statSync(input.current).isDirectory();
  const current = currentIsDir ? resultsOf(input.current) : readResultsFile(input.current);
  const maxRegression = input.maxRegression === undefined ? DEFAULT_GATE_OPTIONS.maxRegression : typeof input.maxRegression === 'number' ? input.maxRegression : parseTolerance(input.maxRegression);
  const report = compareResults(baseline, current, { ...DEFAULT_GATE_OPTIONS, maxRegression });
  const markdown = renderGateMarkdown(report, input.baseline, input.current);
  const files: string[] = [];
  if (currentIsDir) {
    files.push(join(input.current, 'gate.json'), join(input.current, 'gate.md'));
    writeFileSync(files[0]!, `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(files[1]!, markdown);
  }
  return { report, markdown, exitCode: report.regressed ? 1 : 0, files };
}
