import { boundaryVerdict, describeVerdict } from './boundary-verdict.ts';
import { finding } from './helpers.ts';
import type { CheckDefinition } from '../types.ts';

// Every documented bound and every listed enum value must be accepted (v1: 200; v2: submitted and not FAILED).
// The scheduler enum includes both naming families the pages use (spec conflict scheduler-names).
export const boundAccepted: CheckDefinition<'generation'> = {
  id: 'bound-accepted',
  title: 'Each documented bound and enum value is accepted',
  family: 'parameters',
  severity: 'major',
  subject: 'generation',
  needs: ['billable'],
  applies: (_ctx, subject) => subject.case.boundary?.expect === 'accept' && subject.first.response !== undefined,
  run: (_ctx, subject) => {
    const boundary = subject.case.boundary!;
    const verdict = boundaryVerdict(subject);
    if (verdict.kind === 'accepted' && verdict.status === 200) return undefined;
    if (verdict.kind === 'completed') return undefined;
    return finding(
      `${subject.api} ${subject.case.model ?? ''}: ${boundary.parameter} = ${JSON.stringify(boundary.value)} (documented ${boundary.kind === 'bound' ? 'bound' : 'value'}) was ${describeVerdict(verdict)}; expected it to be accepted`,
      `${subject.api}:${boundary.parameter}:${boundary.label}:${verdict.kind}`,
      subject.first,
      { ...(subject.case.model ? { model: subject.case.model } : {}) },
    );
  },
  sampleFailure: 'v1 sd1.5-scifi: scheduler = "dpmpp_2m" (documented value) was rejected with 400; expected it to be accepted',
};
