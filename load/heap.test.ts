// The engine's heap growth (load/heap.ts): the user's node flags win, a run holds it and gives it back, and it does
// what it is for — the same churn of promoted garbage peaks well lower with it held than under V8's own heuristic.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { describeHeapPolicy, ENGINE_HEAP_GROWING_PERCENT, heapPolicyHolders, holdHeapPolicy, userHeapGrowingPercent } from './heap.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

describe('heap growth: whose it is', () => {
  test("node's command line names one, in either spelling", () => {
    assert.equal(userHeapGrowingPercent([]), undefined);
    assert.equal(userHeapGrowingPercent(['--import', 'tsx', '--max-old-space-size=4096']), undefined);
    assert.equal(userHeapGrowingPercent(['--heap-growing-percent=0']), 0);
    assert.equal(userHeapGrowingPercent(['--enable-source-maps', '--heap_growing_percent=80']), 80);
  });

  test('a run holds the engine\'s; nested runs share it; release is once per hold', () => {
    const before = heapPolicyHolders();
    const a = holdHeapPolicy([]);
    const b = holdHeapPolicy([]);
    assert.deepEqual(a.policy, { growingPercent: ENGINE_HEAP_GROWING_PERCENT, source: 'engine' });
    assert.equal(heapPolicyHolders(), before + 2);
    a.release();
    a.release();
    assert.equal(heapPolicyHolders(), before + 1);
    b.release();
    assert.equal(heapPolicyHolders(), before);
    assert.equal(describeHeapPolicy(a.policy), 'heap growth 2×');
  });

  test('the user\'s flag is left alone, and run.json says so', () => {
    const before = heapPolicyHolders();
    const held = holdHeapPolicy(['--heap-growing-percent=0']);
    assert.deepEqual(held.policy, { growingPercent: 0, source: 'node-flags' });
    assert.equal(heapPolicyHolders(), before);
    held.release();
    assert.equal(describeHeapPolicy(held.policy), "V8's own heap growth (node flags)");
    assert.equal(describeHeapPolicy({ growingPercent: 100, source: 'node-flags' }), 'heap growth 2× (node flags)');
  });
});

// A live set of ~40 MB, and garbage that outlives two young-generation collections (what a poll's pause and request
// leave behind at thousands of polls per second): held in a ring of 64 slots, each slot replaced by a fresh batch.
const CHURN = `
const { holdHeapPolicy } = await import('./load/heap.ts');
const held = process.argv.includes('held') ? holdHeapPolicy([]) : undefined;
const live = Array.from({ length: 400_000 }, (_, i) => ({ i, s: 'live-' + i, a: [i, i + 1] }));
const ring = new Array(64);
let peak = 0;
for (let round = 0; round < 3_000; round++) {
  ring[round % 64] = Array.from({ length: 1_000 }, (_, i) => ({ round, i, s: 'poll-' + round + '-' + i, a: [round, i] }));
  if (round % 25 === 0) peak = Math.max(peak, process.memoryUsage().heapTotal);
}
held?.release();
console.log(JSON.stringify({ peakMb: peak / 1048576, live: live.length }));
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
