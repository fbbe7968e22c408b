// Running a plan: each unit once, phase by phase (cases/kind.ts). A unit starts only when the budget can reserve what a
// conforming target would bill for it (all of it, so nothing is half-bought); what it does not use comes back. Once
// the run stops — a signal, the deadline, a target gone — no unit starts and the ones in flight end where they are.
import { rereadResults } from './job.ts';
import { BudgetExhausted, RunStopped, type CaseRunner } from './runner.ts';
import type { UnitContext } from './cases/kind.ts';
import type { Plan, PlannedUnit } from './plan.ts';
import type { CaseInfo, Subject } from './types.ts';

export interface PlanRun {
  readonly subjects: readonly Subject[];
  /** What each case id, and each id a shared request was sent under, stood for. */
  readonly infos: ReadonlyMap<string, CaseInfo>;
  readonly casesDone: number;
  /** Cases not sent because the budget had no room for them. */
  readonly overBudget: readonly string[];
}

async function mapLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>, stopped: () => boolean): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length && !stopped()) await fn(items[next++]!);
  });
  await Promise.all(workers);
}

export async function runPlan(runner: CaseRunner, plan: Plan, options: { readonly concurrency: number; readonly failPrompt?: string; readonly onProgress?: (done: number, total: number) => void }): Promise<PlanRun> {
  const subjects: Subject[] = [];
  const infos = new Map<string, CaseInfo>();
  for (const unit of plan.units) for (const info of unit.infos) infos.set(info.id, info);
  const overBudget: string[] = [];
  let casesDone = 0;
  const stopped = (): boolean => runner.stopped !== undefined;

  const execute = async (unit: PlannedUnit): Promise<void> => {
    if (stopped()) return;
    const caseIds = unit.cases.map((c) => c.id);
    const wallet = runner.admit(unit.expected, { ref: unit.id, model: unit.model });
    if (!wallet) {
      overBudget.push(...caseIds);
      options.onProgress?.(casesDone + overBudget.length, plan.cases.length);
      return;
    }
    const unitOverBudget = new Set<string>();
    const ctx: UnitContext = {
      runner,
      wallet,
      ...(options.failPrompt ? { failPrompt: options.failPrompt } : {}),
      overBudget: (ids) => ids.forEach((id) => unitOverBudget.add(id)),
      describe: (info) => infos.set(info.id, info),
    };
    try {
      subjects.push(...(await unit.run(ctx)));
      casesDone += caseIds.length - unitOverBudget.size;
      overBudget.push(...unitOverBudget);
    } catch (err) {
      if (err instanceof BudgetExhausted) overBudget.push(...caseIds);
      else if (!(err instanceof RunStopped)) throw err;
    } finally {
      wallet.release();
      options.onProgress?.(casesDone + overBudget.length, plan.cases.length);
    }
  };

  const inPhase = (phase: PlannedUnit['phase']): PlannedUnit[] => plan.units.filter((u) => u.phase === phase);
  for (const unit of inPhase('serial')) await execute(unit);
  await mapLimit(inPhase('free'), options.concurrency, execute, stopped);
  await mapLimit(inPhase('billable'), options.concurrency, execute, stopped);
  try {
    if (!stopped()) await rereadResults(runner, subjects);
  } catch (err) {
    if (!(err instanceof RunStopped)) throw err;
  }
  for (const unit of inPhase('last')) await execute(unit);
  return { subjects, infos, casesDone, overBudget };
}
