// Money and runs you can trust (issue 10's "Must show"): `infercheck contracts` in a child process against scripted
// vendors on real ports of 127.0.0.1, each keeping its own count of the billable requests it took on — the ground
// truth. Whatever the vendor does (breaks rules, dies halfway, freezes) and whatever happens to the run (SIGTERM), the
// vendor never takes on more than --max-billable, each case is sent once, no process is left behind, and the files
// say how far the run got and what it really spent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUDGET_LEDGER_ENV, BillableBudget, readLedger, settlementForStatus } from '../core/billable-budget.ts';
import type { ContractFailure, ContractOutcomes } from '../core/result-files.ts';
import { toEnv } from './run-config.ts';
import { CLI_KEY_ENV, leftBehind, markOf, outcomesOf, runContractsCli as contracts, type CliRun } from './testing/cli-run.ts';
import { startScriptedVendor, type ScriptedVendor, type ScriptedVendorOptions } from '../core/testing/scripted-vendor.ts';
import type { Quirk } from '../core/testing/vendor-script.ts';

const MAX_BILLABLE = 10;
/** Three documented rules broken: numbers outside their range are taken (and billed), any key is let through, and
 * every success is charged twice what it reports. */
const THREE_RULES: readonly Quirk[] = ['accept-out-of-range', 'accept-any-key', 'overcharge'];

/** The requests the vendor got that generate (POST /v1|v2/{model}), by body: a case sent twice shows here. */
function generateBodies(vendor: ScriptedVendor): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of vendor.log) if (r.method === 'POST' && /^\/v[12]\/[^/]+$/.test(r.path)) counts.set(`${r.path} ${r.body}`, (counts.get(`${r.path} ${r.body}`) ?? 0) + 1);
  return counts;
}

async function withVendor<T>(options: ScriptedVendorOptions, fn: (vendor: ScriptedVendor) => Promise<T>): Promise<T> {
  const vendor = await startScriptedVendor(options);
  try {
    return await fn(vendor);
  } finally {
    await vendor.close();
  }
}

test('a vendor breaking 3 documented rules, --max-billable 10: it takes on at most 10, each case is sent once, and the report says what it spent', { timeout: 120_000 }, async () => {
  const clean = await startScriptedVendor();
  const broken = await startScriptedVendor({ quirks: THREE_RULES });
  try {
    // The whole catalogue, both at once, so both see the same machine (2 shared cores: a ratio, never a duration).
    const args = ['--max-billable', String(MAX_BILLABLE)];
    const [cleanRun, brokenRun] = await Promise.all([contracts(clean, args), contracts(broken, args)]);
    assert.equal(cleanRun.code, 0, cleanRun.stdout + cleanRun.stderr);
    assert.equal(brokenRun.code, 1, brokenRun.stdout + brokenRun.stderr);
    const outcomes = outcomesOf(brokenRun);

    // The vendor's own count: never more than the cap.
    const ledger = broken.ledger();
    assert.ok(ledger.billable <= MAX_BILLABLE, `the vendor took on ${ledger.billable} billable requests`);
    assert.equal(clean.ledger().billable, MAX_BILLABLE, 'the clean run used its budget');

    // One run: every request the vendor got is one the run sent (plus the two balance reads), no body twice but
    // the determinism pairs, and the announced catalogue is the full one (both models, every case).
    assert.equal(outcomes.run!.casesPlanned, outcomesOf(cleanRun).run!.casesPlanned);
    assert.ok(outcomes.run!.casesPlanned > 450, `${outcomes.run!.casesPlanned} cases planned`);
    assert.equal(ledger.requests, outcomes.run!.requests + 2);
    const repeated = [...generateBodies(broken)].filter(([, n]) => n > 1);
    assert.ok(repeated.every(([body, n]) => n === 2 && /infercheck outputs\/v[12]\//.test(body)), JSON.stringify(repeated.slice(0, 3)));

    // The three broken rules are caught, each with a reproducer.
    const failed = outcomes.checks.filter((c) => c.failed > 0).map((c) => c.id);
    for (const id of ['out-of-range-rejected', 'wrong-key-401', 'success-billed-its-cost']) assert.ok(failed.includes(id), `${id} not among ${failed.join(', ')}`);
    const failures = JSON.parse(readFileSync(join(brokenRun.out, 'failures.json'), 'utf8')) as ContractFailure[];
    assert.ok(failures.length > 0 && failures.every((f) => f.reproducer?.curl && f.reproducer.rerun.includes(`--grep`)));
    assert.ok(failures.some((f) => f.reproducer!.curl!.includes(`"x-api-key: $${CLI_KEY_ENV}"`)));
    assert.ok(![brokenRun.stdout, readFileSync(join(brokenRun.out, 'outcomes.json'), 'utf8')].some((text) => text.includes(broken.key)), 'the key leaked');

    // The report's spend is the vendor's ledger: requests taken on, credits taken from the balance.
    const spend = outcomes.spend!;
    assert.equal(spend.requests.billed + spend.requests.unknown, ledger.billable);
    assert.equal(outcomes.billableRequests, ledger.billable);
    assert.ok(Math.abs(spend.balance.before! - spend.balance.after! - ledger.charged) < 1e-9, `${JSON.stringify(spend.balance)} vs charged ${ledger.charged}`);
    assert.equal(spend.agreement.verdict, 'disagree', 'this vendor charges twice what it reports');
    assert.match(brokenRun.stdout, /spend: 10 billable requests .* disagree/);

    // One catalogue run each (asserted above: every request the vendor saw is one the outcomes count), so failing
    // checks cost no extra requests. The times are printed for the record, never judged here (shared, noisy machines):
    // `npm run bench -- contracts-spend` prints them as a ratio against a clean run measured in the same bench.
    const toOutcomes = (run: CliRun): number => Date.parse(outcomesOf(run).finishedAt) - run.startedAt;
    console.log(`to outcomes.json: broken ${toOutcomes(brokenRun)} ms, clean ${toOutcomes(cleanRun)} ms; whole command: broken ${Math.round(brokenRun.ms)} ms, clean ${Math.round(cleanRun.ms)} ms`);
    assert.deepEqual([...leftBehind(cleanRun.mark), ...leftBehind(brokenRun.mark)], []);
  } finally {
    await clean.close();
    await broken.close();
  }
});

test('SIGTERM mid-run: the vendor takes on at most 10, the run stops at once, writes how far it got, and leaves no process', { timeout: 60_000 }, async () => {
  await withVendor({ quirks: THREE_RULES, delayMs: 10 }, async (vendor) => {
    const run = await contracts(vendor, ['--max-billable', String(MAX_BILLABLE), '--models', 'sd1.5-scifi'], (child) => {
      void vendor.arrived(40).then(() => child.kill('SIGTERM'));
    });
    assert.equal(run.code, 143, run.stdout + run.stderr);
    assert.ok(vendor.ledger().billable <= MAX_BILLABLE);
    const outcomes = outcomesOf(run);
    assert.equal(outcomes.run!.stopped?.reason, 'signal');
    assert.ok(outcomes.run!.casesDone > 0 && outcomes.run!.casesDone < outcomes.run!.casesPlanned, JSON.stringify(outcomes.run));
    assert.ok(outcomes.billableRequests >= vendor.ledger().billable - outcomes.spend!.requests.unknown);
    assert.match(run.stderr, /stopped after \d+ of \d+ cases: stopped by SIGTERM/);
    const settled = vendor.log.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(vendor.log.length, settled, 'requests kept coming after the run said it stopped');
    assert.deepEqual(leftBehind(run.mark), []);
  });
});

test('SIGTERM while Playwright writes the reports: it is passed on, and no runner or worker is left behind', { timeout: 60_000 }, async () => {
  await withVendor({ quirks: ['accept-bearer'] }, async (vendor) => {
    const run = await contracts(vendor, ['--max-billable', '2', '--grep', '^auth/'], (child) => {
      // Three processes carry the mark once Playwright's runner has started its worker: hit them then.
      const poll = setInterval(() => {
        if (leftBehind(markOf(child)).length >= 3) {
          clearInterval(poll);
          child.kill('SIGTERM');
        }
      }, 20);
      child.on('exit', () => clearInterval(poll));
    });
    assert.equal(run.code, 143, run.stdout + run.stderr);
    assert.deepEqual(leftBehind(run.mark), []);
  });
});

test('run by hand, Playwright runs the catalogue once: failing checks and their retries in new workers send nothing again', { timeout: 60_000 }, async () => {
  await withVendor({ quirks: ['accept-any-key', 'unknown-model-400'] }, async (vendor) => {
    const out = mkdtempSync(join(tmpdir(), 'infercheck-money-'));
    const env = { ...process.env, [CLI_KEY_ENV]: vendor.key, ...toEnv({ target: { kind: 'url', baseUrl: vendor.url, apiKeyEnv: CLI_KEY_ENV }, models: ['sd1.5-scifi'], maxBillable: 2, outDir: out, grep: '^(auth|transport)/' }) };
    const cli = join(dirname(createRequire(import.meta.url).resolve('@playwright/test/package.json')), 'cli.js');
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, [cli, 'test', '-c', fileURLToPath(new URL('./playwright.config.ts', import.meta.url)), '--retries', '1'], { env, stdio: 'ignore' });
      child.on('exit', (c) => resolve(c));
    });
    assert.equal(code, 1, 'the failing checks fail the suite');
    const outcomes = JSON.parse(readFileSync(join(out, 'outcomes.json'), 'utf8')) as ContractOutcomes;
    assert.deepEqual(outcomes.checks.filter((c) => c.failed > 0).map((c) => c.id).sort(), ['unknown-model-404', 'wrong-key-401']);
    assert.equal(vendor.ledger().requests, outcomes.run!.requests + 2, 'the vendor got more than one catalogue run');
    const report = JSON.parse(readFileSync(join(out, 'playwright.json'), 'utf8')) as { stats: { unexpected: number } };
    assert.equal(report.stats.unexpected, 2);
  });
});

test('a ledger handed down by a parent process is joined, and its cap holds across both processes', { timeout: 60_000 }, async () => {
  await withVendor({ quirks: ['accept-out-of-range'] }, async (vendor) => {
    const ledger = join(mkdtempSync(join(tmpdir(), 'infercheck-money-')), 'spend.ndjson');
    const parent = BillableBudget.create(ledger, 6);
    // Another stage of the same invocation (a load run) has spent 4 already.
    for (let i = 0; i < 4; i++) parent.tryReserve({ operation: 'submitAsync', ref: `load/${i}` })!.settle(settlementForStatus(200));
    const run = await contracts(vendor, ['--max-billable', '6', '--models', 'sd1.5-scifi'], undefined, { [BUDGET_LEDGER_ENV]: ledger });
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /hard cap --max-billable 6 \(2 left in the invocation's ledger\)/);
    assert.ok(vendor.ledger().billable <= 2, `the vendor took on ${vendor.ledger().billable}`);
    assert.ok(readLedger(ledger).committed <= 6);
    const outcomes = outcomesOf(run);
    assert.equal(outcomes.spend!.ledger, ledger);
    assert.equal(outcomes.spend!.requests.billed, vendor.ledger().billable, "the stage's own spend, not the invocation's");
    assert.ok(!existsSync(join(run.out, 'spend.ndjson')), 'a second ledger was started');
  });
});

test('the vendor dies halfway: the run stops with exit 3 and one line, at most 10 taken on, files say how far it got, no process left', { timeout: 60_000 }, async () => {
  await withVendor({ quirks: THREE_RULES, dieAfter: 40 }, async (vendor) => {
    const run = await contracts(vendor, ['--max-billable', String(MAX_BILLABLE), '--models', 'sd1.5-scifi']);
    assert.equal(run.code, 3, run.stdout + run.stderr);
    assert.ok(vendor.dead);
    assert.ok(vendor.ledger().billable <= MAX_BILLABLE);
    const outcomes = outcomesOf(run);
    assert.equal(outcomes.run!.stopped?.reason, 'unreachable');
    assert.equal(outcomes.run!.stopped?.message, `cannot connect to ${vendor.url} (ECONNREFUSED)`);
    assert.ok(outcomes.run!.casesDone > 0 && outcomes.run!.casesDone < outcomes.run!.casesPlanned);
    assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
    assert.match(run.stderr, /^infercheck: contracts stopped after \d+ of \d+ cases: cannot connect to/);
    assert.deepEqual(leftBehind(run.mark), []);
  });
});

test('a target nobody listens on: one line, exit 3, nothing sent', { timeout: 30_000 }, async () => {
  const vendor = await startScriptedVendor();
  await vendor.close();
  const run = await contracts({ ...vendor, url: 'http://127.0.0.1:1' }, ['--max-billable', '5']);
  assert.equal(run.code, 3);
  assert.equal(run.stderr, 'infercheck: cannot connect to http://127.0.0.1:1 (ECONNREFUSED)\n');
  assert.equal(outcomesOf(run).run!.requests, 0);
});

test('a vendor that freezes holds the run no longer than --deadline', { timeout: 30_000 }, async () => {
  await withVendor({ freezeAfter: 40 }, async (vendor) => {
    const run = await contracts(vendor, ['--max-billable', '2', '--models', 'sd1.5-scifi', '--deadline', '2s']);
    assert.equal(run.code, 3, run.stdout + run.stderr);
    const outcomes = outcomesOf(run);
    assert.equal(outcomes.run!.stopped?.reason, 'deadline');
    assert.ok(outcomes.run!.casesDone < outcomes.run!.casesPlanned);
    assert.ok(vendor.ledger().billable <= 2);
    assert.deepEqual(leftBehind(run.mark), []);
  });
});
