// Spend shown once and right (issue 10's ledger on issue 13's report): under `infercheck run` both stages share one
// ledger, <run>/spend.ndjson; a stage run on its own keeps <stage>/spend.ndjson. The report reads whichever holds each
// stage's requests, each file once — never the run's and a stage's for the same requests — and shows it, with the
// contract run's balance reconciliation, in the same words in the console, the HTML and the Markdown.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BillableBudget, settlementForStatus } from '../core/billable-budget.ts';
import type { ContractOutcomes, ContractSpend } from '../core/result-files.ts';
import { generateRun, SMOKE_FIXTURE } from './fixtures/generate-run.ts';
import { formatCredits } from './render/format.ts';
import type { Results } from './results-types.ts';

const BIN = fileURLToPath(new URL('../bin/infercheck.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'infercheck-spend-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A ledger holding `billed` billed and `refused` refused requests, each billed one charged `cost`. */
function ledger(path: string, billed: number, refused: number, cost: number, max = Number.POSITIVE_INFINITY): void {
  const budget = BillableBudget.create(path, max);
  for (let i = 0; i < billed + refused; i++) {
    budget.tryReserve({ operation: 'generateSync' })!.settle(settlementForStatus(i < billed ? 200 : 400));
    if (i < billed) budget.recordCharge('x-cost', cost);
  }
}

const CONTRACT_SPEND: ContractSpend = {
  ledger: null,
  maxBillable: 10,
  planned: { expected: 8, worstCase: 10 },
  requests: { reserved: 8, billed: 6, refused: 2, notSent: 0, unknown: 0 },
  creditsReported: 0.012,
  costsReported: 6,
  balance: { before: 10, after: 9.988, lowestReported: 9.988 },
  agreement: { verdict: 'agree', detail: 'the balance fell by 0.012000, what the cost fields name' },
};
const RECONCILIATION = 'contracts: 6 billable requests (6 billed 2xx; 2 refused and 0 never sent, given back) of 8 planned, at most 10 possible, cap 10; 0.012000 credits per the cost fields; balance 10.000000 → 9.988000 — agree: the balance fell by 0.012000, what the cost fields name';

/** A run folder with both stages; returns how many load jobs it holds. */
function run(name: string): { path: string; jobs: number } {
  const path = join(dir, name);
  generateRun(path, { ...SMOKE_FIXTURE, stageDurationS: 30 });
  const outcomes = join(path, 'contracts', 'outcomes.json');
  writeFileSync(outcomes, JSON.stringify({ ...(JSON.parse(readFileSync(outcomes, 'utf8')) as ContractOutcomes), spend: CONTRACT_SPEND }));
  return { path, jobs: readFileSync(join(path, 'load', 'jobs.ndjson'), 'utf8').trim().split('\n').length };
}

function report(path: string): { console: string; markdown: string; html: string; results: Results } {
  const out = spawnSync(process.execPath, [BIN, 'report', '--in', path], { encoding: 'utf8' });
  assert.equal(out.status, 1, `the smoke fixture's failed contract checks are exit 1: ${out.stderr}`);
  return {
    console: out.stdout,
    markdown: readFileSync(join(path, 'summary.md'), 'utf8'),
    html: readFileSync(join(path, 'index.html'), 'utf8'),
    results: JSON.parse(readFileSync(join(path, 'results.json'), 'utf8')) as Results,
  };
}

function everywhere(outputs: ReturnType<typeof report>, line: string, times = 1): void {
  for (const name of ['console', 'markdown', 'html'] as const) {
    assert.equal(outputs[name].split(line).length - 1, times, `${name}: ${JSON.stringify(line)}\n${outputs[name].slice(0, 4000)}`);
  }
}

test('under `infercheck run`: the one ledger both stages shared, read once, with the contracts’ reconciliation', () => {
  const { path, jobs } = run('run-layout');
  ledger(join(path, 'spend.ndjson'), 6 + jobs, 2, 0.002); // contracts' 8 (6 billed) and the load's jobs, one file
  const out = report(path);
  everywhere(out, `run ledger spend.ndjson (contracts and load): ${6 + jobs + 2} billable requests sent, ${6 + jobs} billed, 0 unknown, 2 refused; ${formatCredits(Math.round(0.002 * (6 + jobs) * 1e9) / 1e9)} credits reported by the vendor`);
  everywhere(out, RECONCILIATION);
  for (const text of [out.console, out.markdown, out.html]) assert.doesNotMatch(text, /all ledgers|contracts ledger|load ledger/);
  assert.deepEqual(out.results.spend!.ledgers.map((l) => [l.source, l.stages]), [['spend.ndjson', ['contracts', 'load']]]);
  assert.equal(out.results.spend!.total.sent, 8 + jobs);
});

test('stages run on their own: each stage’s ledger once, and their sum', () => {
  const { path, jobs } = run('stage-layout');
  ledger(join(path, 'contracts', 'spend.ndjson'), 6, 2, 0.002, 10);
  ledger(join(path, 'load', 'spend.ndjson'), jobs, 0, 0.0019, jobs);
  const out = report(path);
  everywhere(out, 'contracts ledger contracts/spend.ndjson: 8 billable requests sent, 6 billed, 0 unknown, 2 refused; 0.012 credits reported by the vendor (budget 10)');
  everywhere(out, `load ledger load/spend.ndjson: ${jobs} billable requests sent, ${jobs} billed, 0 unknown, 0 refused`);
  everywhere(out, `all ledgers: ${8 + jobs} billable requests sent, ${6 + jobs} billed, 0 unknown, 2 refused`);
  everywhere(out, RECONCILIATION);
  assert.equal(out.results.spend!.total.sent, 8 + jobs);

  // a run ledger no stage here joined (an earlier `infercheck run`, its stages since re-run on their own) is not counted
  const stale = join(dir, 'stale-run-ledger');
  cpSync(path, stale, { recursive: true });
  ledger(join(stale, 'spend.ndjson'), 500, 0, 0.002);
  const again = report(stale);
  assert.doesNotMatch(again.console, /run ledger|500 billable/);
  assert.equal(again.results.spend!.total.sent, 8 + jobs);
});
