// Presenting a run's outcomes for a terminal: how many cases, then one row per check. Reads ContractOutcomes only.
import type { ContractOutcomes } from '../core/result-files.ts';
import { verdictOf } from './evaluate.ts';

export function formatSummary(outcomes: ContractOutcomes, wallMs?: number): string {
  const rows = outcomes.checks.map((c) => {
    const verdict = verdictOf(c);
    const detail = verdict === 'skip' ? (c.skipReason ?? '') : verdict === 'fail' ? (c.failures[0]?.message ?? '') : '';
    return `  ${verdict.toUpperCase().padEnd(4)}  ${c.id.padEnd(28)} ${String(c.passed).padStart(5)} ${String(c.failed).padStart(5)} ${String(c.skipped).padStart(5)}  ${detail.slice(0, 110)}`;
  });
  const failed = outcomes.checks.filter((c) => verdictOf(c) === 'fail').length;
  const skipped = outcomes.checks.filter((c) => verdictOf(c) === 'skip').length;
  const passed = outcomes.checks.length - failed - skipped;
  const seconds = wallMs === undefined ? (Date.parse(outcomes.finishedAt) - Date.parse(outcomes.startedAt)) / 1000 : wallMs / 1000;
  const findings = outcomes.findings.filter((f) => f.agreesWithDecision === false);
  return [
    `contracts: ran ${outcomes.cases} cases against ${outcomes.target.kind} ${outcomes.target.baseUrl} in ${seconds.toFixed(1)} s (${(outcomes.cases / Math.max(seconds, 0.001)).toFixed(1)} cases/s), ${outcomes.billableRequests} billable requests`,
    `  verdict check                         pass  fail  skip`,
    ...rows,
    `checks: ${passed} passed, ${failed} failed, ${skipped} skipped; spec conflicts: ${outcomes.findings.length} reported, ${findings.length} where the target disagrees with the spec's decision`,
    ...findings.map((f) => `  conflict ${f.conflict}: ${f.observed}`),
  ].join('\n');
}
