// Plain-text phrases for verdicts and capacity, shared by the HTML, Markdown and JUnit renderers (each escapes them
// for its own format).
import type { ObjectiveVerdict } from '../analysis.ts';
import type { CapacityPlan } from '../capacity.ts';
import { formatCount, formatFraction, formatMs, formatObjectiveValue, formatRate } from './format.ts';

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

export { formatMs, formatRate, formatCount, formatFraction };
