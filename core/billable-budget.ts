// The one money policy (STYLE §7): a request that may be billed reserves one unit of the budget *before* it leaves,
// and the unit is given back only when the vendor's answer proves nothing was billed. So the vendor can never have
// taken on more than `--max-billable` requests, whatever fails, crashes or restarts:
//
//   in flight + billed + unknown  ≤  max
//
// - billed:   a 2xx answer to a billable operation (reference §1.5: "only 200 is billed"; any 2xx counts, to be safe)
// - refused:  any other HTTP answer — the unit is returned
// - not-sent: the request failed before a byte could reach the vendor (connection refused, DNS) — the unit is returned
// - unknown:  sent, but no answer (timeout, reset, the process died): it may have been billed, so it stays spent
//
// The ledger is an append-only NDJSON file shared by every process of one invocation (the CLI, Playwright's runner
// and workers, a restarted worker): the path travels in $INFERCHECK_BUDGET_LEDGER, and each reservation is decided
// under a lock file after reading every line the other processes wrote. A reservation that was never settled (its
// process died) stays counted. The file is also the run's record of spend: reports read it (`readLedger`).
import { appendFileSync, closeSync, existsSync, openSync, readFileSync, readSync, unlinkSync, writeSync, fstatSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { INFERCHECK_VERSION } from './version.ts';
import { UsageError } from './target.ts';

export const BUDGET_LEDGER_ENV = 'INFERCHECK_BUDGET_LEDGER';
/** The ledger's name in a run folder: `<run>/spend.ndjson` under `infercheck run`, else `<stage>/spend.ndjson`. */
export const LEDGER_FILE = 'spend.ndjson';
export const LEDGER_SCHEMA = 'infercheck/billable-ledger@1';

/** How a reserved request ended. */
export type Settlement =
  | { readonly kind: 'billed'; readonly status: number }
  | { readonly kind: 'refused'; readonly status: number }
  | { readonly kind: 'not-sent'; readonly reason: string }
  | { readonly kind: 'unknown'; readonly reason: string };

/** Where a balance or a cost was read from (issue 10: the three must agree). */
export type ChargeSource = 'x-cost' | 'metrics.cost' | 'x-remaining-credits' | 'metrics.remaining_credits' | 'credits-endpoint';

export interface ReserveMeta {
  /** The spec's operationId, e.g. generateSync or submitAsync. */
  readonly operation: string;
  readonly model?: string;
  /** A contract case id or a load job index: what to look up when the spend is questioned. */
  readonly ref?: string;
}

export interface Reservation {
  readonly id: string;
  /** Records how the request ended; settling twice is a programming error and throws. */
  settle(settlement: Settlement): void;
}

export interface BudgetTotals {
  /** null: no limit (the embedded mock). */
  readonly max: number | null;
  readonly reserved: number;
  readonly inFlight: number;
  readonly billed: number;
  readonly refused: number;
  readonly notSent: number;
  readonly unknown: number;
  /** What counts against the budget now: in flight + billed + unknown. */
  readonly committed: number;
  /** Sum of the vendor's own per-request cost fields (x-cost / metrics.cost), in credits. */
  readonly credits: number;
  /** Billed requests for which the vendor reported a cost. */
  readonly costsReported: number;
  /** Balances as the vendor reported them, first and last seen, per source. */
  readonly balances: Readonly<Partial<Record<ChargeSource, { readonly first: number; readonly last: number; readonly count: number }>>>;
  /**
   * The lowest balance any source reported: answers to concurrent requests are recorded in the order they arrive,
   * not the order the vendor charged them, so `last` need not be the balance after the final charge.
   */
  readonly lowestBalance: number | null;
}

type LedgerLine =
  | { readonly op: 'open'; readonly schema: typeof LEDGER_SCHEMA; readonly max: number | null; readonly invocation: string; readonly at: number; readonly infercheckVersion?: string }
  | { readonly op: 'reserve'; readonly id: string; readonly pid: number; readonly at: number; readonly operation: string; readonly model?: string; readonly ref?: string }
  | { readonly op: 'settle'; readonly id: string; readonly at: number; readonly settlement: Settlement }
  | { readonly op: 'charge'; readonly at: number; readonly source: ChargeSource; readonly value: number; readonly ref?: string };

/** Error codes that mean the request never reached the vendor, so it cannot have been billed. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'UND_ERR_CONNECT_TIMEOUT']);

/** Classifies a transport error: refused connections were never sent; anything else may have reached the vendor. */
export function settlementForError(err: unknown): Settlement {
  let cursor: unknown = err;
  for (let depth = 0; cursor && depth < 5; depth++) {
    const code = (cursor as { code?: unknown }).code;
    if (typeof code === 'string' && NOT_SENT_CODES.has(code)) return { kind: 'not-sent', reason: code };
    cursor = (cursor as { cause?: unknown }).cause;
  }
  const reason = err instanceof Error ? `${err.name}: ${(err as { cause?: { code?: string } }).cause?.code ?? err.message}` : String(err);
  return { kind: 'unknown', reason };
}

/** The settlement an HTTP answer to a billable operation implies. */
export function settlementForStatus(status: number): Settlement {
  return status >= 200 && status < 300 ? { kind: 'billed', status } : { kind: 'refused', status };
}

class LedgerState {
  max: number | null = null;
  invocation = '';
  readonly open = new Map<string, true>();
  reserved = 0;
  billed = 0;
  refused = 0;
  notSent = 0;
  unknown = 0;
  credits = 0;
  costsReported = 0;
  balances: Partial<Record<ChargeSource, { first: number; last: number; count: number }>> = {};
  lowestBalance: number | null = null;

  apply(line: LedgerLine): void {
    switch (line.op) {
      case 'open':
        this.max = line.max;
        this.invocation = line.invocation;
        return;
      case 'reserve':
        this.reserved++;
        this.open.set(line.id, true);
        return;
      case 'settle':
        if (!this.open.delete(line.id)) return; // a settle without its reserve (a torn file): ignore, stay conservative
        if (line.settlement.kind === 'billed') this.billed++;
        else if (line.settlement.kind === 'refused') this.refused++;
        else if (line.settlement.kind === 'not-sent') this.notSent++;
        else this.unknown++;
        return;
      case 'charge': {
        if (line.source === 'x-cost' || line.source === 'metrics.cost') {
          this.credits += line.value;
          this.costsReported++;
          return;
        }
        this.lowestBalance = this.lowestBalance === null ? line.value : Math.min(this.lowestBalance, line.value);
        const seen = this.balances[line.source];
        this.balances[line.source] = seen ? { first: seen.first, last: line.value, count: seen.count + 1 } : { first: line.value, last: line.value, count: 1 };
        return;
      }
    }
  }

  get committed(): number {
    return this.open.size + this.billed + this.unknown;
  }

  totals(): BudgetTotals {
    return {
      max: this.max,
      reserved: this.reserved,
      inFlight: this.open.size,
      billed: this.billed,
      refused: this.refused,
      notSent: this.notSent,
      unknown: this.unknown,
      committed: this.committed,
      credits: Math.round(this.credits * 1e9) / 1e9,
      costsReported: this.costsReported,
      balances: structuredClone(this.balances),
      lowestBalance: this.lowestBalance,
    };
  }
}

function parseLines(text: string, onLine: (line: LedgerLine) => void): number {
  // Returns how many bytes were consumed: a last line without its newline is another process mid-write.
  let consumed = 0;
  for (;;) {
    const end = text.indexOf('\n', consumed);
    if (end < 0) return Buffer.byteLength(text.slice(0, consumed));
    const raw = text.slice(consumed, end);
    consumed = end + 1;
    if (raw.trim() === '') continue;
    onLine(JSON.parse(raw) as LedgerLine);
  }
}

const sleepBuffer = new Int32Array(new SharedArrayBuffer(4));
function sleepSync(ms: number): void {
  Atomics.wait(sleepBuffer, 0, 0, ms);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Holds `${path}.lock` for the duration of `fn`; breaks a lock whose owner process is gone. */
function withLock<T>(path: string, fn: () => T): T {
  const lockPath = `${path}.lock`;
  const deadline = Date.now() + 10_000;
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let owner = NaN;
      try {
        owner = Number(readFileSync(lockPath, 'utf8'));
      } catch {
        continue; // released between our open and our read
      }
      if (Number.isInteger(owner) && owner > 0 && !processAlive(owner)) {
        try {
          unlinkSync(lockPath);
        } catch {
          /* someone else broke it first */
        }
        continue;
      }
      if (Date.now() > deadline) throw new Error(`budget ledger ${path}: lock held by process ${owner} for more than 10 s`);
      sleepSync(Math.min(1 + attempt, 20));
    }
  }
  try {
    return fn();
  } finally {
    try {
      unlinkSync(lockPath);
    } catch {
      /* already gone */
    }
  }
}

export class BillableBudget {
  readonly #path: string | undefined;
  readonly #state = new LedgerState();
  /** The lines this instance wrote: its own share of a ledger other processes of the invocation share. */
  readonly #own = new LedgerState();
  #offset = 0;
  #seq = 0;

  private constructor(path: string | undefined, max: number | null) {
    this.#path = path;
    this.#state.max = max;
  }

  /** No file, no limit: the embedded mock, where nothing costs money but spend is still counted. */
  static unlimited(): BillableBudget {
    return new BillableBudget(undefined, null);
  }

  /** One process only (tests, the self-test vendor). */
  static inMemory(max: number): BillableBudget {
    checkMax(max);
    return new BillableBudget(undefined, Number.isFinite(max) ? max : null);
  }

  /** Starts the ledger of a new invocation at `path`; refuses a file that exists (a previous run's spend). */
  static create(path: string, max: number): BillableBudget {
    checkMax(max);
    const budget = new BillableBudget(path, Number.isFinite(max) ? max : null);
    const open: LedgerLine = { op: 'open', schema: LEDGER_SCHEMA, max: budget.#state.max, invocation: randomUUID(), at: Date.now(), infercheckVersion: INFERCHECK_VERSION };
    const fd = openSync(path, 'wx'); // EEXIST: the caller moved nothing aside, and we never overwrite spend
    try {
      writeSync(fd, `${JSON.stringify(open)}\n`);
    } finally {
      closeSync(fd);
    }
    budget.#catchUp();
    return budget;
  }

  /** Joins the ledger another process of this invocation created (a Playwright worker, a restarted worker). */
  static join(path: string): BillableBudget {
    // Bad input (exit 2), not a run dying: the path comes from the user or the environment they set.
    if (!existsSync(path)) throw new UsageError(`budget ledger ${path} does not exist (${BUDGET_LEDGER_ENV} names a ledger another infercheck process created)`);
    const budget = new BillableBudget(path, null);
    budget.#catchUp();
    if (budget.#state.invocation === '') throw new UsageError(`budget ledger ${path} has no header line: not a ledger infercheck wrote`);
    return budget;
  }

  /** The ledger named in the environment, if a parent process handed one down. */
  static fromEnv(env: NodeJS.ProcessEnv = process.env): BillableBudget | undefined {
    const path = env[BUDGET_LEDGER_ENV];
    return path ? BillableBudget.join(path) : undefined;
  }

  get path(): string | undefined {
    return this.#path;
  }

  /** null: no limit. */
  get max(): number | null {
    return this.#state.max;
  }

  /** What a child process needs to join this ledger. */
  env(): Record<string, string> {
    return this.#path ? { [BUDGET_LEDGER_ENV]: this.#path } : {};
  }

  /** Units still free now (Infinity without a limit). */
  remaining(): number {
    this.#catchUp();
    return this.#state.max === null ? Number.POSITIVE_INFINITY : Math.max(0, this.#state.max - this.#state.committed);
  }

  /** Takes one unit before a possibly billable request leaves; undefined when that would exceed the budget. */
  tryReserve(meta: ReserveMeta): Reservation | undefined {
    return this.tryReserveAll([meta])?.[0];
  }

  /**
   * Takes one unit per request of a piece of work that needs them all (a determinism pair, the money ledger), or
   * none: all or nothing under one lock, so two processes can never each hold half of what both need. Units a piece
   * of work did not use are settled `not-sent` and come back.
   */
  tryReserveAll(metas: readonly ReserveMeta[]): Reservation[] | undefined {
    const decide = (): Reservation[] | undefined => {
      this.#catchUp();
      if (this.#state.max !== null && this.#state.committed + metas.length > this.#state.max) return undefined;
      return metas.map((meta) => {
        const id = `${process.pid}-${++this.#seq}`;
        this.#append({ op: 'reserve', id, pid: process.pid, at: Date.now(), operation: meta.operation, ...(meta.model ? { model: meta.model } : {}), ...(meta.ref ? { ref: meta.ref } : {}) });
        return this.#reservation(id);
      });
    };
    return this.#path ? withLock(this.#path, decide) : decide();
  }

  /** Records a cost or a balance the vendor reported (x-cost, metrics.cost, x-remaining-credits, …). */
  recordCharge(source: ChargeSource, value: number, ref?: string): void {
    if (!Number.isFinite(value)) return;
    this.#append({ op: 'charge', at: Date.now(), source, value, ...(ref ? { ref } : {}) });
  }

  totals(): BudgetTotals {
    this.#catchUp();
    return this.#state.totals();
  }

  /**
   * What this instance alone reserved, settled and was charged (the invocation's cap as `max`): a stage's own spend
   * when it joined a ledger other stages or instances share. Equal to totals() for a ledger of its own.
   */
  ownTotals(): BudgetTotals {
    if (!this.#path) return this.#state.totals();
    return { ...this.#own.totals(), max: this.max };
  }

  #reservation(id: string): Reservation {
    let settled = false;
    return {
      id,
      settle: (settlement: Settlement) => {
        if (settled) throw new Error(`reservation ${id} settled twice`);
        settled = true;
        this.#append({ op: 'settle', id, at: Date.now(), settlement });
      },
    };
  }

  #append(line: LedgerLine): void {
    if (!this.#path) {
      this.#state.apply(line);
      return;
    }
    this.#own.apply(line);
    // One write of one line with O_APPEND: other processes see it whole or not at all (we re-read only whole lines).
    appendFileSync(this.#path, `${JSON.stringify(line)}\n`);
    this.#catchUp();
  }

  #catchUp(): void {
    if (!this.#path) return;
    const fd = openSync(this.#path, 'r');
    try {
      const size = fstatSync(fd).size;
      if (size <= this.#offset) return;
      const buffer = Buffer.alloc(size - this.#offset);
      readSync(fd, buffer, 0, buffer.length, this.#offset);
      this.#offset += parseLines(buffer.toString('utf8'), (line) => this.#state.apply(line));
    } finally {
      closeSync(fd);
    }
  }
}

function checkMax(max: number): void {
  if (!(max === Number.POSITIVE_INFINITY || (Number.isInteger(max) && max >= 0))) throw new Error(`a budget must be a whole number ≥ 0, got ${max}`);
}

/** Reads a finished (or interrupted) ledger: what reports show as the run's spend. */
export function readLedger(path: string): BudgetTotals {
  return BillableBudget.join(path).totals();
}
