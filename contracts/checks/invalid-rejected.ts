// The three "must be rejected" families share one rule; each is its own check so a report groups them apart.
import { boundaryVerdict, describeVerdict } from './boundary-verdict.ts';
import { finding } from './helpers.ts';
import type { BoundaryKind } from '../boundaries.ts';
import type { CheckDefinition } from '../types.ts';

export function invalidRejectedCheck(spec: {
  id: string;
  title: string;
  kinds: readonly BoundaryKind[];
  why: string;
  sampleFailure: string;
}): CheckDefinition<'generation'> {
  return {
    id: spec.id,
    title: spec.title,
    family: 'parameters',
    severity: 'major',
    subject: 'generation',
    applies: (_ctx, subject) =>
      subject.case.boundary !== undefined && subject.case.boundary.expect === 'reject' && spec.kinds.includes(subject.case.boundary.kind) && subject.first.response !== undefined,
    run: (_ctx, subject) => {
      const boundary = subject.case.boundary!;
      const verdict = boundaryVerdict(subject);
      // 400 at submit is the contract; a FAILED job that is never billed is the documented vendor variant.
      if (verdict.kind === 'rejected' && verdict.status === 400) return undefined;
      if (verdict.kind === 'failed-job' && !verdict.billed) return undefined;
      const sent = boundary.omit ? 'without it' : `= ${JSON.stringify(boundary.value)}`;
      return finding(
        `${subject.api} ${subject.case.model ?? ''}: ${boundary.parameter} ${sent} (${spec.why}) was ${describeVerdict(verdict)}; expected 400, or a FAILED job that is not billed`,
        `${subject.api}:${boundary.parameter}:${boundary.label}:${verdict.kind}`,
        subject.first,
        { ...(subject.case.model ? { model: subject.case.model } : {}) },
      );
    },
    sampleFailure: spec.sampleFailure,
  };
}
