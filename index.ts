// infercheck's programmatic API — what `import … from 'infercheck'` gives (package.json "exports"; compiled with its
// .d.ts into dist/). The same code the commands run: the embedded mock, the contract catalogue, the load engine, the
// report and the regression gate, each reading and writing the result files the commands do.
//
//   import { startMock, runInvocation, runLoad, writeReport, gate } from 'infercheck';

export { INFERCHECK_VERSION } from './core/version.ts';
export { EXIT } from './core/exit-codes.ts';
export { UsageError } from './core/target.ts';
export type { ContractOutcomes, CheckOutcome, ContractFailure, JobRecord, LoadRunMeta, LoadSummary } from './core/result-files.ts';

// the embedded vendor simulation (infercheck mock)
export { startMock, DEFAULT_DEV_KEY, type MockOptions, type MockFaults, type RunningMock } from './mock/index.ts';

// the contract catalogue (infercheck contracts): one invocation with its run folder, or the engine alone
export { runInvocation, type InvocationOptions, type InvocationResult } from './contracts/invocation.ts';
export type { RunConfig, TargetOption } from './contracts/run-config.ts';
export { runContracts, CHECKS, checkById, formatSummary, type EngineOptions, type EngineResult } from './contracts/index.ts';

// the load engine (infercheck load)
export { runLoad, type LoadOptions, type LoadResult } from './load/run.ts';
export { SCENARIO_NAMES } from './load/scenarios/index.ts';

// the report (infercheck report) and the regression gate (infercheck gate)
export { buildResults, type BuildOptions } from './reports/build-results.ts';
export { writeReport, writeReportWithAnalysis, resultsOf, type ReportOptions, type ReportOutcome } from './reports/report.ts';
export { gate, compareResults, type GateInput, type GateReport } from './reports/gate.ts';
export type { Results } from './reports/results-types.ts';
