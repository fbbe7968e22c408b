// One contract run for one invocation — of `infercheck contracts`, or of Playwright run by hand (global-setup.ts):
// set the target up (the embedded mock, a recording, a URL), join the invocation's money ledger or start one in the
// out folder, run the catalogue once (engine.ts), write the result files, take the target down. Whatever fails,
// stops or is interrupted, the files written say what was judged and how far the run got.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUDGET_LEDGER_ENV, BillableBudget, LEDGER_FILE } from '../core/billable-budget.ts';
import { connectProblem, readApiKey, unreachableMessage } from '../core/target.ts';
import { checkStageFolder, startRunFolder, type RunFolderPlan } from '../core/run-folder.ts';
import { redactDeep } from '../core/redact.ts';
import type { ContractOutcomes, ContractRunStop } from '../core/result-files.ts';
import { startMock, type RunningMock } from '../mock/index.ts';
import { renderContractsJunit } from '../reports/render/junit.ts';
import { installReplay, readCassette, recordedRequests, writeCassette } from './cassette.ts';
import { driftReport, driftSummary, type DriftReport } from './drift.ts';
import { runContracts, type EngineOptions } from './engine.ts';
import { DEFAULT_DEADLINE_S, MOCK_FAIL_WORD, rerunArgs, type RunConfig } from './run-config.ts';


export interface InvocationResult {
  readonly outcomes: ContractOutcomes;
  readonly drift?: DriftReport;
  readonly outDir: string;
  /** The files written, by name. */
  readonly files: readonly string[];
}

export interface InvocationOptions {
  readonly signal?: AbortSignal;
  readonly log?: (line: string) => void;
  readonly onProgress?: (done: number, total: number) => void;
  readonly env?: NodeJS.ProcessEnv;
  /** --out as the command checked it; by default checked here (Playwright run by hand). */
  readonly folder?: RunFolderPlan;
  /** The command the run folder's marker names. */
  readonly command?: string;
}

/** --out checked as a contracts run folder (core/run-folder.ts): the command calls it with its other checks. */
export function checkContractsFolder(config: RunConfig, env: NodeJS.ProcessEnv = process.env): RunFolderPlan {
  return checkStageFolder(config.outDir, 'contracts', env[BUDGET_LEDGER_ENV]);
}

/** The invocation's money ledger: the one a parent handed down, else a new one in the out folder. */
function ledgerFor(config: RunConfig, env: NodeJS.ProcessEnv): BillableBudget {
  const handed = BillableBudget.fromEnv(env);
  if (handed) return handed;
  if (config.target.kind === 'replay') return BillableBudget.unlimited(); // nothing leaves the machine
  // Never spend without an explicit budget: against anything but the mock, a missing --max-billable means 0.
  const max = config.maxBillable ?? (config.target.kind === 'mock' ? Number.POSITIVE_INFINITY : 0);
  return BillableBudget.create(join(config.outDir, LEDGER_FILE), max);
}

/**
 * The run in its out folder, under the one run-folder rule (core/run-folder.ts): the previous run's files — its
 * ledger and Playwright reports included — are moved aside; they are removed once outcomes.json is written, and put
 * back when this run wrote none and sent nothing (a run that sent anything keeps its ledger, whatever happened).
 */
export async function runInvocation(config: RunConfig, options: InvocationOptions = {}): Promise<InvocationResult> {
  const env = options.env ?? process.env;
  const folder = startRunFolder(options.folder ?? checkContractsFolder(config, env), options.command ?? 'infercheck contracts');
  let budget: BillableBudget | undefined;
  try {
    budget = ledgerFor(config, env);
    const result = await runInFolder(config, options, env, budget);
    folder.commit();
    return result;
  } catch (err) {
    const sent = (budget?.ownTotals().reserved ?? 0) > 0 || existsSync(join(folder.path, 'outcomes.json'));
    if (sent) folder.commit();
    else folder.rollback();
    throw err;
  }
}

async function runInFolder(config: RunConfig, options: InvocationOptions, env: NodeJS.ProcessEnv, budget: BillableBudget): Promise<InvocationResult> {
  const log = options.log ?? (() => {});
  const grep = config.grep ? new RegExp(config.grep) : undefined;
  const target = config.target;
  let signal = options.signal;
  if (target.kind === 'url' || target.kind === 'live') {
    const problem = await connectProblem(target.baseUrl);
    if (problem) {
      // The run starts stopped: nothing is sent, and the outcomes say why.
      const unreachable = new AbortController();
      unreachable.abort({ reason: 'unreachable', message: unreachableMessage(target.baseUrl, problem) } satisfies ContractRunStop);
      signal = signal ? AbortSignal.any([unreachable.signal, signal]) : unreachable.signal;
    }
  }
  const common = {
    models: config.models,
    budget,
    log,
    rerunArgs: rerunArgs(config),
    deadlineMs: (config.deadlineS ?? DEFAULT_DEADLINE_S) * 1000,
    ...(config.rpm ? { rpm: config.rpm } : {}),
    ...(grep ? { grep } : {}),
    ...(signal ? { signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(config.strict ? { strict: true } : {}),
  };
  let mock: RunningMock | undefined;
  let restoreReplay: (() => string[]) | undefined;
  let cassette: ReturnType<typeof readCassette> | undefined;
  let engine: EngineOptions;
  if (target.kind === 'mock') {
    // ci profile: tens of ms per job. raiBlock: the word the default fail prompt carries, so FAILED jobs happen.
    mock = await startMock({ profile: 'ci', raiBlock: [MOCK_FAIL_WORD], credits: 1e6, seed: 1, ...(config.rpm ? { rpm: config.rpm } : {}) });
    engine = { ...common, target: { kind: 'mock', baseUrl: mock.url }, apiKey: mock.apiKey, failPrompt: config.failPrompt ?? `a lighthouse, ${MOCK_FAIL_WORD}`, pollIntervalMs: 15, pollTimeoutMs: 30_000 };
  } else if (target.kind === 'replay') {
    cassette = readCassette(target.dir);
    const ids = new Set(cassette.manifest.caseIds);
    restoreReplay = installReplay(cassette.entries);
    engine = {
      ...common,
      models: cassette.manifest.models,
      target: { kind: 'replay', baseUrl: cassette.manifest.target.baseUrl },
      apiKey: 'SG_replayedrecording',
      ...(cassette.manifest.failPrompt ? { failPrompt: cassette.manifest.failPrompt } : {}),
      ...(cassette.manifest.rpm ? { rpm: cassette.manifest.rpm } : {}),
      wallClock: false,
      grep: { test: (id: string) => ids.has(id) && (!grep || grep.test(id)) },
      recorded: recordedRequests(cassette.entries),
      requestTimeoutMs: 10_000,
    };
  } else {
    const apiKey = readApiKey(target, env);
    engine = { ...common, target: { kind: target.kind, baseUrl: target.baseUrl }, apiKey, apiKeyEnv: target.apiKeyEnv, ...(config.failPrompt ? { failPrompt: config.failPrompt } : {}), pollIntervalMs: 1000, pollTimeoutMs: 600_000 };
  }

  let result: Awaited<ReturnType<typeof runContracts>>;
  let notReplayed: string[] = [];
  try {
    result = await runContracts(engine);
  } finally {
    notReplayed = restoreReplay?.() ?? [];
    await mock?.close();
  }

  const files: string[] = [];
  const write = (name: string, value: unknown): void => {
    // Redacted again on the way out: a key-shaped string must never reach a file, whatever a target echoed back.
    writeFileSync(join(config.outDir, name), `${JSON.stringify(redactDeep(value, [engine.apiKey]), null, 2)}\n`);
    files.push(name);
  };
  write('outcomes.json', result.outcomes);
  write('failures.json', result.outcomes.checks.flatMap((c) => c.failures));
  // The differences from the spec's assumptions, flat like the failures: listed, not failing (empty under --strict).
  write('findings.json', result.outcomes.checks.flatMap((c) => c.findings ?? []));
  let drift: DriftReport | undefined;
  if (cassette) {
    drift = driftReport(cassette.manifest, cassette.entries, notReplayed);
    log(driftSummary(drift));
    write('drift.json', drift);
  }
  if (config.junit !== false) {
    // The folder's one JUnit file, rendered as the report renders it: same checks, same counts, with time and timestamp.
    writeFileSync(join(config.outDir, 'junit.xml'), renderContractsJunit(redactDeep(result.outcomes, [engine.apiKey])));
    files.push('junit.xml');
  }
  if (budget.path?.startsWith(config.outDir)) files.push(LEDGER_FILE);
  if (config.record) {
    writeCassette(
      config.record,
      { target: engine.target, models: engine.models, ...(engine.failPrompt ? { failPrompt: engine.failPrompt } : {}), ...(engine.rpm ? { rpm: engine.rpm } : {}), caseIds: result.plan.map((c) => c.id) },
      result.exchanges,
      [engine.apiKey],
    );
    log(`contracts: recorded ${result.exchanges.length} exchanges to ${config.record}`);
  }
  return { outcomes: result.outcomes, ...(drift ? { drift } : {}), outDir: config.outDir, files };
}
