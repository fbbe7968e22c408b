// Presenting a run's outcomes for a terminal: how far it got and what it spent, one row per check, then each failing
// check's first failures with their curl reproducer and the --grep that re-runs the case, then the findings — the
// differences from the spec's assumptions, which fail nothing unless the run was --strict. Reads ContractOutcomes only.
import type { ContractFailure, ContractOutcomes } from '../core/result-files.ts';
import { verdictOf } from './evaluate.ts';
import { formatSpend } from './spend.ts';

/** Failures (and findings) shown per check; the rest are in failures.json and outcomes.json. */
const SHOWN_PER_CHECK = 2;

function entry(id: string, f: ContractFailure, mark: string): string[] {
  return [
    `  ${mark} ${id}: ${f.message.slice(0, 160)}`,
    // source says "assumed: why" for an assumption, and quotes the document for the rest
    ...(f.rule ? [`      rule ${f.rule}${f.basis === 'assumed' ? '' : ' (documented)'}: ${(f.source ?? '').slice(0, 150)}`] : []),
    ...(f.reproducer?.curl ? [`      ${f.reproducer.curl}`] : []),
    ...(f.reproducer ? [`      re-run: ${f.reproducer.rerun}`] : []),
  ];
}

export function formatSummary(outcomes: ContractOutcomes, wallMs?: number): string {
  const rows = outcomes.checks.map((c) => {
    const verdict = verdictOf(c);
    const detail = verdict === 'skip' ? (c.skipReason ?? '') : verdict === 'fail' ? (c.failures[0]?.message ?? '') : verdict === 'finding' ? `assumed: ${c.findings?.[0]?.message ?? ''}` : '';
    return `  ${verdict.toUpperCase().padEnd(7)}  ${c.id.padEnd(28)} ${String(c.passed).padStart(5)} ${String(c.failed).padStart(5)} ${String(c.differed ?? 0).padStart(5)} ${String(c.skipped).padStart(5)}  ${detail.slice(0, 100)}`;
  });
  const failed = outcomes.checks.filter((c) => verdictOf(c) === 'fail');
  const withFindings = outcomes.checks.filter((c) => (c.findings?.length ?? 0) > 0);
  const skipped = outcomes.checks.filter((c) => verdictOf(c) === 'skip').length;
  const passed = outcomes.checks.length - failed.length - skipped;
  const findingCount = withFindings.reduce((n, c) => n + c.findings!.length, 0);
  const seconds = wallMs === undefined ? (Date.parse(outcomes.finishedAt) - Date.parse(outcomes.startedAt)) / 1000 : wallMs / 1000;
  const conflicts = outcomes.findings.filter((f) => f.agreesWithDecision === false);
  const run = outcomes.run;
  const progress = run ? ` (${run.casesDone} of ${run.casesPlanned} planned${run.casesOverBudget ? `, ${run.casesOverBudget} over budget` : ''}; ${run.requests} requests)` : '';
  const reproducers = failed.flatMap((c) => c.failures.slice(0, SHOWN_PER_CHECK).flatMap((f) => entry(c.id, f, '✗')));
  const noted = withFindings.flatMap((c) => c.findings!.slice(0, SHOWN_PER_CHECK).flatMap((f) => entry(c.id, f, '~')));
  return [
    `contracts: ran ${outcomes.cases} cases against ${outcomes.target.kind} ${outcomes.target.baseUrl} in ${seconds.toFixed(1)} s (${(outcomes.cases / Math.max(seconds, 0.001)).toFixed(1)} cases/s)${progress}, ${outcomes.billableRequests} billable requests${outcomes.strict ? '; --strict: assumed rules fail too' : ''}`,
    ...(run?.stopped ? [`contracts: STOPPED — ${run.stopped.message}`] : []),
    ...(outcomes.spend ? [`contracts: ${formatSpend(outcomes.spend)}`] : []),
    `  verdict  check                         pass  fail  find  skip`,
    ...rows,
    `checks: ${passed} passed, ${failed.length} failed, ${skipped} skipped; ${findingCount} finding${findingCount === 1 ? '' : 's'} on assumed rules (${withFindings.length} check${withFindings.length === 1 ? '' : 's'}, not failing); spec conflicts: ${outcomes.findings.length} reported, ${conflicts.length} where the target disagrees with the spec's decision`,
    ...conflicts.map((f) => `  conflict ${f.conflict}: ${f.observed}`),
    ...(reproducers.length > 0 ? ['failures (all in failures.json), each with the rule it broke, its request and the case to re-run:', ...reproducers] : []),
    ...(noted.length > 0 ? ['findings — the target differs from an assumption of the spec, not from the documents (all in outcomes.json; --strict fails them):', ...noted] : []),
  ].join('\n');
}
