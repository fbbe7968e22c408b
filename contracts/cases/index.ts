// THE table of case kinds, in priority order: within a phase (cases/kind.ts), what a small budget should buy first.
// Adding a kind = one file in cases/ and one row here (plus its def in CaseDef).
import type { CaseKind } from './kind.ts';
import { probes, type ProbeCase } from './probe.ts';
import { rejectedValues, type RejectedValueCase } from './rejected-value.ts';
import { ledger, type LedgerCase } from './ledger.ts';
import { outputs, type OutputsCase } from './outputs.ts';
import { failedJobs, type FailedJobCase } from './failed-job.ts';
import { acceptedValues, type AcceptedValueCase } from './accepted-values.ts';
import { rateLimit, type RateLimitCase } from './rate-limit.ts';

export type CaseDef = ProbeCase | RejectedValueCase | LedgerCase | OutputsCase | FailedJobCase | AcceptedValueCase | RateLimitCase;

/** Money first (the ledger), then outputs, FAILED jobs, and the accepted values last: they are the most numerous. */
// Each kind is typed by its own case; the table holds them side by side (a kind only ever sees its own cases: plan.ts
// hands each kind the units it planned), which is the one place that pairing is trusted.
export const CASE_KINDS: ReadonlyArray<CaseKind<CaseDef>> = [probes, rejectedValues, ledger, outputs, failedJobs, acceptedValues, rateLimit] as unknown as ReadonlyArray<CaseKind<CaseDef>>;

export function kindOf(def: CaseDef): CaseKind<CaseDef> {
  const kind = CASE_KINDS.find((k) => k.kind === def.kind);
  if (!kind) throw new Error(`no case kind ${def.kind}`);
  return kind;
}
