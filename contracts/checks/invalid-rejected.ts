// The three "must be rejected" families share one rule; each is its own check so a report groups them apart.
//
// What rests on what: that the value is invalid rests on the spec rule the case breaks (boundaries.ts boundaryRule:
// documented for the pages' ranges, enums, types and the required prompt; assumed for the seed's range, an empty
// prompt, null as absent and numbers sent as strings). How it must be refused is documented too, but not as one
// code: 400 ("Invalid parameters"), or 406 ("parameter value rejected pre-run", reference §1.5 [AE]), or the
// vendor variant of a FAILED job that is not billed. A 5xx is what a bad value that reached the model answers
// (reference §1.5: "values validated up front only where the model declares a fixed set"), so it breaks only the
// spec's assumption of a 400 — unless the value was outside a fixed set (an enum), which the vendor validates first.
import { boundaryVerdict, describeVerdict, type BoundaryVerdict } from './boundary-verdict.ts';
import { finding } from './helpers.ts';
import { boundaryRule, type BoundaryKind } from '../boundaries.ts';
import type { CheckDefinition, FindingRule } from '../types.ts';
import type { RuleBasis } from '../../core/rule-basis.ts';

/** Codes a documented refusal of a bad parameter value answers (reference §1.5). */
const DOCUMENTED_REFUSALS: readonly number[] = [400, 406];

const REFUSAL_RULES: Readonly<Record<string, RuleBasis>> = {
  /** A refusal with another 4xx, or a 5xx for a value outside a range: the spec's assumption of a 400. */
  'status-400': {
    basis: 'assumed',
    source: 'reference',
    where: '§1.5 [AE]',
    quote: 'often a bad param value that reached the model (values validated up front only where the model declares a fixed set)',
    why: 'a bad value is refused, but no document promises which code: the spec asks for 400 (406 is documented too)',
  },
  /** A 5xx for a value outside an enum: the vendor validates a fixed set up front. */
  'fixed-set-validated': {
    basis: 'documented',
    source: 'reference',
    where: '§1.5 [AE]',
    quote: 'values validated up front only where the model declares a fixed set',
  },
};

function refusalRules(kind: BoundaryKind, verdict: BoundaryVerdict): readonly FindingRule[] {
  if (verdict.kind !== 'rejected') return [];
  return verdict.status >= 500 && kind === 'not-in-enum' ? ['fixed-set-validated'] : ['status-400'];
}

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
      // 400 or 406 at submit is the contract; a FAILED job that is never billed is the documented vendor variant.
      if (verdict.kind === 'rejected' && DOCUMENTED_REFUSALS.includes(verdict.status)) return undefined;
      if (verdict.kind === 'failed-job' && !verdict.billed) return undefined;
      const sent = boundary.omit ? 'without it' : `= ${JSON.stringify(boundary.value)}`;
      // Refused, but not as documented: the case's own rule held, only the refusal's form is in question.
      const rules = verdict.kind === 'rejected' ? refusalRules(boundary.kind, verdict) : [boundaryRule(boundary)];
      return finding(
        `${subject.api} ${subject.case.model ?? ''}: ${boundary.parameter} ${sent} (${spec.why}) was ${describeVerdict(verdict)}; expected 400 (or 406), or a FAILED job that is not billed`,
        `${subject.api}:${boundary.parameter}:${boundary.label}:${verdict.kind}`,
        subject.first,
        { ...(subject.case.model ? { model: subject.case.model } : {}), rules },
      );
    },
    sampleFailure: spec.sampleFailure,
    rules: REFUSAL_RULES,
    specRules: (rule) => rule.kind === 'request' && spec.kinds.some((kind) => KEYWORDS_OF[kind].some((k) => rule.id.endsWith(`:${k}`))),
  };
}

/** The spec keywords each family of invalid values puts to the test (for the README's basis column). */
const KEYWORDS_OF: Readonly<Record<BoundaryKind, readonly string[]>> = {
  bound: [],
  'enum-value': [],
  'plain-value': [],
  'outside-bound': ['minimum', 'maximum', 'maxLength'],
  'not-in-enum': ['enum'],
  fraction: [],
  'too-short': ['minLength'],
  'wrong-type': ['type', 'null', 'strings'],
  'missing-required': ['required'],
};
