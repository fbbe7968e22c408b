// The engine's heap growth (load/heap.ts): the user's node flags win, a run holds it and gives it back, and it does
// what it is for — the same churn of promoted garbage peaks well lower with it held than under V8's own heuristic.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { describeHeapPolicy, growingPercentFor, heapPolicyState, holdHeapPolicy, userHeapGrowingPercent } from './heap.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

describe('heap growth: whose it is, and when', () => {
  test("node's command line names one, in either spelling", () => {
    assert.equal(userHeapGrowingPercent([]), undefined);
    assert.equal(userHeapGrowingPercent(['--import', 'tsx', '--max-old-space-size=4096']), undefined);
    assert.equal(userHeapGrowingPercent(['--heap-growing-percent=0']), 0);
    assert.equal(userHeapGrowingPercent(['--enable-source-maps', '--heap_growing_percent=80']), 80);
  });

  test('the budget: max(2 × live, 128 MB), as a growth percent; V8\'s own when that allows its most (4 ×)', () => {
    const MB = 1024 * 1024;
    assert.equal(growingPercentFor(10 * MB), 0);
    assert.equal(growingPercentFor(32 * MB), 0);
    assert.equal(growingPercentFor(40 * MB), 220);
    assert.equal(growingPercentFor(64 * MB), 100);
    assert.equal(growingPercentFor(500 * MB), 100);
  });

  test('runs share one hold; the last release puts V8\'s own back', () => {
    const a = holdHeapPolicy([]);
    const b = holdHeapPolicy([]);
    assert.equal(heapPolicyState().holders, 2);
    assert.deepEqual(a.policy(), { source: 'engine' });
    assert.equal(describeHeapPolicy(a.policy()), "heap ≤ max(2 × live, 128 MB): V8's own growth throughout");
    assert.equal(describeHeapPolicy({ source: 'engine', growingPercent: 167 }), 'heap ≤ max(2 × live, 128 MB): growth down to 2.67 ×');
    a.release();
    a.release(); // once per hold
    assert.equal(heapPolicyState().holders, 1);
    b.release();
    assert.deepEqual(heapPolicyState(), { holders: 0, percent: 0 });
  });

  test("the user's flag is left alone, and run.json says so", () => {
    const held = holdHeapPolicy(['--heap-growing-percent=0']);
    assert.deepEqual(held.policy(), { source: 'node-flags', growingPercent: 0 });
    assert.deepEqual(heapPolicyState(), { holders: 0, percent: 0 });
    held.release();
    assert.equal(describeHeapPolicy(held.policy()), "V8's own heap growth (node flags)");
    assert.equal(describeHeapPolicy({ source: 'node-flags', growingPercent: 100 }), 'heap growth 2× (node flags)');
  });
});

// A live set of ~50 MB, and garbage that outlives two young-generation collections (what a poll's pause and request
// leave behind at thousands of polls per second): held in a ring of 64 slots, each slot replaced by a fresh batch.
const CHURN = `
const { holdHeapPolicy } = await import('./load/heap.ts');
const held = process.argv.includes('held') ? holdHeapPolicy([]) : undefined;
const live = Array.from({ length: 400_000 }, (_, i) => ({ i, s: 'live-' + i, a: [i, i + 1] }));
const ring = new Array(64);
let peak = 0;
for (let round = 0; round < 3_000; round++) {
  ring[round % 64] = Array.from({ length: 1_000 }, (_, i) => ({ round, i, s: 'poll-' + round + '-' + i, a: [round, i] }));
  if (round % 25 === 0) {
    peak = Math.max(peak, process.memoryUsage().heapTotal);
    await new Promise((resolve) => setImmediate(resolve)); // the event loop turns, as in a run: GC entries reach the observer
  }
}
const tightest = held?.policy().growingPercent;
held?.release();
console.log(JSON.stringify({ peakMb: peak / 1048576, live: live.length, tightest }));
`;

function churnPeakMb(mode: 'held' | 'default'): number {
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHURN, mode], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return (JSON.parse(run.stdout.trim()) as { peakMb: number }).peakMb;
}

test('held, the same churn of promoted garbage peaks well below V8\'s own heuristic', () => {
  const held = churnPeakMb('held');
  const own = churnPeakMb('default');
  assert.ok(held < own * 0.8, `peak heap ${held.toFixed(0)} MB held vs ${own.toFixed(0)} MB under V8's own growth`);
});
