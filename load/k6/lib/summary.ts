// The end of a run: k6's own summary data goes to summary.json untouched (core/result-files.ts; reports read it),
// and the terminal gets a short table of what a capacity planner asks first. Defining handleSummary replaces k6's
// default end-of-test text, so this is the text users see.
import type { RunConfig } from './config.ts';
import { DOCUMENTED_CODES, LATENCY_TREND_NAMES } from './metrics.ts';

export const SUMMARY_TREND_STATS = ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)', 'count'];

/**
 * The run's thresholds: the SLOs (IC_THRESHOLDS, from the --slo file through core/objectives.ts toK6Thresholds)
 * plus empty threshold lists for the sub-metrics we want broken down in summary.json — per model × api for the
 * latencies, per status code for the responses. An empty list makes k6 compute the sub-metric and judges nothing.
 */
export function thresholdsFor(cfg: RunConfig, apis: readonly ('v1' | 'v2')[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const name of LATENCY_TREND_NAMES) {
    for (const model of cfg.models) for (const api of apis) out[`${name}{model:${model},api:${api}}`] = [];
  }
  for (const api of apis) {
    out[`ic_job_success{api:${api}}`] = [];
    out[`ic_polls_per_job{api:${api},poll:fixed}`] = [];
    out[`ic_polls_per_job{api:${api},poll:adaptive}`] = [];
  }
  out['ic_queue_wait{poll:fixed}'] = [];
  out['ic_queue_wait{poll:adaptive}'] = [];
  out['ic_queue_wait_bound{poll:fixed}'] = [];
  out['ic_queue_wait_bound{poll:adaptive}'] = [];
  for (const code of DOCUMENTED_CODES) out[`ic_http_codes{code:${code}}`] = [];
  for (const [name, list] of Object.entries(cfg.thresholds)) out[name] = [...(out[name] ?? []), ...list];
  return out;
}

interface MetricData {
  readonly type: string;
  readonly values: Readonly<Record<string, number>>;
  readonly thresholds?: Readonly<Record<string, { readonly ok: boolean }>>;
}

function fmt(value: number | undefined, unit = 'ms'): string {
  if (value === undefined || !Number.isFinite(value)) return '—';
  if (unit === 'ms') return value >= 10_000 ? `${(value / 1000).toFixed(1)}s` : `${value.toFixed(value < 10 ? 1 : 0)}ms`;
  return value.toFixed(2);
}

export function textSummary(metrics: Readonly<Record<string, MetricData>>): string {
  const lines: string[] = ['', 'infercheck load — summary'];
  const row = (label: string, name: string, unit = 'ms'): void => {
    const metric = metrics[name];
    if (!metric || !(metric.values['count'] ?? 0)) return;
    const v = metric.values;
    lines.push(`  ${label.padEnd(30)} p50 ${fmt(v['med'], unit).padStart(8)}  p95 ${fmt(v['p(95)'], unit).padStart(8)}  p99 ${fmt(v['p(99)'], unit).padStart(8)}  n ${String(v['count'] ?? 0).padStart(6)}`);
  };
  row('submit latency', 'ic_submit_latency');
  row('queue wait (estimate)', 'ic_queue_wait');
  row('  its uncertainty (±)', 'ic_queue_wait_bound');
  row('processing', 'ic_processing');
  row('end-to-end', 'ic_e2e');
  row('result fetch', 'ic_result_fetch');
  row('server queue_time', 'ic_server_queue_time');
  row('server inference_time', 'ic_server_inference_time');
  row('server total_time', 'ic_server_total_time');
  row('polls per job', 'ic_polls_per_job', 'n');
  row('  fixed 1 s (SDK)', 'ic_polls_per_job{api:v2,poll:fixed}', 'n');
  row('  adaptive', 'ic_polls_per_job{api:v2,poll:adaptive}', 'n');
  const count = (name: string): number => metrics[name]?.values['count'] ?? 0;
  const rate = (name: string): string => (metrics[name] ? `${(100 * (metrics[name]!.values['rate'] ?? 0)).toFixed(1)}%` : '—');
  lines.push(`  jobs ${count('ic_jobs')}  success ${rate('ic_job_success')}  errors ${rate('ic_job_error')}  throughput ${fmt(metrics['ic_jobs']?.values['rate'], 'n')}/s`);
  lines.push(`  429s ${count('ic_rate_limited')}  contract violations ${count('ic_validation_failures')} of ${count('ic_validated_responses')} responses  dropped ${count('dropped_iterations')}  late arrivals ${count('ic_late_arrivals')}  budget-skipped ${count('ic_budget_skipped')}`);
  const verdicts: string[] = [];
  for (const [name, metric] of Object.entries(metrics)) {
    for (const [expression, result] of Object.entries(metric.thresholds ?? {})) verdicts.push(`  ${result.ok ? 'PASS' : 'FAIL'}  ${name} ${expression}`);
  }
  if (verdicts.length > 0) lines.push('  SLOs (k6 thresholds):', ...verdicts);
  return lines.join('\n') + '\n';
}

export function summaryOutputs(cfg: RunConfig, data: { readonly metrics: Readonly<Record<string, MetricData>> }): Record<string, string> {
  return { [cfg.summaryPath]: JSON.stringify(data, null, 1), stdout: textSummary(data.metrics) };
}
