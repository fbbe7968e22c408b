// The contract catalogue without Playwright: what the load scripts, the reports and other tools import. The runner
// (engine) returns ContractOutcomes, the same data `infercheck contracts` writes to outcomes.json.
export { runContracts, CaseRunner, runCase, sleepPoller, type EngineOptions, type EngineResult, type Poller } from './engine.ts';
export { CHECKS, checkById } from './registry.ts';
export { evaluate, evaluateOne, verdictOf, toRecordedExchange } from './evaluate.ts';
export { buildPlan, plannedBillable, type CaseDef } from './plan.ts';
export { boundaryCases, type BoundaryCase } from './boundaries.ts';
export { conflictFindings } from './conflicts.ts';
export { writeCassette, readCassette, installReplay, type CassetteManifest, type CassetteEntry } from './cassette.ts';
export { driftReport, driftSummary, type DriftReport } from './drift.ts';
export { formatSummary } from './summary.ts';
export type { AnyCheck, CheckDefinition, CheckContext, Exchange, Subject, TargetKind } from './types.ts';
