// The contract catalogue without Playwright: what the benchmarks, the reports and other tools import. The engine
// returns ContractOutcomes, the same data `infercheck contracts` writes to outcomes.json.
export { runContracts, withExchangeSubjects, type EngineOptions, type EngineResult } from './engine.ts';
export { CaseRunner, BudgetExhausted, RunStopped } from './runner.ts';
export { runInvocation } from './invocation.ts';
export { CHECKS, checkById } from './registry.ts';
export { evaluate, evaluateOne, verdictOf, toRecordedExchange } from './evaluate.ts';
export { buildPlan, type CaseDef, type Plan, type PlannedUnit } from './plan.ts';
export { CASE_KINDS } from './cases/index.ts';
export { boundaryCases, type BoundaryCase } from './boundaries.ts';
export { conflictFindings } from './conflicts.ts';
export { writeCassette, readCassette, installReplay, type CassetteManifest, type CassetteEntry } from './cassette.ts';
export { driftReport, driftSummary, type DriftReport } from './drift.ts';
export { formatSummary } from './summary.ts';
export { formatSpend } from './spend.ts';
export type { AnyCheck, CheckDefinition, CheckContext, Exchange, Subject, TargetKind } from './types.ts';
