// Playwright fixtures of the contract suite. `target` is a typed option (set per project in playwright.config.ts), so
// one suite runs against the mock, the live API, any URL or a recording. The mock is a worker-scoped fixture (started
// only for the mock target, closed after). `contractRun` runs the plain engine once per worker, waiting with
// expect.poll, and the per-check tests read its outcomes. `toPassContractCheck` is the custom matcher they use.
import { test as base, expect as baseExpect } from '@playwright/test';
import { startMock, type RunningMock } from '../mock/index.ts';
import type { CheckOutcome, ContractOutcomes } from '../core/result-files.ts';
import { runContracts, type EngineOptions, type Poller } from './engine.ts';
import { installReplay, readCassette, writeCassette } from './cassette.ts';
import { driftReport, driftSummary, type DriftReport } from './drift.ts';
import { fromEnv, MOCK_FAIL_WORD, type TargetOption } from './run-config.ts';

/** The worker-scoped option every project sets (playwright.config.ts). */
export interface ContractWorkerOptions {
  target: TargetOption;
}

export interface ContractRun {
  readonly outcomes: ContractOutcomes;
  readonly drift?: DriftReport;
  readonly wallMs: number;
}

interface WorkerFixtures {
  target: TargetOption;
  mock: RunningMock | undefined;
  contractRun: ContractRun;
}

/** The engine's waiting, done by Playwright: expect.poll with an explicit interval instead of a sleep loop. */
const expectPoller: Poller = async (probe, isDone, { intervalMs, timeoutMs }) => {
  let last: Awaited<ReturnType<typeof probe>> | undefined;
  let seen = false;
  try {
    await baseExpect
      .poll(
        async () => {
          last = await probe();
          seen = true;
          return isDone(last);
        },
        { timeout: timeoutMs, intervals: [Math.max(intervalMs, 1)] },
      )
      .toBe(true);
    return { value: last!, timedOut: false };
  } catch (err) {
    if (!seen) throw err;
    return { value: last!, timedOut: true };
  }
};

export const test = base.extend<object, WorkerFixtures>({
  target: [{ kind: 'mock' }, { option: true, scope: 'worker' }],

  mock: [
    async ({ target }, use) => {
      if (target.kind !== 'mock') return use(undefined);
      const run = fromEnv();
      // ci profile: tens of ms per job. raiBlock: the word the default fail prompt carries, so FAILED jobs happen.
      const mock = await startMock({ profile: 'ci', raiBlock: [MOCK_FAIL_WORD], credits: 1e9, seed: 1, ...(run.rpm ? { rpm: run.rpm } : {}) });
      await use(mock);
      await mock.close();
    },
    { scope: 'worker' },
  ],

  contractRun: [
    async ({ target, mock }, use) => {
      const run = fromEnv();
      const log = (line: string) => console.log(line);
      const common = { models: run.models, poller: expectPoller, log, ...(run.rpm ? { rpm: run.rpm } : {}), ...(run.grep ? { grep: new RegExp(run.grep) } : {}) };
      let options: EngineOptions;
      let restore: (() => string[]) | undefined;
      let cassette: ReturnType<typeof readCassette> | undefined;
      if (target.kind === 'mock') {
        options = { ...common, target: { kind: 'mock', baseUrl: mock!.url }, apiKey: mock!.apiKey, failPrompt: run.failPrompt ?? `a lighthouse, ${MOCK_FAIL_WORD}`, maxBillable: run.maxBillable ?? Number.POSITIVE_INFINITY, pollIntervalMs: 15, pollTimeoutMs: 30_000 };
      } else if (target.kind === 'replay') {
        cassette = readCassette(target.dir);
        const ids = new Set(cassette.manifest.caseIds);
        restore = installReplay(cassette.entries);
        options = {
          ...common,
          models: cassette.manifest.models,
          target: { kind: 'replay', baseUrl: cassette.manifest.target.baseUrl },
          apiKey: 'SG_replayedrecording',
          ...(cassette.manifest.failPrompt ? { failPrompt: cassette.manifest.failPrompt } : {}),
          ...(cassette.manifest.rpm ? { rpm: cassette.manifest.rpm } : {}),
          maxBillable: Number.POSITIVE_INFINITY,
          wallClock: false,
          grep: { test: (id: string) => ids.has(id) && (!run.grep || new RegExp(run.grep).test(id)) } as RegExp,
          requestTimeoutMs: 10_000,
        };
      } else {
        const apiKey = process.env[target.apiKeyEnv];
        if (!apiKey) throw new Error(`--target ${target.kind} needs an API key in $${target.apiKeyEnv}, which is empty`);
        // Never spend without an explicit budget: a missing --max-billable means free checks only.
        options = { ...common, target: { kind: target.kind, baseUrl: target.baseUrl }, apiKey, ...(run.failPrompt ? { failPrompt: run.failPrompt } : {}), maxBillable: run.maxBillable ?? 0, pollIntervalMs: 1000, pollTimeoutMs: 600_000 };
      }
      const started = Date.now();
      let result: Awaited<ReturnType<typeof runContracts>>;
      let pending: string[] = [];
      try {
        result = await runContracts(options);
      } finally {
        pending = restore?.() ?? [];
      }
      const wallMs = Date.now() - started;
      if (run.record) {
        writeCassette(
          run.record,
          { target: options.target, models: options.models, ...(options.failPrompt ? { failPrompt: options.failPrompt } : {}), ...(options.rpm ? { rpm: options.rpm } : {}), caseIds: result.plan.map((c) => c.id) },
          result.exchanges,
          [options.apiKey],
        );
        log(`contracts: recorded ${result.exchanges.length} exchanges to ${run.record}`);
      }
      let drift: DriftReport | undefined;
      if (cassette) {
        drift = driftReport(cassette.manifest, cassette.entries, pending);
        log(driftSummary(drift));
      }
      await use({ outcomes: result.outcomes, wallMs, ...(drift ? { drift } : {}) });
    },
    { scope: 'worker', timeout: 0 },
  ],
});

export const expect = baseExpect.extend({
  toPassContractCheck(received: CheckOutcome) {
    const pass = received.failed === 0;
    const lines = received.failures.slice(0, 10).map((f) => `  - [${f.severity}] ${f.message}`);
    return {
      pass,
      name: 'toPassContractCheck',
      message: () =>
        pass
          ? `expected check ${received.id} to fail, it passed ${received.passed} cases`
          : `check ${received.id} failed ${received.failed} of ${received.cases} cases:\n${lines.join('\n')}${received.failures.length > 10 ? `\n  … and ${received.failures.length - 10} more` : ''}`,
    };
  },
});
