// Plain-text phrases for verdicts, counts, money and capacity, shared by the HTML, Markdown and JUnit renderers and
// the consoles (each escapes them for its own format): one wording, so every output says the same thing the same way.
import type { Analysis, BaselinePower, ObjectiveVerdict, Spend } from '../analysis.ts';
import { MIN_GATE_SAMPLE } from '../stats/regression-gate.ts';
import type { LedgerSummary, Results, SpendLedger } from '../results-types.ts';
import { contractSpendText } from '../../core/spend-text.ts';
import type { CapacityPlan } from '../capacity.ts';
import { formatCount, formatCredits, formatFraction, formatMs, formatObjectiveValue, formatRate } from './format.ts';

/**
 * "36 passed, 0 failed, 1 skipped" — and, when the target differed from the spec's assumptions, "; 4 findings on
 * assumed rules (not failing)": the contract checks' counts in every output.
 */
export function checkCountsText(c: NonNullable<Analysis['contracts']>): string {
  const findings = c.findings > 0 ? `; ${c.findings} finding${c.findings === 1 ? '' : 's'} on assumed rules (not failing)` : '';
  return `${c.passed} passed, ${c.failedChecks} failed, ${c.skipped} skipped${findings}`;
}

/** "documented: seed-scifi Parameters “Default: -1”" or "assumed: …": what a failure or finding rests on. */
export function basisText(g: { readonly basis: string; readonly rule: string; readonly source: string }): string {
  return `${g.rule} — ${g.basis === 'assumed' ? g.source : `documented: ${g.source}`}`;
}

/** "2 passed, 0 failed, 1 inconclusive": the objectives' counts in every output. */
export function objectiveCountsText(verdicts: readonly ObjectiveVerdict[]): string {
  const count = (v: string): number => verdicts.filter((x) => x.detail.verdict === v).length;
  return `${count('PASS')} passed, ${count('FAIL')} failed, ${count('INCONCLUSIVE')} inconclusive`;
}

/** The target, or both when the stages ran against different ones (mocks on different ports are one target). */
export function targetText(results: Results): string {
  const c = results.contracts?.target;
  const l = results.load?.target;
  if (c && l && (c.kind !== l.kind || (c.kind !== 'mock' && c.baseUrl !== l.baseUrl))) return `contracts: ${c.kind} ${c.baseUrl}; load: ${l.kind} ${l.baseUrl}`;
  return `${results.target.kind} ${results.target.baseUrl}`;
}

/** "75 billable requests sent, 75 billed, 0 unknown, 0 refused; 0.1425 credits reported (budget 100)". */
export function ledgerText(l: LedgerSummary): string {
  const inFlight = l.inFlight ? `, ${l.inFlight} never settled` : '';
  return `${formatCount(l.sent)} billable requests sent, ${formatCount(l.billed)} billed, ${formatCount(l.unknown)} unknown, ${formatCount(l.refused)} refused${inFlight}; ${formatCredits(l.credits)} credits reported by the vendor${l.max === null ? '' : ` (budget ${formatCount(l.max)})`}`;
}

/** A ledger's name by where it was read: "run ledger spend.ndjson (contracts and load)", "load ledger load/spend.ndjson". */
export function ledgerLabel(l: SpendLedger): string {
  const stages = l.stages.join(' and ');
  if (l.source.endsWith(`recorded by ${l.stages[0]}`)) return `${stages}'s own share (its ledger is kept elsewhere)`;
  return l.source.endsWith(`${l.stages[0]}/spend.ndjson`) && l.stages.length === 1 ? `${stages} ledger ${l.source}` : `run ledger ${l.source} (${stages})`;
}

/**
 * The money beyond the jobs' cost fields, one wording for the consoles, HTML and Markdown: what the invocation
 * really spent, from each ledger once (and their sum when there are several), then the contract run's reconciliation.
 */
export function spendLedgerLines(s: Spend): string[] {
  const lines = s.ledgers.map((l) => `${ledgerLabel(l)}: ${ledgerText(l.totals)}`);
  if (s.ledgers.length > 1 && s.ledgerTotal) lines.push(`all ledgers: ${ledgerText(s.ledgerTotal)}`);
  if (s.contracts) lines.push(`contracts: ${contractSpendText(s.contracts)}`);
  return lines;
}

/** "sd1.5-scifi v2 ≥ +11.1 % (n 35); sd1.5-scifi v1 not testable (n 2, needs ≥ 8)": what a gate on this baseline catches. */
export function baselinePowerText(rows: readonly BaselinePower[]): string {
  return rows
    .map((r) => `${r.model} ${r.api} ${r.n < MIN_GATE_SAMPLE ? `not testable (n ${r.n}, needs ≥ ${MIN_GATE_SAMPLE})` : r.detectableSlowdown === null ? `nothing up to +900 % (n ${r.n})` : `≥ +${(r.detectableSlowdown * 100).toFixed(1)} % (n ${r.n})`}`)
    .join('; ');
}

/** "0.1425 credits on 75 jobs: 0.0019 per job, 0.0019 per image". */
export function spendText(s: Spend['total']): string {
  if (!s.priced) return `no job reported a cost (${formatCount(s.jobs)} jobs)`;
  const unpriced = s.jobs - s.priced;
  return `${formatCredits(s.credits)} credits on ${formatCount(s.priced)} jobs: ${formatCredits(s.perJob)} per job, ${formatCredits(s.perImage)} per image${unpriced ? ` (${formatCount(unpriced)} more job${unpriced === 1 ? '' : 's'} reported no cost)` : ''}`;
}

export function boundText(v: ObjectiveVerdict): string {
  const kind = v.objective.kind;
  const conf = `${Math.round(v.detail.confidence * 100)} %`;
  const limitIsUpper = v.objective.op === '<=' || v.objective.op === '<';
  const upper = formatObjectiveValue(kind, v.detail.upper);
  const lower = formatObjectiveValue(kind, v.detail.lower);
  const method = { 'order-statistics': 'order statistics', 'clopper-pearson': 'Clopper–Pearson', 'normal-approximation': 'normal approx. (CLT)' }[v.detail.method];
  return limitIsUpper ? `≤ ${upper} at ${conf} (≥ ${lower}); ${method}` : `≥ ${lower} at ${conf} (≤ ${upper}); ${method}`;
}

export function estimateText(v: ObjectiveVerdict): string {
  return formatObjectiveValue(v.objective.kind, v.detail.estimate);
}

export function decisionText(v: ObjectiveVerdict): string {
  const d = v.detail;
  if (d.verdict === 'INCONCLUSIVE') {
    return d.moreJobsNeeded === null ? 'the estimate sits on the limit: no number of jobs would decide it' : `≈ ${formatCount(d.moreJobsNeeded)} more jobs would decide it (if the observed share holds)`;
  }
  if (d.verdict === 'PASS' && d.passMarginExceedance !== undefined && v.objective.kind === 'latency' && v.objective.stat !== 'mean') {
    const allowed = 1 - Number(v.objective.stat.slice(1)) / 100;
    return `safe margin: were ${formatFraction(d.passMarginExceedance)} of jobs over the limit (${formatFraction(allowed)} allowed), this PASS would have had < 1e-6 chance`;
  }
  return '';
}

export function capacityHeadline(plan: CapacityPlan): string {
  const truth = plan.truth;
  const parts = [
    `${plan.model} ${plan.api}: fitted M/G/c workers c = ${plan.fit.c}${truth ? ` (true ${truth.workers})` : ''}`,
    `effective workers (Little) ${plan.effectiveWorkers.value.toFixed(2)} at ${plan.effectiveWorkers.stage}`,
    `saturation ${formatRate(plan.saturationRate)}${truth && Number.isFinite(truth.saturationRate) ? ` (true ${formatRate(truth.saturationRate)})` : ''}`,
    `highest rate meeting the SLA: measured ${plan.kneeMeasured ? `${formatRate(plan.kneeMeasured.rate)} (${plan.kneeMeasured.tag})` : 'none of the stages'}, model ${formatRate(plan.kneeModel)}${truth?.kneeModel != null ? ` (true-parameter model ${formatRate(truth.kneeModel)})` : ''}`,
    `held-out mean-wait error ${plan.meanHoldoutError === null ? '—' : formatFraction(plan.meanHoldoutError)} (steady-state stages ${plan.meanHoldoutErrorSteady === null ? '—' : formatFraction(plan.meanHoldoutErrorSteady)})`,
    `jobs in flight at the model knee ${plan.vusAtKnee === null ? '—' : formatCount(plan.vusAtKnee)}`,
  ];
  return parts.join('; ');
}

export { formatMs, formatRate, formatCount, formatFraction, formatCredits };
