// What a case kind is: one file in cases/ and one row in cases/index.ts. A kind plans its cases from the spec and the
// run's options, says what one unit of them costs — what a target that keeps the contract bills (reserved before the
// unit starts) and the most any target could make it spend (the announced worst case) — and runs a unit through the
// request runner, returning what the checks look at. A unit is usually one case; accepted values share requests.
import type { ModelId } from '../../core/spec.ts';
import type { CaseRunner, Wallet } from '../runner.ts';
import type { CaseInfo, Subject } from '../types.ts';

export interface PlanOptions {
  readonly models: readonly ModelId[];
  readonly failPrompt?: string;
  readonly rpm?: number;
  readonly grep?: { test(id: string): boolean };
}

/**
 * When a unit runs: `serial` first and alone (the money ledger: what even the smallest budget must buy, and its
 * balances must not interleave with other spending), then `free` (a conforming target bills none of it; several at
 * once — but a target that wrongly accepts them bills them, so they come after the ledger), then `billable` in the
 * table's priority order, then the re-read of every result, then `last` (the rate-limit burst, which would disturb
 * everything else).
 */
export type Phase = 'free' | 'serial' | 'billable' | 'last';

export interface CaseBase {
  readonly kind: string;
  readonly id: string;
  readonly model: ModelId;
}

export interface Unit<D extends CaseBase> {
  readonly id: string;
  readonly cases: readonly D[];
}

export interface UnitContext {
  readonly runner: CaseRunner;
  /** The units reserved for this unit's expected billable requests. */
  readonly wallet: Wallet;
  readonly failPrompt?: string;
  /** Cases of this unit the budget left no room for (each is reported, and its checks skipped, never passed). */
  overBudget(caseIds: readonly string[]): void;
  /** Names what requests sent under `info.id` were for, when that id is not one of the unit's case ids. */
  describe(info: CaseInfo): void;
}

export interface CaseKind<D extends CaseBase> {
  readonly kind: D['kind'];
  readonly phase: Phase;
  /** Every case of this kind, in the order a small budget should buy them. */
  plan(options: PlanOptions): D[];
  info(def: D): CaseInfo;
  /** How the cases share requests; default one case per unit. */
  units?(defs: readonly D[]): Unit<D>[];
  /** The billable requests (their operations) a target that keeps the contract answers 2xx. */
  expected(unit: Unit<D>): readonly string[];
  /** The most billable requests the unit can send whatever the target answers (all it sends that could be billed). */
  worstCase(unit: Unit<D>): number;
  run(ctx: UnitContext, unit: Unit<D>): Promise<Subject[]>;
}
