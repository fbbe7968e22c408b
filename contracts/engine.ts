// The plain engine: given a target, a fetch, the models and a budget, it sends the plan (contracts/plan.ts), follows
// every v2 job through the spec's transition table, runs the catalogue over what it saw (contracts/evaluate.ts) and
// returns ContractOutcomes. No Playwright here: the Playwright suite (contracts.spec.ts), the load scripts and the
// benchmarks all drive this same function. Waiting is injected (`poller`) so Playwright can wait with expect.poll.
import { SPEC_VERSION, type ModelId } from '../core/spec.ts';
import type { ContractOutcomes } from '../core/result-files.ts';
import { CHECKS } from './registry.ts';
import { evaluate, type RunFacts } from './evaluate.ts';
import { conflictFindings } from './conflicts.ts';
import { send, type FetchFn, type SendOptions, type Transport } from './exchange.ts';
import { buildPlan, plannedBillable, unbillableBody, UNKNOWN_MODEL, UNKNOWN_REQUEST_ID, type Api, type CaseDef, type ProbeTarget } from './plan.ts';
import { isTerminal } from './spec-access.ts';
import { isSuccess, jsonObject, numberHeader, reportedStatus } from './checks/helpers.ts';
import type { AnyCheck, CaseInfo, CheckContext, Exchange, JobTrace, LedgerEntry, Subject, TargetKind } from './types.ts';

/** Waits until `isDone(probe())` or the timeout; returns the last value either way. */
export type Poller = <T>(
  probe: () => Promise<T>,
  isDone: (value: T) => boolean,
  options: { readonly intervalMs: number; readonly timeoutMs: number },
) => Promise<{ readonly value: T; readonly timedOut: boolean }>;

export const sleepPoller: Poller = async (probe, isDone, { intervalMs, timeoutMs }) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (isDone(value)) return { value, timedOut: false };
    if (Date.now() >= deadline) return { value, timedOut: true };
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
};

export interface EngineOptions {
  readonly target: { readonly kind: TargetKind; readonly baseUrl: string };
  readonly apiKey: string;
  readonly fetch?: FetchFn;
  readonly models: readonly ModelId[];
  readonly failPrompt?: string;
  readonly rpm?: number;
  /** Billable requests allowed; Infinity for the mock. 0 = free checks only. */
  readonly maxBillable: number;
  readonly grep?: RegExp;
  readonly concurrency?: number;
  readonly pollIntervalMs?: number;
  readonly pollTimeoutMs?: number;
  readonly requestTimeoutMs?: number;
  readonly poller?: Poller;
  /** False when replaying a recording: timing checks are skipped, pacing and back-off are off. */
  readonly wallClock?: boolean;
  readonly checks?: readonly AnyCheck[];
  readonly log?: (line: string) => void;
}

export interface EngineResult {
  readonly outcomes: ContractOutcomes;
  readonly exchanges: readonly Exchange[];
  readonly subjects: readonly Subject[];
  readonly plan: readonly CaseDef[];
}

const WRONG_KEY = 'SG_ffffffffffffffff';
/** Longest we wait for a rate-limit window before retrying (reference §1.5: per-minute windows). */
const MAX_RATE_LIMIT_WAIT_MS = 65_000;

/** Thrown instead of sending a request that could push spending past --max-billable. */
export class BudgetExhausted extends Error {
  override readonly name = 'BudgetExhausted';
}

const BILLABLE_OPERATIONS = new Set(['generateSync', 'submitAsync']);

/** Everything one case needs to send requests; shared by the engine and the self-tests. */
export class CaseRunner {
  readonly exchanges: Exchange[] = [];
  /** 2xx answers to billable operations so far (what may have been billed). */
  billableSpent = 0;
  /** Ids of the cases planned as billable; every other case is expected to cost nothing. */
  readonly billableCases = new Set<string>();
  readonly #transport: Transport;
  readonly #options: EngineOptions;
  #nextSlot = 0;
  /** Billable requests sent or answered 2xx: the strict count the budget is checked against. */
  #committed = 0;

  constructor(options: EngineOptions) {
    this.#options = options;
    this.#transport = {
      fetch: options.fetch ?? ((input, init) => fetch(input, init)),
      secrets: [options.apiKey, WRONG_KEY],
      timeoutMs: options.requestTimeoutMs ?? 30_000,
      now: () => Date.now(),
    };
  }

  get baseUrl(): string {
    return this.#options.target.baseUrl;
  }

  get wallClock(): boolean {
    return this.#options.wallClock ?? true;
  }

  /** Client-side pacing under --rpm, so the suite itself does not trip the limit it is not testing. */
  async #pace(): Promise<void> {
    const rpm = this.#options.rpm;
    if (!rpm || !this.wallClock) return;
    const gap = 60_000 / rpm;
    const now = Date.now();
    const slot = Math.max(now, this.#nextSlot);
    this.#nextSlot = slot + gap;
    if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
  }

  /** Sends with the API key unless told otherwise; backs off and retries on an unexpected 429. */
  async request(options: SendOptions & { readonly auth?: 'key' | 'none' | 'wrong' | 'bearer'; readonly burst?: boolean }): Promise<Exchange> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    const auth = options.auth ?? 'key';
    if (auth === 'key') headers['x-api-key'] = this.#options.apiKey;
    if (auth === 'wrong') headers['x-api-key'] = WRONG_KEY;
    if (auth === 'bearer') headers['authorization'] = `Bearer ${this.#options.apiKey}`;
    if ((options.json !== undefined || options.bodyText !== undefined) && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
      headers['content-type'] = 'application/json';
    }
    const mayBill = options.method === 'POST' && options.operationId !== null && BILLABLE_OPERATIONS.has(options.operationId);
    const max = this.#options.maxBillable;
    for (let attempt = 0; ; attempt++) {
      if (mayBill) {
        if (this.billableCases.has(options.caseId)) {
          // A billable case: counted when sent, so concurrent cases can never overshoot the budget together.
          if (this.#committed >= max) throw new BudgetExhausted(`--max-billable ${max} reached`);
          this.#committed++;
        } else if (this.billableSpent >= max && (max > 0 || this.billableSpent > 0)) {
          // A request a conforming target answers 4xx; once wrongly accepted ones reach the budget, stop sending them.
          throw new BudgetExhausted(`--max-billable ${max} reached by requests the target should have refused`);
        }
      }
      if (!options.burst) await this.#pace();
      const exchange = await send(this.#transport, { ...options, headers });
      this.exchanges.push(exchange);
      const status = exchange.response?.status;
      const spent = status !== undefined && status >= 200 && status < 300;
      if (mayBill && spent) this.billableSpent++;
      if (mayBill && this.billableCases.has(options.caseId) && !spent) this.#committed--;
      if (mayBill && !this.billableCases.has(options.caseId) && spent) this.#committed++;
      if (status !== 429 || options.burst || attempt >= 2) return exchange;
      if (!this.wallClock) continue; // replaying: the recorded retry follows at once
      const reset = Date.parse(exchange.response!.headers['x-rate-limit-reset-at-utc'] ?? '');
      const waitMs = Number.isNaN(reset) ? 5_000 : Math.min(MAX_RATE_LIMIT_WAIT_MS, Math.max(250, reset - Date.now()));
      this.#options.log?.(`contracts: 429 on ${options.method} ${options.url}; waiting ${Math.round(waitMs / 1000)} s for the window to reset`);
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }

  generate(caseId: string, model: string, api: Api, body: unknown): Promise<Exchange> {
    return this.request({
      caseId,
      operationId: api === 'v1' ? 'generateSync' : 'submitAsync',
      model,
      method: 'POST',
      url: `${this.baseUrl}/${api}/${model}`,
      json: body,
    });
  }

  get(caseId: string, operationId: string | null, url: string, auth: 'key' | 'none' = 'key'): Promise<Exchange> {
    return this.request({ caseId, operationId, method: 'GET', url, auth });
  }

  /** Follows a submitted job: polls status_url verbatim until terminal, then reads the result, the v1 poll and the images. */
  async followJob(caseId: string, submit: Exchange, options: { readonly earlyResult?: boolean } = {}): Promise<JobTrace | undefined> {
    const body = jsonObject(submit);
    if (!isSuccess(submit) || !body || typeof body['status_url'] !== 'string') return undefined;
    const requestId = typeof body['request_id'] === 'string' ? body['request_id'] : undefined;
    const responseUrl = typeof body['response_url'] === 'string' ? body['response_url'] : undefined;
    const pollUrl = typeof body['poll_url'] === 'string' ? body['poll_url'] : undefined;
    const statusUrl = body['status_url'];
    const earlyResult = options.earlyResult && responseUrl ? await this.get(caseId, 'getRequestResult', responseUrl) : undefined;
    const polls: Exchange[] = [];
    const settled = (e: Exchange): boolean => {
      const status = reportedStatus(e);
      if (status !== undefined && isTerminal(status)) return true;
      // Stop on anything that is not a pending answer: 404, auth errors, transport errors, unparseable bodies.
      return !e.response || (e.response.status !== 200 && e.response.status !== 429) || status === undefined;
    };
    const poller = this.#options.poller ?? sleepPoller;
    const { timedOut } = await poller(
      async () => {
        const exchange = await this.get(caseId, 'getRequestStatus', statusUrl);
        polls.push(exchange);
        return exchange;
      },
      settled,
      { intervalMs: this.wallClock ? (this.#options.pollIntervalMs ?? 1000) : 0, timeoutMs: this.#options.pollTimeoutMs ?? 600_000 },
    );
    const terminalPoll = polls.find((e) => isTerminal(reportedStatus(e) ?? ''));
    const result = responseUrl ? await this.get(caseId, 'getRequestResult', responseUrl) : undefined;
    const v1Poll = pollUrl ? await this.get(caseId, 'getRequestStatusV1', pollUrl) : undefined;
    const images: Exchange[] = [];
    const resultBody = jsonObject(result);
    if (reportedStatus(result) === 'COMPLETED' && resultBody) {
      const urls = Array.isArray(resultBody['images'])
        ? (resultBody['images'] as Array<Record<string, unknown>>).map((i) => i?.['url']).filter((u): u is string => typeof u === 'string')
        : typeof resultBody['output'] === 'string'
          ? [resultBody['output']]
          : [];
      // Images are public (reference §2.3): never send the API key to an image host.
      for (const url of urls) images.push(await this.get(caseId, null, url, 'none'));
    }
    return {
      submit,
      ...(requestId ? { requestId } : {}),
      polls,
      ...(earlyResult ? { earlyResult } : {}),
      ...(result ? { result } : {}),
      ...(v1Poll ? { v1Poll } : {}),
      images,
      ...(terminalPoll ? { observedE2eMs: terminalPoll.finishedAt - submit.startedAt } : {}),
      timedOut,
    };
  }
}

function probeRequest(runner: CaseRunner, def: Extract<CaseDef, { kind: 'probe' }>): Parameters<CaseRunner['request']>[0] {
  const base = runner.baseUrl;
  const idUrl = { status: `${base}/v2/requests/${UNKNOWN_REQUEST_ID}/status`, result: `${base}/v2/requests/${UNKNOWN_REQUEST_ID}`, 'v1-poll': `${base}/v1/requests/${UNKNOWN_REQUEST_ID}` };
  const getOperation = { status: 'getRequestStatus', result: 'getRequestResult', 'v1-poll': 'getRequestStatusV1' } as const;
  const on: ProbeTarget = def.on;
  const isPost = on === 'v1' || on === 'v2';
  const postOperation = on === 'v1' ? 'generateSync' : 'submitAsync';
  const common = { caseId: def.id, model: def.model };
  const body = unbillableBody(def.id);
  switch (def.intent) {
    case 'missing-key':
    case 'wrong-key':
    case 'bearer-only': {
      const auth = def.intent === 'missing-key' ? 'none' : def.intent === 'wrong-key' ? 'wrong' : 'bearer';
      return isPost
        ? { ...common, operationId: postOperation, method: 'POST', url: `${base}/${on}/${def.model}`, json: body, auth }
        : { ...common, operationId: getOperation[on as 'status'], method: 'GET', url: idUrl[on as 'status'], auth };
    }
    case 'wrong-content-type':
      return { ...common, operationId: postOperation, method: 'POST', url: `${base}/${on}/${def.model}`, bodyText: JSON.stringify(body), headers: { 'content-type': 'text/plain' } };
    case 'malformed-json':
      return { ...common, operationId: postOperation, method: 'POST', url: `${base}/${on}/${def.model}`, bodyText: `{"prompt": "infercheck ${def.id}",` };
    case 'unknown-model':
      return { ...common, operationId: postOperation, method: 'POST', url: `${base}/${on}/${UNKNOWN_MODEL}`, json: body };
    case 'wrong-method':
      return isPost
        ? { ...common, operationId: postOperation, method: 'GET', url: `${base}/${on}/${def.model}` }
        : { ...common, operationId: getOperation[on as 'status'], method: on === 'result' ? 'DELETE' : 'POST', url: idUrl[on as 'status'], json: body };
    case 'unknown-request-id':
      return { ...common, operationId: getOperation[on as 'status'], method: 'GET', url: idUrl[on as 'status'] };
    default:
      throw new Error(`no probe for intent ${def.intent}`);
  }
}

export function caseInfo(def: CaseDef): CaseInfo {
  switch (def.kind) {
    case 'probe':
      return { id: def.id, intent: def.intent, model: def.model };
    case 'boundary':
      return { id: def.id, intent: 'boundary', model: def.model, api: def.api, params: def.params, boundary: def.boundary };
    case 'outputs':
      return { id: def.id, intent: 'outputs', model: def.model, api: def.api, params: def.params };
    case 'determinism':
      return { id: def.id, intent: 'determinism', model: def.model, api: def.api, params: def.params };
    case 'failed-job':
      return { id: def.id, intent: 'failed-job', model: def.model, api: 'v2', params: def.params };
    case 'ledger':
      return { id: def.id, intent: 'ledger', model: def.model };
    case 'rate-limit':
      return { id: def.id, intent: 'rate-limit', model: def.model };
  }
}

async function generation(runner: CaseRunner, info: CaseInfo, model: string, api: Api, params: unknown, earlyResult = false): Promise<Subject> {
  const first = await runner.generate(info.id, model, api, params);
  const job = api === 'v2' ? await runner.followJob(info.id, first, { earlyResult }) : undefined;
  return { kind: 'generation', case: info, api, first, ...(job ? { job } : {}) };
}

function generatedBytes(subject: Subject): Exchange[] {
  if (subject.kind !== 'generation') return [];
  if (subject.api === 'v1') return subject.first.response?.status === 200 ? [subject.first] : [];
  return [...(subject.job?.images ?? [])];
}

/** The serial money phase: success, success, rejections (4xx and a FAILED job), success — balances read from the API. */
async function runLedger(runner: CaseRunner, def: Extract<CaseDef, { kind: 'ledger' }>, failPrompt: string | undefined): Promise<Subject[]> {
  const info = caseInfo(def);
  const entries: LedgerEntry[] = [];
  const subjects: Subject[] = [];
  const v1Success = async (label: string): Promise<void> => {
    const exchange = await runner.generate(def.id, def.model, 'v1', { prompt: `infercheck ${def.id} ${label}` });
    subjects.push({ kind: 'generation', case: { ...info, api: 'v1', params: exchange.request.json as Record<string, unknown> }, api: 'v1', first: exchange });
    const balance = numberHeader(exchange, 'x-remaining-credits');
    const cost = numberHeader(exchange, 'x-cost');
    entries.push({ label, kind: exchange.response?.status === 200 ? 'success' : 'rejected', exchanges: [exchange], ...(balance === undefined ? {} : { balanceAfter: balance }), ...(cost === undefined ? {} : { cost }) });
  };
  const v2Success = async (label: string): Promise<void> => {
    const submit = await runner.generate(def.id, def.model, 'v2', { prompt: `infercheck ${def.id} ${label}` });
    const job = await runner.followJob(def.id, submit);
    subjects.push({ kind: 'generation', case: { ...info, api: 'v2', params: submit.request.json as Record<string, unknown> }, api: 'v2', first: submit, ...(job ? { job } : {}) });
    const metrics = jsonObject(job?.result)?.['metrics'] as Record<string, unknown> | undefined;
    const balance = typeof metrics?.['remaining_credits'] === 'number' ? metrics['remaining_credits'] : undefined;
    const cost = typeof metrics?.['cost'] === 'number' ? metrics['cost'] : undefined;
    const ok = reportedStatus(job?.result) === 'COMPLETED';
    entries.push({ label, kind: ok ? 'success' : 'rejected', exchanges: [submit, ...(job ? job.polls : []), ...(job?.result ? [job.result] : [])], ...(balance === undefined ? {} : { balanceAfter: balance }), ...(cost === undefined ? {} : { cost }) });
  };
  await v1Success('v1 success A');
  await v2Success('v2 success B');
  const rejections: Array<[string, () => Promise<Exchange>]> = [
    ['400 invalid body (v1)', () => runner.generate(def.id, def.model, 'v1', { prompt: `infercheck ${def.id} 400 v1`, samples: 0 })],
    ['400 invalid body (v2)', () => runner.generate(def.id, def.model, 'v2', { prompt: `infercheck ${def.id} 400 v2`, samples: 0 })],
    ['406 wrong content type (v1)', () => runner.request({ caseId: def.id, operationId: 'generateSync', model: def.model, method: 'POST', url: `${runner.baseUrl}/v1/${def.model}`, bodyText: JSON.stringify({ prompt: `infercheck ${def.id} 406` }), headers: { 'content-type': 'text/plain' } })],
    ['404 unknown model (v2)', () => runner.generate(def.id, UNKNOWN_MODEL, 'v2', { prompt: `infercheck ${def.id} 404` })],
  ];
  for (const [label, run] of rejections) entries.push({ label, kind: 'rejected', exchanges: [await run()] });
  if (failPrompt) {
    const submit = await runner.generate(def.id, def.model, 'v2', { prompt: failPrompt });
    const job = await runner.followJob(def.id, submit);
    subjects.push({ kind: 'generation', case: { ...info, api: 'v2', params: { prompt: failPrompt } }, api: 'v2', first: submit, ...(job ? { job } : {}) });
    entries.push({ label: 'FAILED job (v2)', kind: 'failed-job', exchanges: [submit, ...(job?.polls ?? []), ...(job?.result ? [job.result] : [])] });
  }
  await v1Success('v1 success C');
  subjects.push({ kind: 'ledger', case: info, entries });
  return subjects;
}

export async function runCase(runner: CaseRunner, def: CaseDef, options: { readonly failPrompt?: string } = {}): Promise<Subject[]> {
  const info = caseInfo(def);
  switch (def.kind) {
    case 'probe': {
      const exchange = await runner.request(probeRequest(runner, def));
      return [{ kind: 'exchange', case: info, exchange }];
    }
    case 'boundary':
      return [await generation(runner, info, def.model, def.api, def.params)];
    case 'outputs':
      return [await generation(runner, info, def.model, def.api, def.params, true)];
    case 'failed-job':
      return [await generation(runner, info, def.model, 'v2', def.params)];
    case 'determinism': {
      const first = await generation(runner, info, def.model, def.api, def.params);
      const second = await generation(runner, info, def.model, def.api, def.params);
      return [first, second, { kind: 'determinism', case: info, first: generatedBytes(first), second: generatedBytes(second) }];
    }
    case 'ledger':
      return runLedger(runner, def, options.failPrompt);
    case 'rate-limit': {
      const exchanges: Exchange[] = [];
      for (let i = 0; i < def.rpm * 2 + 2; i++) {
        exchanges.push(
          await runner.request({ caseId: def.id, operationId: 'generateSync', model: def.model, method: 'POST', url: `${runner.baseUrl}/v1/${def.model}`, json: unbillableBody(`${def.id}/${i}`), burst: true }),
        );
      }
      return [{ kind: 'rate-limit', case: info, rpm: def.rpm, exchanges }];
    }
  }
}

async function mapLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await fn(item);
    }
  });
  await Promise.all(workers);
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

/** Retention: every terminal result is read again at the end of the run (spec conflict retention-anchor). */
export async function rereadResults(runner: CaseRunner, subjects: readonly Subject[]): Promise<void> {
  for (const subject of subjects) {
    if (subject.kind !== 'generation' || !subject.job?.result) continue;
    const status = reportedStatus(subject.job.result);
    if (status !== 'COMPLETED' && status !== 'FAILED') continue;
    const reread = await runner.get(subject.case.id, 'getRequestResult', subject.job.result.request.url);
    (subject.job as { reread?: Exchange }).reread = reread;
  }
}

export async function runContracts(options: EngineOptions): Promise<EngineResult> {
  const log = options.log ?? (() => {});
  const startedAt = new Date();
  const plan = buildPlan({ models: options.models, ...(options.failPrompt ? { failPrompt: options.failPrompt } : {}), ...(options.rpm ? { rpm: options.rpm } : {}), ...(options.grep ? { grep: options.grep } : {}) });
  const runner = new CaseRunner(options);
  const billableTarget = options.target.kind === 'live' || options.target.kind === 'url';
  const planned = plannedBillable(plan);
  const budget = options.maxBillable;
  log(
    `contracts: ${plan.length} cases planned against ${options.target.kind} ${options.target.baseUrl}; ` +
      (billableTarget || Number.isFinite(budget)
        ? `${planned} billable requests planned, budget --max-billable ${Number.isFinite(budget) ? budget : 'unlimited'}; free (4xx) checks run first`
        : `${planned} billable requests (free on the mock)`),
  );

  const subjects: Subject[] = [];
  const infos = new Map<string, CaseInfo>();
  const concurrency = options.concurrency ?? (billableTarget ? 2 : 8);
  let ran = 0;
  let overBudget = 0;
  let ranBillable = 0;
  const execute = async (def: CaseDef): Promise<void> => {
    if (def.billable > 0) {
      // Not started unless its whole planned spend fits; the runner enforces the budget per request as well.
      if (runner.billableSpent + def.billable > budget) {
        overBudget++;
        return;
      }
      runner.billableCases.add(def.id);
    }
    infos.set(def.id, caseInfo(def));
    try {
      subjects.push(...(await runCase(runner, def, options.failPrompt ? { failPrompt: options.failPrompt } : {})));
      ran++;
      if (def.billable > 0) ranBillable++;
    } catch (err) {
      if (!(err instanceof BudgetExhausted)) throw err;
      overBudget++;
    }
  };

  // Free cases first (a conforming target answers them 4xx and bills nothing), then billable ones in plan order,
  // the money ledger alone (its balances must not interleave with other spending), the burst last.
  const free = plan.filter((c) => c.billable === 0 && c.kind !== 'rate-limit');
  const ledger = plan.filter((c) => c.kind === 'ledger');
  const billable = plan.filter((c) => c.billable > 0 && c.kind !== 'ledger');
  await mapLimit(free, concurrency, execute);
  for (const def of ledger) await execute(def);
  await mapLimit(billable, concurrency, execute);

  await rereadResults(runner, subjects);
  for (const def of plan.filter((c) => c.kind === 'rate-limit')) await execute(def);

  const allSubjects = withExchangeSubjects(subjects, runner.exchanges, infos);
  const ctx: CheckContext = {
    target: options.target,
    wallClock: options.wallClock ?? true,
    ...(options.failPrompt ? { failPrompt: options.failPrompt } : {}),
  };
  const facts: RunFacts = {
    failPrompt: options.failPrompt !== undefined,
    billableBudget: overBudget > 0 && ranBillable === 0 ? 0 : budget,
    rpm: options.rpm !== undefined,
    wallClock: options.wallClock ?? true,
  };
  const checks = evaluate(options.checks ?? CHECKS, ctx, allSubjects, facts, [options.apiKey]).map((outcome) =>
    outcome.cases === 0 && overBudget > 0 && outcome.skipReason === 'no case of this run exercised it'
      ? { ...outcome, skipReason: `needs --max-billable: ${overBudget} billable cases were over the budget of ${budget}` }
      : outcome,
  );
  if (overBudget > 0) log(`contracts: ${overBudget} billable cases skipped (over --max-billable ${budget})`);
  const outcomes: ContractOutcomes = {
    schema: 'infercheck/contract-outcomes@1',
    target: options.target,
    specVersion: SPEC_VERSION,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    cases: ran,
    billableRequests: runner.billableSpent,
    checks,
    findings: conflictFindings(allSubjects),
  };
  return { outcomes, exchanges: runner.exchanges, subjects: allSubjects, plan };
}
