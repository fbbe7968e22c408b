// The request runner: the one place a contract request leaves. It adds the key (or deliberately a wrong one, or
// none), paces under --rpm, waits out an unexpected 429, and applies the money policy to every request that could be
// billed: one unit of the invocation's budget (core/billable-budget.ts, a ledger shared across processes) is reserved
// before the request leaves and given back only when the answer proves nothing was billed. That holds for every
// request that carries the caller's key to a billable operation — including the invalid bodies a conforming target
// refuses for free: a target that wrongly accepts one bills it. No budget left, no request: BudgetExhausted.
//
// It also owns stopping: a signal or the deadline (from outside), a target that refuses connections or stops
// answering (seen here) stop the whole run at once — in-flight requests are aborted, and their reservations stay
// spent, because an aborted request may have reached the vendor.
import { BillableBudget, settlementForError, settlementForStatus, type ChargeSource, type Reservation } from '../core/billable-budget.ts';
import type { ContractRunStop } from '../core/result-files.ts';
import { OPERATIONS } from '../core/spec.ts';
import { jsonObject, numberHeader, send, type FetchFn, type SendOptions, type Transport } from './exchange.ts';
import { GENERATE_OPERATION, WRONG_KEY, creditsUrl, generateUrl } from './vendor-urls.ts';
import type { Api, Exchange } from './types.ts';

export type Auth = NonNullable<SendOptions['auth']>;

/** Operations whose 2xx spends the caller's credits (the spec's `x-infercheck-billable`). */
export const BILLABLE_OPERATIONS: ReadonlySet<string> = new Set(OPERATIONS.filter((o) => o.billable).map((o) => o.operationId));

/** Longest we wait for a rate-limit window before retrying (reference §1.5: per-minute windows). */
const MAX_RATE_LIMIT_WAIT_MS = 65_000;
/** Transport errors that mean nothing reached the target: it cannot be reached (or has died). */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'UND_ERR_CONNECT_TIMEOUT']);

/** Thrown instead of sending a request the budget has no room for. */
export class BudgetExhausted extends Error {
  override readonly name = 'BudgetExhausted';
}

/** Thrown by every request once the run has stopped; carries why. */
export class RunStopped extends Error {
  override readonly name = 'RunStopped';
  constructor(readonly stop: ContractRunStop) {
    super(stop.message);
  }
}

export interface RequestSpec extends SendOptions {
  /** Default 'key'. */
  readonly auth?: Auth;
  /** The rate-limit burst: no pacing, no retry on 429. */
  readonly burst?: boolean;
}

/** Whether a request could be billed: a POST of a billable operation carrying the caller's key (as x-api-key or Bearer). */
export function mayBeBilled(spec: Pick<RequestSpec, 'method' | 'operationId' | 'auth'>): boolean {
  const auth = spec.auth ?? 'key';
  return spec.method === 'POST' && spec.operationId !== null && BILLABLE_OPERATIONS.has(spec.operationId) && (auth === 'key' || auth === 'bearer');
}

/**
 * The units one piece of work reserved before it started (all or nothing, BillableBudget.tryReserveAll): a request
 * takes one of its operation, so a piece of work that started can always finish; what it did not use comes back.
 */
export class Wallet {
  readonly #units: Array<{ readonly operation: string; readonly reservation: Reservation }>;

  constructor(units: ReadonlyArray<{ readonly operation: string; readonly reservation: Reservation }>) {
    this.#units = [...units];
  }

  take(operation: string): Reservation | undefined {
    const index = this.#units.findIndex((u) => u.operation === operation);
    return index < 0 ? undefined : this.#units.splice(index, 1)[0]!.reservation;
  }

  /** Gives back every unit not used. */
  release(): void {
    for (const unit of this.#units.splice(0)) unit.reservation.settle({ kind: 'not-sent', reason: 'planned, not needed' });
  }
}

export interface RunnerOptions {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly budget: BillableBudget;
  readonly fetch?: FetchFn;
  readonly rpm?: number;
  /** False when replaying a recording: no pacing, no waiting. */
  readonly wallClock: boolean;
  readonly requestTimeoutMs: number;
  readonly pollIntervalMs: number;
  readonly pollTimeoutMs: number;
  /** Requests to the target in a row that time out before it counts as having stopped answering. */
  readonly maxConsecutiveTimeouts?: number;
  readonly log?: (line: string) => void;
  /**
   * Replaying: the recorded run's requests (contracts/cassette.ts recordedRequests). A billable request the recorded
   * run did not send was refused by its budget, so the replay refuses it too (BudgetExhausted) — the same decision,
   * whatever the replay's own budget or order.
   */
  readonly recorded?: RecordedRequests;
}

/** What a recording sent, by case, method and URL path, each taken once as the replay sends it again. */
export interface RecordedRequests {
  take(caseId: string, method: string, url: string): boolean;
}

export class CaseRunner {
  /** Every exchange with an answer (or a transport failure of the target's own making), in the order sent. */
  readonly exchanges: Exchange[] = [];
  readonly options: RunnerOptions;
  readonly #transport: Transport;
  readonly #controller = new AbortController();
  readonly #origin: string;
  #stop: ContractRunStop | undefined;
  #nextSlot = 0;
  #timeoutsInARow = 0;
  #sent = 0;

  constructor(options: RunnerOptions) {
    this.options = options;
    this.#origin = new URL(options.baseUrl).origin;
    this.#transport = {
      fetch: options.fetch ?? ((input, init) => fetch(input, init)),
      secrets: [options.apiKey, WRONG_KEY],
      timeoutMs: options.requestTimeoutMs,
      now: () => Date.now(),
    };
  }

  get baseUrl(): string {
    return this.options.baseUrl;
  }

  get wallClock(): boolean {
    return this.options.wallClock;
  }

  get budget(): BillableBudget {
    return this.options.budget;
  }

  /** Why the run stopped, once it has. */
  get stopped(): ContractRunStop | undefined {
    return this.#stop;
  }

  /** Requests sent, answered or not (the account reads excluded). */
  get requestsSent(): number {
    return this.#sent;
  }

  /** Stops the run: the first reason wins; every request in flight is aborted, none is sent after. */
  stop(stop: ContractRunStop): void {
    if (this.#stop) return;
    this.#stop = stop;
    this.#controller.abort();
  }

  #throwIfStopped(): void {
    if (this.#stop) throw new RunStopped(this.#stop);
  }

  /** Waits, unless the run stops first. */
  async sleep(ms: number): Promise<void> {
    this.#throwIfStopped();
    if (ms <= 0) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      const signal = this.#controller.signal;
      function done(): void {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      }
      signal.addEventListener('abort', done, { once: true });
    });
    this.#throwIfStopped();
  }

  /** Reserves what a piece of work needs before it starts; undefined when the budget has no room for all of it. */
  admit(operations: readonly string[], meta: { readonly ref: string; readonly model?: string }): Wallet | undefined {
    if (operations.length === 0) return new Wallet([]);
    const reservations = this.budget.tryReserveAll(operations.map((operation) => ({ operation, ref: meta.ref, ...(meta.model ? { model: meta.model } : {}) })));
    return reservations && new Wallet(reservations.map((reservation, i) => ({ operation: operations[i]!, reservation })));
  }

  /** Client-side pacing under --rpm, so the suite itself does not trip the limit it is not testing. */
  async #pace(): Promise<void> {
    const rpm = this.options.rpm;
    if (!rpm || !this.wallClock) return;
    const gap = 60_000 / rpm;
    const now = Date.now();
    const slot = Math.max(now, this.#nextSlot);
    this.#nextSlot = slot + gap;
    await this.sleep(slot - now);
  }

  /** Sends with the API key unless told otherwise; backs off and retries on an unexpected 429. */
  async request(spec: RequestSpec, wallet?: Wallet): Promise<Exchange> {
    this.#throwIfStopped();
    const headers: Record<string, string> = { ...(spec.headers ?? {}) };
    const auth = spec.auth ?? 'key';
    if (auth === 'key') headers['x-api-key'] = this.options.apiKey;
    if (auth === 'wrong') headers['x-api-key'] = WRONG_KEY;
    if (auth === 'bearer') headers['authorization'] = `Bearer ${this.options.apiKey}`;
    if ((spec.json !== undefined || spec.bodyText !== undefined) && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
      headers['content-type'] = 'application/json';
    }
    const billable = mayBeBilled(spec);
    for (let attempt = 0; ; attempt++) {
      if (!spec.burst) await this.#pace();
      let reservation: Reservation | undefined;
      if (billable && this.options.recorded && !this.options.recorded.take(spec.caseId, spec.method, spec.url)) {
        throw new BudgetExhausted('the recorded run did not send it: its --max-billable had no room');
      }
      if (billable) {
        // A retry after a 429 reserves afresh first: the wallet's other units belong to the work's other requests.
        const fresh = (): Reservation | undefined => this.budget.tryReserve({ operation: spec.operationId!, ref: spec.caseId, ...(spec.model ? { model: spec.model } : {}) });
        reservation = attempt === 0 ? (wallet?.take(spec.operationId!) ?? fresh()) : (fresh() ?? wallet?.take(spec.operationId!));
        if (!reservation) throw new BudgetExhausted(`--max-billable ${this.budget.max} reached`);
      }
      this.#sent++;
      const exchange = await send(this.#transport, { ...spec, auth, headers }, this.#controller.signal);
      const status = exchange.response?.status;
      if (reservation) {
        reservation.settle(status !== undefined ? settlementForStatus(status) : settlementForError(Object.assign(new Error(exchange.error ?? 'no response'), { code: exchange.errorCode })));
        if (status !== undefined && status >= 200 && status < 300) this.recordCharges(exchange, spec.caseId);
      }
      this.#watchTarget(exchange);
      this.exchanges.push(exchange);
      if (status !== 429 || spec.burst || attempt >= 2) return exchange;
      if (!this.wallClock) continue; // replaying: the recorded retry follows at once
      const reset = Date.parse(exchange.response!.headers['x-rate-limit-reset-at-utc'] ?? '');
      const waitMs = Number.isNaN(reset) ? 5_000 : Math.min(MAX_RATE_LIMIT_WAIT_MS, Math.max(250, reset - Date.now()));
      this.options.log?.(`contracts: 429 on ${spec.method} ${spec.url}; waiting ${Math.round(waitMs / 1000)} s for the window to reset`);
      await this.sleep(waitMs);
    }
  }

  /**
   * A request that failed because the run stopped is not the target's doing: it is dropped and the stop re-thrown.
   * A refused connection to the target, or several timeouts in a row, stop the run.
   */
  #watchTarget(exchange: Exchange): void {
    this.#throwIfStopped();
    if (exchange.response) {
      if (this.#sameOrigin(exchange.request.url)) this.#timeoutsInARow = 0;
      return;
    }
    if (!this.#sameOrigin(exchange.request.url)) return; // an image host: output-urls-serve-jpeg's business
    const code = exchange.errorCode ?? 'no response';
    if (UNREACHABLE_CODES.has(code)) {
      this.stop({ reason: 'unreachable', message: `cannot connect to ${this.#origin} (${code})` });
      this.#throwIfStopped();
    }
    if (code === 'TimeoutError' && ++this.#timeoutsInARow >= (this.options.maxConsecutiveTimeouts ?? 3)) {
      this.stop({ reason: 'stopped-answering', message: `${this.#origin} stopped answering: ${this.#timeoutsInARow} requests in a row got no answer within ${Math.round(this.options.requestTimeoutMs / 1000)} s` });
    }
  }

  #sameOrigin(url: string): boolean {
    try {
      return new URL(url).origin === this.#origin;
    } catch {
      return false;
    }
  }

  /** Records the cost and balance an answer reports (headers on v1, `metrics` on a v2 result) in the money ledger. */
  recordCharges(exchange: Exchange, ref: string): void {
    const charge = (source: ChargeSource, value: unknown): void => {
      if (typeof value === 'number') this.budget.recordCharge(source, value, ref);
    };
    charge('x-cost', numberHeader(exchange, 'x-cost'));
    charge('x-remaining-credits', numberHeader(exchange, 'x-remaining-credits'));
    const metrics = jsonObject(exchange)?.['metrics'];
    if (metrics && typeof metrics === 'object') {
      charge('metrics.cost', (metrics as Record<string, unknown>)['cost']);
      charge('metrics.remaining_credits', (metrics as Record<string, unknown>)['remaining_credits']);
    }
  }

  generate(caseId: string, model: string, api: Api, body: unknown, wallet?: Wallet): Promise<Exchange> {
    return this.request({ caseId, operationId: GENERATE_OPERATION[api], model, method: 'POST', url: generateUrl(this.baseUrl, api, model), json: body }, wallet);
  }

  get(caseId: string, operationId: string | null, url: string, auth: Auth = 'key'): Promise<Exchange> {
    return this.request({ caseId, operationId, method: 'GET', url, auth });
  }

  /**
   * The account balance from the credits endpoint (`credits` + `free-credits`), recorded in the ledger; undefined
   * when the target does not answer it. Not an exchange of the run: nothing judges it.
   */
  async readBalance(): Promise<number | undefined> {
    if (this.#stop) return undefined;
    await this.#pace();
    const exchange = await send(this.#transport, { caseId: 'account/credits', operationId: null, method: 'GET', url: creditsUrl(this.baseUrl), headers: { 'x-api-key': this.options.apiKey }, auth: 'key' }, this.#controller.signal);
    const body = jsonObject(exchange);
    if (exchange.response?.status !== 200 || !body) return undefined;
    const parts = [body['credits'], body['free-credits']].filter((v): v is number => typeof v === 'number');
    if (parts.length === 0) return undefined;
    const balance = Math.round(parts.reduce((a, b) => a + b, 0) * 1e9) / 1e9;
    this.budget.recordCharge('credits-endpoint', balance);
    return balance;
  }
}
