import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BillableBudget, readLedger, settlementForError, settlementForStatus } from './billable-budget.ts';

function tempLedger(): { path: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'infercheck-budget-'));
  return { path: join(dir, 'spend.ndjson'), done: () => rmSync(dir, { recursive: true, force: true }) };
}

test('a reservation is refused once in-flight + billed + unknown would pass the cap; refused and not-sent units come back', () => {
  const budget = BillableBudget.inMemory(3);
  const a = budget.tryReserve({ operation: 'submitAsync' })!;
  const b = budget.tryReserve({ operation: 'submitAsync' })!;
  const c = budget.tryReserve({ operation: 'generateSync' })!;
  assert.equal(budget.tryReserve({ operation: 'generateSync' }), undefined, 'three in flight fill a budget of 3');
  a.settle(settlementForStatus(400)); // refused: the unit comes back
  b.settle({ kind: 'not-sent', reason: 'ECONNREFUSED' });
  c.settle({ kind: 'unknown', reason: 'timeout' }); // may have been billed: stays spent
  const d = budget.tryReserve({ operation: 'submitAsync' })!;
  d.settle(settlementForStatus(200));
  const e = budget.tryReserve({ operation: 'submitAsync' })!;
  assert.equal(budget.tryReserve({ operation: 'submitAsync' }), undefined);
  e.settle(settlementForStatus(200));
  const t = budget.totals();
  assert.deepEqual([t.billed, t.refused, t.notSent, t.unknown, t.inFlight, t.committed], [2, 1, 1, 1, 0, 3]);
  assert.throws(() => e.settle(settlementForStatus(200)), /settled twice/);
});

test('a budget of 0 refuses the first reservation; unlimited never does', () => {
  assert.equal(BillableBudget.inMemory(0).tryReserve({ operation: 'submitAsync' }), undefined);
  const free = BillableBudget.unlimited();
  for (let i = 0; i < 1000; i++) free.tryReserve({ operation: 'submitAsync' })!.settle(settlementForStatus(200));
  assert.equal(free.totals().billed, 1000);
  assert.equal(free.totals().max, null);
});

test('costs and balances are summed and tracked per source', () => {
  const budget = BillableBudget.inMemory(5);
  budget.recordCharge('x-remaining-credits', 10);
  budget.recordCharge('x-cost', 0.25);
  budget.recordCharge('metrics.cost', 0.5);
  budget.recordCharge('x-remaining-credits', 9.25);
  const t = budget.totals();
  assert.equal(t.credits, 0.75);
  assert.equal(t.costsReported, 2);
  assert.deepEqual(t.balances['x-remaining-credits'], { first: 10, last: 9.25, count: 2 });
});

test('transport errors: a refused connection was never sent, a reset or timeout may have been', () => {
  const refused = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
  assert.equal(settlementForError(refused).kind, 'not-sent');
  const reset = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) });
  assert.equal(settlementForError(reset).kind, 'unknown');
  assert.equal(settlementForError(new DOMException('timed out', 'TimeoutError')).kind, 'unknown');
});

test('create refuses an existing ledger, join sees what another writer wrote', () => {
  const { path, done } = tempLedger();
  try {
    const first = BillableBudget.create(path, 2);
    assert.throws(() => BillableBudget.create(path, 2), /EEXIST/);
    first.tryReserve({ operation: 'submitAsync', ref: 'case-a' })!.settle(settlementForStatus(200));
    const second = BillableBudget.join(path);
    assert.equal(second.max, 2);
    assert.equal(second.remaining(), 1);
    const held = second.tryReserve({ operation: 'submitAsync' })!;
    assert.equal(first.tryReserve({ operation: 'submitAsync' }), undefined, 'the other process holds the last unit');
    held.settle(settlementForStatus(422));
    assert.ok(first.tryReserve({ operation: 'submitAsync' }));
    assert.equal(readLedger(path).reserved, 3);
  } finally {
    done();
  }
});

// A child that reserves as fast as it can, settles each as billed unless told to die holding its reservations.
const CHILD = `
import { BillableBudget, settlementForStatus } from ${JSON.stringify(new URL('./billable-budget.ts', import.meta.url).href)};
const budget = BillableBudget.fromEnv();
const mode = process.argv.at(-1);
let got = 0;
for (let i = 0; i < 200; i++) {
  const r = budget.tryReserve({ operation: 'submitAsync', ref: String(i) });
  if (!r) continue;
  got++;
  if (mode === 'crash') process.exit(7); // dies holding a reservation: it must stay counted
  r.settle(settlementForStatus(i % 3 === 0 ? 400 : 200));
}
process.stdout.write(String(got));
`;

function runChild(path: string, mode: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD, mode], { env: { ...process.env, INFERCHECK_BUDGET_LEDGER: path }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, out }));
  });
}

test('four processes racing for one budget never commit more than the cap; a crashed holder stays counted', { timeout: 60_000 }, async () => {
  const { path, done } = tempLedger();
  try {
    BillableBudget.create(path, 25);
    const crashed = await runChild(path, 'crash');
    assert.equal(crashed.code, 7);
    const results = await Promise.all([1, 2, 3, 4].map(() => runChild(path, 'spend')));
    const totals = readLedger(path);
    assert.equal(totals.inFlight, 1, 'the crashed process never settled its reservation');
    assert.equal(totals.committed, 25, 'every unit was used, none twice');
    assert.ok(totals.billed <= 24);
    const lines = readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    // replay the file in order: at no point did in-flight + billed + unknown pass the cap
    const open = new Set<string>();
    let billed = 0;
    for (const line of lines) {
      if (line.op === 'reserve') open.add(line.id);
      if (line.op === 'settle') {
        open.delete(line.id);
        if (line.settlement.kind === 'billed') billed++;
      }
      assert.ok(open.size + billed <= 25, `over the cap after ${JSON.stringify(line)}`);
    }
    assert.ok(results.every((r) => r.code === 0));
  } finally {
    done();
  }
});

test('tryReserveAll takes every unit or none, and unused units settled not-sent come back', () => {
  const budget = BillableBudget.inMemory(3);
  const held = budget.tryReserve({ operation: 'submitAsync' })!;
  assert.equal(budget.tryReserveAll([{ operation: 'generateSync' }, { operation: 'generateSync' }, { operation: 'generateSync' }]), undefined, 'three do not fit beside one in flight');
  assert.equal(budget.totals().reserved, 1, 'a refused batch reserves nothing');
  const pair = budget.tryReserveAll([{ operation: 'generateSync', ref: 'pair' }, { operation: 'generateSync', ref: 'pair' }])!;
  assert.equal(pair.length, 2);
  assert.equal(budget.remaining(), 0);
  pair[0]!.settle(settlementForStatus(200));
  pair[1]!.settle({ kind: 'not-sent', reason: 'unused' });
  held.settle(settlementForStatus(400));
  assert.equal(budget.remaining(), 2);
});

test('the lowest balance is kept across sources, whatever order the answers arrive in', () => {
  const budget = BillableBudget.inMemory(5);
  assert.equal(budget.totals().lowestBalance, null);
  budget.recordCharge('metrics.remaining_credits', 9.9);
  budget.recordCharge('x-remaining-credits', 9.8);
  budget.recordCharge('metrics.remaining_credits', 9.85); // an earlier job's result read late
  budget.recordCharge('x-cost', 0.1);
  assert.equal(budget.totals().lowestBalance, 9.8);
});

test('a stage that joined a shared ledger knows its own share: ownTotals counts only what it wrote', () => {
  const { path, done } = tempLedger();
  try {
    const run = BillableBudget.create(path, 10); // `infercheck run`'s ledger, handed to both stages
    const contracts = BillableBudget.join(path);
    const load = BillableBudget.join(path);
    for (let i = 0; i < 3; i++) contracts.tryReserve({ operation: 'generateSync' })!.settle(settlementForStatus(200));
    contracts.recordCharge('x-cost', 0.002);
    load.tryReserve({ operation: 'submitAsync' })!.settle(settlementForStatus(200));
    load.tryReserve({ operation: 'submitAsync' })!.settle({ kind: 'unknown', reason: 'timeout' });
    load.recordCharge('metrics.cost', 0.004);
    const own = load.ownTotals();
    assert.deepEqual([own.reserved, own.billed, own.unknown, own.credits, own.costsReported, own.max], [2, 1, 1, 0.004, 1, 10]);
    assert.deepEqual([contracts.ownTotals().billed, contracts.ownTotals().credits], [3, 0.002]);
    assert.deepEqual([load.totals().reserved, load.totals().credits], [5, 0.006], 'the whole ledger still counts both');
    assert.equal(run.ownTotals().reserved, 0, 'the creator sent nothing itself');
    assert.equal(BillableBudget.inMemory(5).ownTotals().max, 5);
  } finally {
    done();
  }
});

test('joining a ledger that is not there, or is not a ledger, is bad input (a UsageError: exit 2), not a run dying', () => {
  const dir = mkdtempSync(join(tmpdir(), 'infercheck-ledger-join-'));
  try {
    assert.throws(() => BillableBudget.join(join(dir, 'missing.ndjson')), (err: Error) => err.name === 'UsageError' && /does not exist \(INFERCHECK_BUDGET_LEDGER/.test(err.message));
    const empty = join(dir, 'empty.ndjson');
    writeFileSync(empty, '');
    assert.throws(() => BillableBudget.join(empty), (err: Error) => err.name === 'UsageError' && /no header line/.test(err.message));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
