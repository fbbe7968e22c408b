// Time is injected into the core. The HTTP shell uses the wall clock; tests and the discrete-event checks use a
// fake clock they advance by hand, so nothing waits on real time.

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export class FakeClock implements Clock {
  #now: number;
  constructor(startMs = Date.UTC(2026, 0, 1)) {
    this.#now = startMs;
  }
  now(): number {
    return this.#now;
  }
  advance(ms: number): void {
    if (!(ms >= 0)) throw new Error(`FakeClock: cannot advance by ${ms}`);
    this.#now += ms;
  }
  set(ms: number): void {
    if (ms < this.#now) throw new Error('FakeClock: time never goes backwards');
    this.#now = ms;
  }
}
