import { boundaryRule } from '../boundaries.ts';
import { boundaryVerdict, describeVerdict } from './boundary-verdict.ts';
import { finding } from './helpers.ts';
import type { CheckDefinition } from '../types.ts';

// Every documented bound and every listed enum value must be accepted (v1: 200; v2: submitted and not FAILED).
// The scheduler enum includes both naming families the pages use (spec conflict scheduler-names). Values of
// independent parameters share a request (cases/accepted-values.ts); a refused request is split until each refused
// value stands alone, so a failure names one value — or, when the budget left no room to split, the values sent
// together, one of which was refused. Each value rests on its own rule (boundaries.ts boundaryRule): the pages'
// ranges, sizes and listed schedulers are documented; the seed's ceiling and the SDK wrappers' scheduler ids (euler,
// euler_a, ddim) are assumed, so refusing those is a finding. Values sent together fail only if all are documented.
export const boundAccepted: CheckDefinition<'generation'> = {
  id: 'bound-accepted',
  title: 'Each bound and enum value the spec lists is accepted',
  family: 'parameters',
  severity: 'major',
  subject: 'generation',
  needs: ['billable'],
  applies: (_ctx, subject) => (subject.case.documentedValues?.length ?? 0) > 0 && subject.first.response !== undefined,
  run: (_ctx, subject) => {
    const values = subject.case.documentedValues!;
    const verdict = boundaryVerdict(subject);
    if (verdict.kind === 'accepted' && verdict.status === 200) return undefined;
    if (verdict.kind === 'completed') return undefined;
    const named = values.map((b) => `${b.parameter} = ${JSON.stringify(b.value)}`).join(', ');
    const what = values.length === 1 ? `(a ${values[0]!.kind === 'bound' ? 'bound' : 'value'} the spec accepts)` : '(values the spec accepts, sent together: one of them)';
    return finding(
      `${subject.api} ${subject.case.model ?? ''}: ${named} ${what} was ${describeVerdict(verdict)}; expected it to be accepted`,
      `${subject.api}:${values.map((b) => `${b.parameter}:${b.label}`).join('+')}:${verdict.kind}`,
      subject.first,
      { ...(subject.case.model ? { model: subject.case.model } : {}), rules: values.map(boundaryRule) },
    );
  },
  sampleFailure: 'v1 sd1.5-scifi: scheduler = "dpmpp_2m" (a value the spec accepts) was rejected with 400; expected it to be accepted',
  rules: {},
  specRules: (rule) => rule.kind === 'request' && /\.[a-z0-9_]+:(minimum|maximum|enum(=.*)?|default)$/.test(rule.id),
};
