// Scale-out: one test split over N instances. Every instance computes the same seeded schedule and runs only the
// jobs a seeded coin gives its share (schedule.ts inSegment), so the union of the instances is exactly the whole
// test and each instance's stream stays Poisson at rate/N; with one --start-at their arrivals interleave as one
// process. Percentiles are then computed from the merged raw jobs, exactly (reports --merge). `runSegmented` does it
// in-process on one machine and shares one money ledger (core/billable-budget.ts), so the cap holds for the sum.
// Across processes or machines, run `infercheck load --segment i/N --start-at T` on each with the same settings; each
// instance's --max-billable is then its own cap, so split a total budget yourself (`infercheck k8s` gives each of
// its N pods ⌊total/N⌋, never rounding up) — or, on one machine, hand every process one ledger file in
// $INFERCHECK_BUDGET_LEDGER.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { BillableBudget, LEDGER_FILE } from '../core/billable-budget.ts';
import type { JobRecord } from '../core/result-files.ts';
import { runLoad, type LoadOptions, type LoadResult } from './run.ts';

/** The N segments of a split: "0/N" … "N-1/N". */
export function equalSegments(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${i}/${n}`);
}

export interface SegmentedResult {
  readonly parts: readonly LoadResult[];
  readonly jobs: readonly JobRecord[];
}

/**
 * Runs `options` as n concurrent instances, each a segment, sharing `options.mock` (or the given target) and one budget;
 * each writes a run folder of its own (`<outDir>/segment-<i>/load`, i from 0 as in i/N), as instances on n machines
 * would, for `report --merge`.
 */
export async function runSegmented(options: LoadOptions, n: number, outDir: string): Promise<SegmentedResult> {
  mkdirSync(outDir, { recursive: true });
  const ledger = options.maxBillable !== undefined ? BillableBudget.create(join(outDir, LEDGER_FILE), options.maxBillable).path : undefined;
  const parts = await Promise.all(
    equalSegments(n).map((segment, i) => runLoad({ ...options, out: join(outDir, `segment-${i}`, 'load'), segment, ...(ledger ? { budgetLedger: ledger } : {}) })),
  );
  return { parts, jobs: parts.flatMap((p) => p.jobs) };
}
