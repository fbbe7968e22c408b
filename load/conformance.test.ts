// The engine judges every answer with the one conformance judge (core/conformance.ts) and counts what it finds by what
// the broken rule rests on: a vendor that differs only from an assumption of the spec (here: a pending status read
// answered 202 — no document gives that code) is followed to the end of each job and counted as findings, never as
// contract violations; one that breaks a documented rule (a number sent as a string in `metrics`) is. One run of a
// few jobs against the scripted vendor on 127.0.0.1: about a second.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { JobRecord } from '../core/result-files.ts';
import { startScriptedVendor } from '../core/testing/scripted-vendor.ts';
import { VENDOR_KEY, type Quirk } from '../core/testing/vendor-script.ts';
import { runLoad } from './run.ts';

async function runAgainst(quirks: readonly Quirk[]) {
  const vendor = await startScriptedVendor({ quirks });
  const out = mkdtempSync(join(tmpdir(), 'infercheck-judged-'));
  try {
    const result = await runLoad({
      scenario: 'async',
      target: vendor.url,
      maxBillable: 20,
      apiKeyEnv: 'IC_JUDGED_KEY',
      env: { ...process.env, IC_JUDGED_KEY: VENDOR_KEY },
      out,
      capture: true,
      seed: 5,
      poll: 'adaptive',
      expectedInferenceMs: 20,
      rate: 5,
      durationS: 1,
      arrivals: 'even',
    });
    const jobs = readFileSync(join(result.outDir, 'jobs.ndjson'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as JobRecord);
    return { result, jobs };
  } finally {
    await vendor.close();
    rmSync(out, { recursive: true, force: true });
  }
}

test('differences from assumed rules are findings, counted apart from the violations of documented rules', { timeout: 30_000 }, async () => {
  const lenient = await runAgainst(['status-202']);
  const c = lenient.result.summary.conformance;
  assert.equal(lenient.result.exitCode, 0, lenient.result.log);
  assert.equal(lenient.result.summary.jobs.completed, lenient.result.summary.jobs.total, 'a 202 with a pending body is still followed');
  assert.equal(c.violations, 0, JSON.stringify(c.examples));
  assert.ok((c.assumed ?? 0) > 0);
  assert.deepEqual(c.byRule, { 'getRequestStatus:success': { basis: 'assumed', count: c.assumed } });
  assert.ok(c.examples.every((e) => e.basis === 'assumed' && e.specRules === 'getRequestStatus:success'));
  assert.ok(lenient.jobs.every((j) => j.validation_errors === 0 && (j.validation_findings ?? 0) > 0));

  const broken = await runAgainst(['metrics-as-string']);
  const b = broken.result.summary.conformance;
  assert.ok(b.violations > 0);
  assert.equal(b.assumed, 0);
  assert.ok(Object.values(b.byRule ?? {}).every((r) => r.basis === 'documented'));
  assert.ok(broken.jobs.some((j) => j.validation_errors > 0));
});
