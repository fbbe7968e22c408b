// The load engine's memory is its live state plus the garbage V8 lets pile up between full collections. The live
// state is small: with 5,200 v2 jobs in flight a full collection leaves 46–49 MB of heap, against 18 MB for the idle
// engine (about 6 KB per job: its record so far, its timers, its status URL). But a run polls thousands of times a
// second, and every poll's objects that outlive two young-generation collections (the pause between polls, a request
// in flight) are promoted; at that allocation rate V8 lets the old space grow to about four times the live set before
// it collects it (Mark-Compact 190 → 43 MB), and the process's RSS follows: 330–340 MB peak for under 50 MB live.
//
// So, for the length of a run, the engine asks V8 to grow the heap by a fixed factor over the live set instead
// (`--heap-growing-percent`): full collections come more often, each as short as before (the live set is what they
// mark), and the peak follows the live set. 2 ×, not less: at saturation (50 jobs polling back to back, ~20,000
// polls/s) 1.5 × made 50 full collections where 2 × made 17 and V8's own 3 (850 / 266 / 30 ms of marking). The
// capacity bench measures both in the same run: peak RSS and CPU per poll with the engine's factor and with V8's own.
// A factor the user gave node on its command line (`node --heap-growing-percent=0 …/bin/infercheck.mjs load …` for
// V8's own; node refuses the flag in NODE_OPTIONS) is theirs: the engine leaves it alone. The flag is V8's and
// process-wide, so it is set when the first run of the process starts and put back to V8's default (0: its own
// heuristic) when the last one ends; run.json's `engine` line says which applied.
import { setFlagsFromString } from 'node:v8';

/** Old-space growth over the live set after a full collection: 2 ×. */
export const ENGINE_HEAP_GROWING_PERCENT = 100;

const USER_FLAG = /--heap[-_]growing[-_]percent(?:[= ](\d+))?/;

/** The heap growth the user gave node on its command line, if any. */
export function userHeapGrowingPercent(execArgv: readonly string[] = process.execArgv): number | undefined {
  const match = USER_FLAG.exec(execArgv.join(' '));
  return match ? Number(match[1] ?? 0) : undefined;
}

export interface HeapPolicy {
  /** the percent in force during the run; 0 = V8's own heuristic */
  readonly growingPercent: number;
  readonly source: 'engine' | 'node-flags';
}

let holders = 0;

/** How many runs of this process hold the engine's heap growth now (for the tests). */
export function heapPolicyHolders(): number {
  return holders;
}

/** Sets the engine's heap growth for one run (unless the user's flags set one); the returned function undoes it. */
export function holdHeapPolicy(execArgv: readonly string[] = process.execArgv): { readonly policy: HeapPolicy; readonly release: () => void } {
  const user = userHeapGrowingPercent(execArgv);
  if (user !== undefined) return { policy: { growingPercent: user, source: 'node-flags' }, release: () => undefined };
  if (holders++ === 0) setFlagsFromString(`--heap-growing-percent=${ENGINE_HEAP_GROWING_PERCENT}`);
  let released = false;
  return {
    policy: { growingPercent: ENGINE_HEAP_GROWING_PERCENT, source: 'engine' },
    release: () => {
      if (released) return;
      released = true;
      if (--holders === 0) setFlagsFromString('--heap-growing-percent=0');
    },
  };
}

/** How run.json's `engine` line names the policy. */
export function describeHeapPolicy(policy: HeapPolicy): string {
  if (policy.source === 'node-flags') return policy.growingPercent === 0 ? "V8's own heap growth (node flags)" : `heap growth ${1 + policy.growingPercent / 100}× (node flags)`;
  return `heap growth ${1 + policy.growingPercent / 100}×`;
}
