// The human summary `infercheck run` prints: presenting only — every number comes from the report's Analysis
// (reports/analysis.ts) or, for throughput and polls, straight from the job rows of results.json.
import { formatMs } from '../core/format.ts';
import type { Analysis, MetricSummary } from '../reports/analysis.ts';
import type { JobRow } from '../reports/results-types.ts';
import { median } from '../reports/stats/two-sample.ts';
import { baselinePowerText, checkCountsText, objectiveCountsText, spendLedgerLines, spendText, targetText } from '../reports/render/verdict-text.ts';

export interface StageOutcome {
  readonly name: string;
  readonly exitCode: number;
  readonly seconds: number;
}

const SUMMARY_METRICS = [
  ['queue_wait_ms', 'queue wait'],
  ['server_inference_time_ms', 'inference_time'],
  ['e2e_ms', 'end-to-end'],
] as const;

/** p50/p95/p99 written as the report and the load console write them (core/format.ts). */
function triple(metric: MetricSummary | undefined): string {
  if (!metric || metric.n === 0) return '—';
  return [metric.p50, metric.p95, metric.p99].map((p) => formatMs(p?.estimate)).join(' / ');
}

/** Completed jobs per second over the span from the first submit to the last job seen finished. */
export function throughputPerS(jobs: readonly JobRow[]): number | undefined {
  const done = jobs.filter((j) => j.status === 'COMPLETED' && j.end_ms !== null);
  if (done.length < 2) return undefined;
  const start = Math.min(...jobs.map((j) => j.submit_at_ms));
  const end = Math.max(...done.map((j) => j.end_ms ?? start));
  return end > start ? done.length / ((end - start) / 1000) : undefined;
}

function pad(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
}

export function formatRunSummary(analysis: Analysis, stages: readonly StageOutcome[], files: readonly string[]): string {
  const { results } = analysis;
  const lines: string[] = [];
  lines.push(`infercheck — ${analysis.overall}   target: ${targetText(results)}   spec ${results.specVersion}`);
  for (const warning of analysis.warnings) lines.push(`⚠ ${warning}`);
  lines.push('stages: ' + stages.map((s) => `${s.name} ${s.exitCode === 0 ? 'ok' : `exit ${s.exitCode}`} (${s.seconds.toFixed(1)} s)`).join(', '));

  if (analysis.contracts && results.contracts) {
    const c = analysis.contracts;
    lines.push(`contracts: ${c.checks} checks — ${checkCountsText(c)}; ${results.contracts.cases} cases`);
    for (const group of analysis.failureGroups.slice(0, 8)) {
      lines.push(`  ✗ [${group.severity}] ${group.check} ×${group.count}: ${group.message}`);
    }
  } else {
    lines.push('contracts: not run');
  }

  const load = results.load;
  if (load && analysis.groups.length > 0) {
    lines.push(`load: ${load.scenario}, ${load.jobCount} jobs, exit ${load.exitCode}${load.engine.cutShort ? ` — CUT SHORT: ${load.engine.cutShort}` : ''}   (p50 / p95 / p99)`);
    const header = ['model', 'api', 'jobs', 'ok', 'jobs/s', 'polls/job', ...SUMMARY_METRICS.map(([, label]) => label)];
    const rows = analysis.groups.map((g) => {
      const jobs = load.jobs.filter((j) => j.model === g.model && j.api === g.api);
      const byMetric = new Map(g.metrics.map((m) => [m.metric, m]));
      const polled = jobs.filter((j) => j.request_id !== null).map((j) => j.polls).sort((a, b) => a - b);
      const polls = g.api === 'v2' && polled.length > 0 ? median(polled) : undefined;
      const rate = throughputPerS(jobs);
      return [
        g.model,
        g.api,
        String(g.jobs),
        String(g.completed),
        rate === undefined ? '—' : rate.toFixed(2),
        polls === undefined ? '—' : String(polls),
        ...SUMMARY_METRICS.map(([metric]) => triple(byMetric.get(metric))),
      ];
    });
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
    lines.push('  ' + pad(header, widths));
    for (const row of rows) lines.push('  ' + pad(row, widths));
  } else {
    lines.push('load: not run');
  }

  if (analysis.baselinePower.length) lines.push(`as a gate baseline, end-to-end slowdowns caught 95 % of the time: ${baselinePowerText(analysis.baselinePower)}`);
  if (analysis.spend) {
    lines.push(analysis.spend.rows.length ? `spend: ${spendText(analysis.spend.total)}` : 'spend:');
    for (const row of analysis.spend.rows.filter((r) => r.priced > 0)) lines.push(`  ${row.model} ${row.api}: ${spendText(row)}`);
    for (const line of spendLedgerLines(analysis.spend)) lines.push(`  ${line}`);
  }
  if (analysis.verdicts.length > 0) {
    lines.push(`objectives (${analysis.objectivesSource}, ${Math.round(analysis.confidence * 100)} % confidence): ${objectiveCountsText(analysis.verdicts)}`);
    for (const v of analysis.verdicts) {
      const more = v.detail.verdict === 'INCONCLUSIVE' && v.detail.moreJobsNeeded !== null ? ` (about ${v.detail.moreJobsNeeded} more jobs would decide it)` : '';
      lines.push(`  ${v.detail.verdict.padEnd(12)} ${v.name}   n=${v.detail.n}${more}`);
    }
  }
  lines.push('files: ' + files.join('  '));
  return lines.join('\n');
}
