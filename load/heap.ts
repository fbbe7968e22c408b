// The load engine's memory is its live state plus the garbage V8 lets pile up between full collections. The live
// state is small: with 5,200 v2 jobs in flight a full collection leaves 46–49 MB of heap, against 18 MB for the idle
// engine (about 6 KB per job: its record so far, its timers, its status URL). But a run polls thousands of times a
// second, and every poll's objects that outlive two young-generation collections (the pause between polls, a request
// in flight) are promoted; at that allocation rate V8 lets the old space grow to about four times the live set before
// it collects it (Mark-Compact 190 → 43 MB), and the process's RSS follows: 330–340 MB peak for under 50 MB live.
//
// So during a run the old space may grow to max(2 × the live set, 128 MB) and no further: after every full collection
// the live set is read (a PerformanceObserver on major GCs) and V8's growth factor (`--heap-growing-percent`) set to
// what that allows, at most V8's own 4 ×. A run whose live set stays under 32 MB keeps V8's own heuristic untouched.
// Why not a fixed factor: 1.5 × from the start cost 20–40 % CPU per poll at saturation (50 full collections where V8's
// own made 3, ~20,000 polls/s), and 2 × from the start makes small runs collect more too, for no memory to save (at
// 100 arrivals/s the vendor's inter-arrival CV read 1.12–1.14 under it vs 1.06 under V8's own, the same seed — but later
// rounds of that seed under V8's own read 1.06–1.23, so that difference is within this machine's noise). V8 sets each limit when a collection ends, before the observer runs, so a factor applies from the
// collection after the one that measured it: one cycle late, and the live set moves slowly.
//
// A factor the user gave node on its command line (`node --heap-growing-percent=0 …/bin/infercheck.mjs load …` for
// V8's own; node refuses the flag in NODE_OPTIONS) is theirs: the engine leaves it alone. The flag is V8's and
// process-wide: one observer serves every run of the process, and V8's default (0: its own heuristic) is put back
// when the last one ends. run.json's `engine` line says the rule and the tightest factor it applied.
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';

/** The old space may grow to this many times the live set… */
export const LIVE_FACTOR = 2;
/** …or to this many MB, whichever is more. */
export const FLOOR_MB = 128;
/** V8's own largest factor: a budget that allows as much leaves V8's heuristic alone. */
const V8_MAX_FACTOR = 4;

const USER_FLAG = /--heap[-_]growing[-_]percent(?:[= ](\d+))?/;

/** The heap growth the user gave node on its command line, if any. */
export function userHeapGrowingPercent(execArgv: readonly string[] = process.execArgv): number | undefined {
  const match = USER_FLAG.exec(execArgv.join(' '));
  return match ? Number(match[1] ?? 0) : undefined;
}

/** The growth percent the budget allows over a live set of `liveBytes`; 0 (V8's own) when it allows V8's most. */
export function growingPercentFor(liveBytes: number): number {
  const ratio = Math.max(LIVE_FACTOR * liveBytes, FLOOR_MB * 1024 * 1024) / Math.max(1, liveBytes);
  return ratio >= V8_MAX_FACTOR ? 0 : Math.round((ratio - 1) * 100);
}

export interface HeapPolicy {
  readonly source: 'engine' | 'node-flags';
  /** node-flags: the user's percent (0 = V8's own). engine: the tightest percent it set (absent: it never had to) */
  readonly growingPercent?: number;
}

export interface HeapHold {
  /** The policy as it stands now. */
  policy(): HeapPolicy;
  release(): void;
}

let holders = 0;
let observer: PerformanceObserver | undefined;
let current = 0;
let tightest: number | undefined;

/** How many runs of this process hold the engine's heap policy now, and the percent in force (for the tests). */
export function heapPolicyState(): { readonly holders: number; readonly percent: number } {
  return { holders, percent: current };
}

function setPercent(percent: number): void {
  if (percent === current) return;
  setFlagsFromString(`--heap-growing-percent=${percent}`);
  current = percent;
  if (percent > 0) tightest = tightest === undefined ? percent : Math.min(tightest, percent);
}

/** After a full collection: the live set is what the heap holds now (give or take what was allocated since). */
function retune(): void {
  setPercent(growingPercentFor(getHeapStatistics().used_heap_size));
}

/** Holds the engine's heap policy for one run (unless the user's flags set one); `release()` undoes it. */
export function holdHeapPolicy(execArgv: readonly string[] = process.execArgv): HeapHold {
  const user = userHeapGrowingPercent(execArgv);
  if (user !== undefined) return { policy: () => ({ source: 'node-flags', growingPercent: user }), release: () => undefined };
  if (holders++ === 0) {
    tightest = undefined;
    observer = new PerformanceObserver((list) => {
      if (list.getEntries().some((e) => (e as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR)) retune();
    });
    // from V8's own until the first full collection measures the live set (the heap may hold garbage now)
    observer.observe({ entryTypes: ['gc'] });
  }
  let released = false;
  return {
    policy: () => (tightest === undefined ? { source: 'engine' } : { source: 'engine', growingPercent: tightest }),
    release: () => {
      if (released) return;
      released = true;
      if (--holders > 0) return;
      observer?.disconnect();
      observer = undefined;
      setPercent(0);
    },
  };
}

/** How run.json's `engine` line names the policy. */
export function describeHeapPolicy(policy: HeapPolicy): string {
  if (policy.source === 'node-flags') return policy.growingPercent === 0 ? "V8's own heap growth (node flags)" : `heap growth ${1 + policy.growingPercent! / 100}× (node flags)`;
  const rule = `heap ≤ max(${LIVE_FACTOR} × live, ${FLOOR_MB} MB)`;
  return policy.growingPercent === undefined ? `${rule}: V8's own growth throughout` : `${rule}: growth down to ${(1 + policy.growingPercent / 100).toFixed(2)} ×`;
}
