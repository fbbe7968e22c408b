// The catalogue, once: plan (plan.ts), announce what it may cost, send it (phases.ts through the runner, runner.ts),
// judge what was seen (evaluate.ts), and return ContractOutcomes with the real spend (spend.ts) and how far the run
// got. No Playwright and no files here: `infercheck contracts` and Playwright's global setup (invocation.ts), the
// benchmarks and the tests all drive this same function — and it runs once per invocation, never per test worker.
import { BillableBudget } from '../core/billable-budget.ts';
import { SPEC_VERSION, type ModelId } from '../core/spec.ts';
import { INFERCHECK_VERSION } from '../core/version.ts';
import type { CheckOutcome, ContractOutcomes, ContractRunStop } from '../core/result-files.ts';
import { CHECKS } from './registry.ts';
import { evaluate, type RunFacts } from './evaluate.ts';
import { conflictFindings } from './conflicts.ts';
import { buildPlan, type CaseDef, type Plan } from './plan.ts';
import { runPlan } from './phases.ts';
import { reproducerFor, type ReproducerOptions } from './reproducer.ts';
import { CaseRunner, type RecordedRequests } from './runner.ts';
import { spendOf } from './spend.ts';
import type { FetchFn } from './exchange.ts';
import type { AnyCheck, CaseInfo, CheckContext, Exchange, Subject, TargetKind } from './types.ts';

export { BudgetExhausted, CaseRunner, RunStopped } from './runner.ts';

export interface EngineOptions {
  readonly target: { readonly kind: TargetKind; readonly baseUrl: string };
  readonly apiKey: string;
  /** The variable the key came from, for reproducers (default SEGMIND_API_KEY). */
  readonly apiKeyEnv?: string;
  readonly fetch?: FetchFn;
  readonly models: readonly ModelId[];
  readonly failPrompt?: string;
  readonly rpm?: number;
  /** The invocation's money ledger. Without one: a ledger in memory capped at `maxBillable`. */
  readonly budget?: BillableBudget;
  /** Billable requests allowed when no `budget` is given; Infinity (or absent) = no cap. 0 = nothing billable. */
  readonly maxBillable?: number;
  readonly grep?: { test(id: string): boolean };
  /** Replaying: what the recording sent (contracts/cassette.ts recordedRequests); a billable request it did not send is refused again. */
  readonly recorded?: RecordedRequests;
  readonly concurrency?: number;
  readonly pollIntervalMs?: number;
  readonly pollTimeoutMs?: number;
  readonly requestTimeoutMs?: number;
  /** False when replaying a recording: timing checks are skipped, pacing and back-off are off. */
  readonly wallClock?: boolean;
  readonly checks?: readonly AnyCheck[];
  readonly log?: (line: string) => void;
  /** Told after each unit of cases: cases done (or left out by the budget) of those planned, for a progress display. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Stops the run from outside (a signal); its reason, when a ContractRunStop, is reported as why. */
  readonly signal?: AbortSignal;
  /** The whole catalogue's deadline, in ms from the start. */
  readonly deadlineMs?: number;
  /** How a re-run names this target on the command line (run-config.ts rerunArgs); `--target <baseUrl>` when absent. */
  readonly rerunArgs?: readonly string[];
  /** --strict: a difference from the spec's assumptions fails like a broken documented rule. */
  readonly strict?: boolean;
}

export interface EngineResult {
  readonly outcomes: ContractOutcomes;
  readonly exchanges: readonly Exchange[];
  readonly subjects: readonly Subject[];
  /** Every planned case, in run order. */
  readonly plan: readonly CaseDef[];
  readonly planned: Plan;
}

/** The case subjects plus every other exchange of the run as a conformance subject, labelled with its case. */
export function withExchangeSubjects(subjects: readonly Subject[], exchanges: readonly Exchange[], infos: ReadonlyMap<string, CaseInfo>): Subject[] {
  const already = new Set<Exchange>();
  for (const s of subjects) if (s.kind === 'exchange') already.add(s.exchange);
  const rest = exchanges
    .filter((e) => !already.has(e))
    .map((exchange): Subject => ({ kind: 'exchange', case: infos.get(exchange.caseId) ?? { id: exchange.caseId, intent: 'outputs' }, exchange }));
  return [...subjects, ...rest];
}

function stopFromSignal(signal: AbortSignal): ContractRunStop {
  const reason = signal.reason as Partial<ContractRunStop> | undefined;
  return reason && typeof reason === 'object' && typeof reason.reason === 'string' && typeof reason.message === 'string'
    ? (reason as ContractRunStop)
    : { reason: 'signal', signal: 'SIGINT', message: 'stopped' };
}

export async function runContracts(options: EngineOptions): Promise<EngineResult> {
  const log = options.log ?? (() => {});
  const startedAt = new Date();
  const planOptions = { models: options.models, ...(options.failPrompt ? { failPrompt: options.failPrompt } : {}), ...(options.rpm ? { rpm: options.rpm } : {}) };
  const plan = buildPlan({ ...planOptions, ...(options.grep ? { grep: options.grep } : {}) });
  const budget = options.budget ?? (options.maxBillable === undefined || !Number.isFinite(options.maxBillable) ? BillableBudget.unlimited() : BillableBudget.inMemory(options.maxBillable));
  const startTotals = budget.totals();
  const remaining = budget.remaining();
  const billableTarget = options.target.kind === 'live' || options.target.kind === 'url';
  const cap = budget.max === null ? 'no cap' : `hard cap --max-billable ${budget.max}${remaining < budget.max ? ` (${remaining} left in the invocation's ledger)` : ''}`;
  log(
    `contracts: ${plan.cases.length} cases against ${options.target.kind} ${options.target.baseUrl}; ` +
      `billable requests: ${plan.expected} if the target keeps the contract, at most ${plan.worstCase} whatever it answers; ${cap}` +
      (budget.max === null ? (billableTarget ? '' : ' (free on this target)') : `: the target receives at most ${Math.min(plan.worstCase, remaining)}`),
  );

  const wallClock = options.wallClock ?? true;
  const runner = new CaseRunner({
    baseUrl: options.target.baseUrl,
    apiKey: options.apiKey,
    budget,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.rpm ? { rpm: options.rpm } : {}),
    wallClock,
    ...(options.recorded ? { recorded: options.recorded } : {}),
    requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
    pollIntervalMs: wallClock ? (options.pollIntervalMs ?? 1000) : 0,
    pollTimeoutMs: options.pollTimeoutMs ?? 600_000,
    log,
  });
  const onAbort = (): void => runner.stop(stopFromSignal(options.signal!));
  if (options.signal?.aborted) onAbort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const deadline = options.deadlineMs === undefined ? undefined : setTimeout(() => runner.stop({ reason: 'deadline', message: `the catalogue's deadline of ${Math.round(options.deadlineMs! / 1000)} s passed` }), options.deadlineMs);

  let run: Awaited<ReturnType<typeof runPlan>>;
  let before: number | undefined;
  let after: number | undefined;
  try {
    // The balance before and after, from the credits endpoint: the third witness of what the run cost.
    if (options.target.kind !== 'replay') before = await runner.readBalance();
    run = await runPlan(runner, plan, { concurrency: options.concurrency ?? (billableTarget ? 2 : 8), ...(options.failPrompt ? { failPrompt: options.failPrompt } : {}), ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
    if (options.target.kind !== 'replay') after = await runner.readBalance();
  } finally {
    clearTimeout(deadline);
    options.signal?.removeEventListener('abort', onAbort);
  }

  const stopped = runner.stopped;
  const allSubjects = withExchangeSubjects(run.subjects, runner.exchanges, run.infos);
  const ctx: CheckContext = { target: options.target, wallClock, ...(options.failPrompt ? { failPrompt: options.failPrompt } : {}) };
  const ranBillable = budget.totals().billed - startTotals.billed > 0;
  const facts: RunFacts = {
    failPrompt: options.failPrompt !== undefined,
    billableBudget: run.overBudget.length > 0 && !ranBillable ? 0 : (budget.max ?? Number.POSITIVE_INFINITY),
    rpm: options.rpm !== undefined,
    wallClock,
    strict: options.strict === true,
  };
  const apiKeyEnv = options.apiKeyEnv ?? 'SEGMIND_API_KEY';
  const rerunBudgets = new Map<string, number | undefined>();
  const reproducers: ReproducerOptions = {
    targetArgs: options.rerunArgs ?? (options.target.kind === 'mock' ? [] : ['--target', options.target.baseUrl]),
    apiKeyEnv,
    extraArgs: [
      ...(options.failPrompt && options.target.kind !== 'mock' ? ['--fail-prompt', options.failPrompt] : []),
      ...(options.rpm ? ['--rpm', String(options.rpm)] : []),
      ...(options.strict ? ['--strict'] : []),
    ],
    // What a re-run of just these cases may cost at most, so its --max-billable never cuts it short.
    budgetFor: (caseIds) => {
      if (!billableTarget) return undefined;
      const key = caseIds.join('\n');
      if (!rerunBudgets.has(key)) {
        const ids = new Set(caseIds);
        rerunBudgets.set(key, buildPlan({ ...planOptions, grep: { test: (id) => ids.has(id) } }).worstCase);
      }
      return rerunBudgets.get(key);
    },
  };
  const notJudged = (outcome: CheckOutcome): string | undefined => {
    if (outcome.cases > 0 || outcome.skipReason !== 'no case of this run exercised it') return undefined;
    if (stopped) return `the run stopped after ${run.casesDone} of ${plan.cases.length} cases: ${stopped.message}`;
    if (run.overBudget.length > 0) {
      return `needs --max-billable: ${run.overBudget.length} cases were not sent — each could be billed (it carries the key to a billable operation) and the budget of ${budget.max} had no room`;
    }
    return undefined;
  };
  const checks = evaluate(options.checks ?? CHECKS, ctx, allSubjects, facts, [options.apiKey], (subject, exchange) => reproducerFor(reproducers, subject, exchange)).map((outcome) => {
    const reason = notJudged(outcome);
    return reason ? { ...outcome, skipReason: reason } : outcome;
  });
  if (run.overBudget.length > 0) log(`contracts: ${run.overBudget.length} cases not sent: the budget (--max-billable ${budget.max}) had no room for what they could cost`);
  const spend = spendOf({
    ledger: budget.path ?? null,
    maxBillable: budget.max,
    planned: { expected: plan.expected, worstCase: plan.worstCase },
    start: startTotals,
    end: budget.totals(),
    before: before ?? null,
    after: after ?? null,
  });
  const outcomes: ContractOutcomes = {
    schema: 'infercheck/contract-outcomes@1',
    infercheckVersion: INFERCHECK_VERSION,
    target: options.target,
    specVersion: SPEC_VERSION,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    cases: run.casesDone,
    billableRequests: spend.requests.billed + spend.requests.unknown,
    checks,
    findings: conflictFindings(allSubjects),
    strict: options.strict === true,
    run: {
      casesPlanned: plan.cases.length,
      casesDone: run.casesDone,
      casesOverBudget: run.overBudget.length,
      requests: runner.requestsSent,
      deadlineS: options.deadlineMs === undefined ? null : options.deadlineMs / 1000,
      ...(stopped ? { stopped } : {}),
    },
    spend,
  };
  return { outcomes, exchanges: runner.exchanges, subjects: allSubjects, plan: plan.cases, planned: plan };
}
