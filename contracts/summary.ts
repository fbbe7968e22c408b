// Presenting a run's outcomes for a terminal: how far it got and what it spent, one row per check, then each failing
// check's first failures with their curl reproducer and the --grep that re-runs the case. Reads ContractOutcomes only.
import type { ContractOutcomes } from '../core/result-files.ts';
import { verdictOf } from './evaluate.ts';
import { formatSpend } from './spend.ts';

/** Failures shown per failing check; the rest are in failures.json. */
const SHOWN_PER_CHECK = 2;

export function formatSummary(outcomes: ContractOutcomes, wallMs?: number): string {
  const rows = outcomes.checks.map((c) => {
    const verdict = verdictOf(c);
    const detail = verdict === 'skip' ? (c.skipReason ?? '') : verdict === 'fail' ? (c.failures[0]?.message ?? '') : '';
    return `  ${verdict.toUpperCase().padEnd(4)}  ${c.id.padEnd(28)} ${String(c.passed).padStart(5)} ${String(c.failed).padStart(5)} ${String(c.skipped).padStart(5)}  ${detail.slice(0, 110)}`;
  });
  const failed = outcomes.checks.filter((c) => verdictOf(c) === 'fail');
  const skipped = outcomes.checks.filter((c) => verdictOf(c) === 'skip').length;
  const passed = outcomes.checks.length - failed.length - skipped;
  const seconds = wallMs === undefined ? (Date.parse(outcomes.finishedAt) - Date.parse(outcomes.startedAt)) / 1000 : wallMs / 1000;
  const findings = outcomes.findings.filter((f) => f.agreesWithDecision === false);
  const run = outcomes.run;
  const progress = run ? ` (${run.casesDone} of ${run.casesPlanned} planned${run.casesOverBudget ? `, ${run.casesOverBudget} over budget` : ''}; ${run.requests} requests)` : '';
  const reproducers = failed.flatMap((c) =>
    c.failures.slice(0, SHOWN_PER_CHECK).flatMap((f) => [
      `  ✗ ${c.id}: ${f.message.slice(0, 160)}`,
      ...(f.reproducer?.curl ? [`      ${f.reproducer.curl}`] : []),
      ...(f.reproducer ? [`      re-run: ${f.reproducer.rerun}`] : []),
    ]),
  );
  return [
    `contracts: ran ${outcomes.cases} cases against ${outcomes.target.kind} ${outcomes.target.baseUrl} in ${seconds.toFixed(1)} s (${(outcomes.cases / Math.max(seconds, 0.001)).toFixed(1)} cases/s)${progress}, ${outcomes.billableRequests} billable requests`,
    ...(run?.stopped ? [`contracts: STOPPED — ${run.stopped.message}`] : []),
    ...(outcomes.spend ? [`contracts: ${formatSpend(outcomes.spend)}`] : []),
    `  verdict check                         pass  fail  skip`,
    ...rows,
    `checks: ${passed} passed, ${failed.length} failed, ${skipped} skipped; spec conflicts: ${outcomes.findings.length} reported, ${findings.length} where the target disagrees with the spec's decision`,
    ...findings.map((f) => `  conflict ${f.conflict}: ${f.observed}`),
    ...(reproducers.length > 0 ? ['failures (all in failures.json), each with its request and the case to re-run:', ...reproducers] : []),
  ].join('\n');
}
