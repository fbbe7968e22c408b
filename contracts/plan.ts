// The test plan, as data: every case the run will send, grouped into the units that send them (cases/index.ts, one
// kind per file), in the order they will be sent, with what each unit costs — what a target that keeps the contract
// bills, and the most any target could make it spend. Built from the spec (models, parameter boundaries) and the
// run's options; nothing is sent here. Read top to bottom it is the suite: the money ledger first and alone (what the
// smallest budget must buy), the free probes and invalid bodies (a conforming target bills none of them), the billable
// cases in priority order (outputs, FAILED jobs, accepted values), then the burst.
import { MODELS, type ModelId } from '../core/spec.ts';
import { CASE_KINDS, type CaseDef } from './cases/index.ts';
import type { Phase, PlanOptions, UnitContext } from './cases/kind.ts';
import type { CaseInfo, Subject } from './types.ts';

export { FIXED_SEED, baseBody, unbillableBody } from './bodies.ts';
export { UNKNOWN_MODEL, UNKNOWN_REQUEST_ID } from './vendor-urls.ts';
export type { Api } from './types.ts';
export type { CaseDef, PlanOptions };

/** One unit of work: the requests one case (or several cases sharing requests) sends. */
export interface PlannedUnit {
  readonly id: string;
  readonly kind: CaseDef['kind'];
  readonly phase: Phase;
  readonly model: ModelId;
  readonly cases: readonly CaseDef[];
  readonly infos: readonly CaseInfo[];
  /** The operations of the requests a target that keeps the contract answers 2xx: reserved before the unit starts. */
  readonly expected: readonly string[];
  /** The most billable requests the unit can send, whatever the target answers. */
  readonly worstCase: number;
  run(ctx: UnitContext): Promise<Subject[]>;
}

export interface Plan {
  /** Every case, in the order its unit runs. */
  readonly cases: readonly CaseDef[];
  readonly units: readonly PlannedUnit[];
  /** Billable requests a target that keeps the contract answers 2xx (what it bills). */
  readonly expected: number;
  /** Billable requests the run can send at most, whatever the target answers: an upper bound the run never passes. */
  readonly worstCase: number;
}

const PHASES: readonly Phase[] = ['serial', 'free', 'billable', 'last'];

export function buildPlan(options: PlanOptions): Plan {
  const planOptions = { ...options, models: options.models.length > 0 ? options.models : MODELS };
  const units: PlannedUnit[] = [];
  for (const phase of PHASES) {
    for (const kind of CASE_KINDS.filter((k) => k.phase === phase)) {
      const defs = kind.plan(planOptions).filter((def) => !options.grep || options.grep.test(def.id));
      if (defs.length === 0) continue;
      for (const unit of kind.units ? kind.units(defs) : defs.map((def) => ({ id: def.id, cases: [def] }))) {
        units.push({
          id: unit.id,
          kind: kind.kind,
          phase,
          model: unit.cases[0]!.model,
          cases: unit.cases,
          infos: unit.cases.map((def) => kind.info(def)),
          expected: kind.expected(unit),
          worstCase: kind.worstCase(unit),
          run: (ctx) => kind.run(ctx, unit),
        });
      }
    }
  }
  return {
    cases: units.flatMap((u) => u.cases),
    units,
    expected: units.reduce((n, u) => n + u.expected.length, 0),
    worstCase: units.reduce((n, u) => n + u.worstCase, 0),
  };
}
