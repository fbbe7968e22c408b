// One contract run for one invocation — of `infercheck contracts`, or of Playwright run by hand (global-setup.ts):
// set the target up (the embedded mock, a recording, a URL), join the invocation's money ledger or start one in the
// out folder, run the catalogue once (engine.ts), write the result files, take the target down. Whatever fails,
// stops or is interrupted, the files written say what was judged and how far the run got.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { BUDGET_LEDGER_ENV, BillableBudget } from '../core/billable-budget.ts';
import { redactDeep } from '../core/redact.ts';
import type { ContractOutcomes, ContractRunStop } from '../core/result-files.ts';
import { startMock, type RunningMock } from '../mock/index.ts';
import { installReplay, readCassette, writeCassette } from './cassette.ts';
import { driftReport, driftSummary, type DriftReport } from './drift.ts';
import { runContracts, type EngineOptions } from './engine.ts';
import { DEFAULT_DEADLINE_S, MOCK_FAIL_WORD, rerunArgs, type RunConfig } from './run-config.ts';

/** The money ledger's file in the out folder, unless a parent process handed one down ($INFERCHECK_BUDGET_LEDGER). */
export const LEDGER_FILE = 'spend.ndjson';
/** What a run writes into the out folder; a new run removes the previous run's copies first, so none is ever stale. */
export const RESULT_FILES = ['outcomes.json', 'failures.json', 'findings.json', 'drift.json'] as const;
export const REPORT_FILES = ['junit.xml', 'playwright.json', 'html', 'test-results'] as const;

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
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * One TCP connection to the target before anything is sent: a target that cannot be reached is one line — `cannot
 * connect to http://127.0.0.1:1 (ECONNREFUSED)` — not hundreds of failed requests (and Node's fetch would not even
 * try some ports: it refuses the Fetch standard's "bad ports", 1 among them, without a word about why).
 */
export function connectProblem(baseUrl: string, timeoutMs = 10_000): Promise<string | undefined> {
  const url = new URL(baseUrl);
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  return new Promise((resolve) => {
    const socket = connect({ host: url.hostname.replace(/^\[|\]$/g, ''), port, timeout: timeoutMs });
    socket.once('connect', () => {
      socket.destroy();
      resolve(undefined);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve('ETIMEDOUT');
    });
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
  });
}

/** Removes what a previous run left in the out folder (its results, reports and, unless handed down, its ledger). */
export function clearOutDir(config: RunConfig, env: NodeJS.ProcessEnv = process.env): void {
  mkdirSync(config.outDir, { recursive: true });
  const stale = [...RESULT_FILES, ...REPORT_FILES, ...(env[BUDGET_LEDGER_ENV] ? [] : [LEDGER_FILE, `${LEDGER_FILE}.lock`])];
  for (const name of stale) rmSync(join(config.outDir, name), { recursive: true, force: true });
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

export async function runInvocation(config: RunConfig, options: InvocationOptions = {}): Promise<InvocationResult> {
  const env = options.env ?? process.env;
  const log = options.log ?? (() => {});
  clearOutDir(config, env);
  const budget = ledgerFor(config, env);
  const grep = config.grep ? new RegExp(config.grep) : undefined;
  const target = config.target;
  let signal = options.signal;
  if (target.kind === 'url' || target.kind === 'live') {
    const problem = await connectProblem(target.baseUrl);
    if (problem) {
      // The run starts stopped: nothing is sent, and the outcomes say why.
      const unreachable = new AbortController();
      unreachable.abort({ reason: 'unreachable', message: `cannot connect to ${new URL(target.baseUrl).origin} (${problem})` } satisfies ContractRunStop);
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
      requestTimeoutMs: 10_000,
    };
  } else {
    const apiKey = env[target.apiKeyEnv];
    if (!apiKey) throw new Error(`--target ${target.kind} needs an API key in $${target.apiKeyEnv}, which is empty`);
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
