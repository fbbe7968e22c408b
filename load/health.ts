// Whether the target is still there. Every HTTP answer resets the watch; a run of transport failures (refused,
// dropped, timed out) that lasts `spanMs` with no answer in between means the vendor stopped answering: the run
// ends at once with one line naming it, instead of hammering a dead host or hanging on a frozen one.
import { nowMs, type HttpFailure } from './http.ts';

export interface Unreachable {
  /** Epoch ms of the first failure of the run of failures. */
  readonly sinceMs: number;
  readonly code: string;
}

export class TargetHealth {
  #since: number | null = null;
  #code = '';
  #fired = false;

  constructor(
    private readonly spanMs: number,
    private readonly onUnreachable: (u: Unreachable) => void,
  ) {}

  answered(): void {
    this.#since = null;
  }

  failed(result: HttpFailure): void {
    if (result.failure === 'aborted' || result.failure === 'other') return;
    if (this.#since === null) {
      this.#since = result.sentMs;
      this.#code = result.code;
    }
    if (!this.#fired && nowMs() - this.#since >= this.spanMs) {
      this.#fired = true;
      this.onUnreachable({ sinceMs: this.#since, code: this.#code });
    }
  }
}

/** `target unreachable since 2026-11-21T10:00:00.000Z: ECONNREFUSED` — the one line the run ends with. */
export function unreachableLine(u: Unreachable): string {
  return `target unreachable since ${new Date(u.sinceMs).toISOString()}: ${u.code}`;
}
