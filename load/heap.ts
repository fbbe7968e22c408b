// The load engine's memory is its live state plus the garbage V8 lets pile up between full collections. The live
// state is small: with 5,200 v2 jobs in flight a full collection leaves 46–49 MB of heap, against 18 MB for the idle
// engine (about 6 KB per job: its record so far, its timers, its status URL). But a run polls thousands of times a
// second, and every poll's objects that outlive two young-generation collections (the pause between polls, a request
// in flight) are promoted; at that allocation rate V8 lets the old space grow to about four times the live set before
// it collects it (Mark-Compact 190 → 43 MB), and the process's RSS follows: 330–340 MB peak for under 50 MB live.
//
// So once a run's heap passes ENGAGE_AT_MB, the engine asks V8 to grow it by a fixed factor over the live set instead
// (`--heap-growing-percent`) for the rest of the run, starting with one full collection (engage()): full collections come more often, each as short as before (the
// live set is what they mark), and the peak follows the live set. Below that, V8's own heuristic stays: there is no
// memory to save, and a fixed factor from the start costs what matters more there — at 100 arrivals/s its extra full
// collections bunched the submits the vendor saw (inter-arrival CV at the server 1.12–1.14 vs V8's own 1.06, the
// same seed; bench/load-schedule-fidelity.bench.ts). 2 ×, not less: at saturation (50 jobs polling back to back,
// ~20,000 polls/s) 1.5 × made 50 full collections where 2 × made 17 and V8's own 3 (850 / 266 / 30 ms of marking).
// The capacity bench measures peak RSS and CPU per poll both ways in the same run.
//
// A factor the user gave node on its command line (`node --heap-growing-percent=0 …/bin/infercheck.mjs load …` for
// V8's own; node refuses the flag in NODE_OPTIONS) is theirs: the engine leaves it alone. The flag is V8's and
// process-wide: one watch serves every run of the process, and V8's default (0: its own heuristic) is put back when
// the last one ends. run.json's `engine` line says which applied, and when.
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Old-space growth over the live set after a full collection: 2 ×, … */
export const ENGINE_HEAP_GROWING_PERCENT = 100;
/** … once the heap (V8's total, as the watch reads it) has passed this. */
export const ENGAGE_AT_MB = 128;
/** How often the watch reads the heap's size. */
const WATCH_MS = 250;

const USER_FLAG = /--heap[-_]growing[-_]percent(?:[= ](\d+))?/;

/** The heap growth the user gave node on its command line, if any. */
export function userHeapGrowingPercent(execArgv: readonly string[] = process.execArgv): number | undefined {
  const match = USER_FLAG.exec(execArgv.join(' '));
  return match ? Number(match[1] ?? 0) : undefined;
}

export interface HeapPolicy {
  readonly source: 'engine' | 'node-flags';
  /** the user's percent (node-flags) or the engine's, once engaged; 0 = V8's own heuristic */
  readonly growingPercent: number;
  /** engine: ms after the hold began that the heap passed ENGAGE_AT_MB (absent: it never did) */
  readonly engagedAfterMs?: number;
}

export interface HeapHold {
  /** The policy as it stands now (the watch may engage it during the run). */
  policy(): HeapPolicy;
  release(): void;
}

let holders = 0;
let watch: NodeJS.Timeout | undefined;
let engagedAt: number | undefined;

/** How many runs of this process hold the engine's heap policy now, and whether it is engaged (for the tests). */
export function heapPolicyState(): { readonly holders: number; readonly engaged: boolean } {
  return { holders, engaged: engagedAt !== undefined };
}

/**
 * V8 applies a growth factor when it computes the next limit, after a full collection: the limit it set at the last
 * one (up to ~4 × the live set) would still stand. So engaging collects once, at once — one pause of the order of a
 * normal full collection (10–20 ms at these sizes), once per run that gets this big — and the new factor holds from
 * there. `gc` is reached the documented way for a process started without --expose-gc: the flag, then a new context.
 */
function collectNow(): void {
  setFlagsFromString('--expose-gc');
  try {
    (runInNewContext('gc') as () => void)();
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
}

function engage(): void {
  if (engagedAt !== undefined) return;
  engagedAt = performance.now();
  setFlagsFromString(`--heap-growing-percent=${ENGINE_HEAP_GROWING_PERCENT}`);
  collectNow();
  clearInterval(watch);
  watch = undefined;
}

/** Holds the engine's heap policy for one run (unless the user's flags set one); `release()` undoes it. */
export function holdHeapPolicy(execArgv: readonly string[] = process.execArgv, engageAtMb = ENGAGE_AT_MB): HeapHold {
  const user = userHeapGrowingPercent(execArgv);
  if (user !== undefined) return { policy: () => ({ source: 'node-flags', growingPercent: user }), release: () => undefined };
  const heldAt = performance.now();
  if (holders++ === 0) {
    const check = (): void => {
      if (getHeapStatistics().total_heap_size > engageAtMb * 1024 * 1024) engage();
    };
    watch = setInterval(check, WATCH_MS);
    watch.unref();
    check();
  }
  let released = false;
  return {
    policy: () => (engagedAt === undefined ? { source: 'engine', growingPercent: 0 } : { source: 'engine', growingPercent: ENGINE_HEAP_GROWING_PERCENT, engagedAfterMs: Math.max(0, engagedAt - heldAt) }),
    release: () => {
      if (released) return;
      released = true;
      if (--holders > 0) return;
      clearInterval(watch);
      watch = undefined;
      if (engagedAt !== undefined) setFlagsFromString('--heap-growing-percent=0');
      engagedAt = undefined;
    },
  };
}

/** How run.json's `engine` line names the policy. */
export function describeHeapPolicy(policy: HeapPolicy): string {
  if (policy.source === 'node-flags') return policy.growingPercent === 0 ? "V8's own heap growth (node flags)" : `heap growth ${1 + policy.growingPercent / 100}× (node flags)`;
  const rule = `heap growth ${1 + ENGINE_HEAP_GROWING_PERCENT / 100}× past ${ENGAGE_AT_MB} MB`;
  return policy.engagedAfterMs === undefined ? `${rule}: not reached` : `${rule}: from ${(policy.engagedAfterMs / 1000).toFixed(1)} s`;
}
