// The main job: its summary is drawn from the report's analysis, and the command runs the real stages end to end.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateRun, SMOKE_FIXTURE } from '../reports/fixtures/generate-run.ts';
import { writeReportWithAnalysis } from '../reports/report.ts';
import { runExitCode } from './run-command.ts';
import { formatRunSummary, throughputPerS } from './run-summary.ts';

const BIN = fileURLToPath(new URL('../bin/infercheck.mjs', import.meta.url));

test('the summary reports failed checks, per-model percentiles, throughput and polls, and never a key', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'infercheck-run-summary-'));
  generateRun(dir, SMOKE_FIXTURE);
  const { analysis, files } = await writeReportWithAnalysis(dir);
  const text = formatRunSummary(analysis, [{ name: 'contracts', exitCode: 1, seconds: 2 }, { name: 'load', exitCode: 0, seconds: 3 }], files);

  assert.match(text, /^infercheck — FAIL /, 'a failed contract check fails the run');
  assert.match(text, /stages: contracts exit 1 \(2\.0 s\), load ok \(3\.0 s\)/);
  assert.match(text, /contracts: 5 checks — 1 passed, 3 failed, 1 skipped; \d+ cases/);
  assert.match(text, /✗ \[critical\] response_schema_conformance ×1/);
  assert.match(text, /✗ \[major\] status_code_conformance ×2/);
  assert.doesNotMatch(text, /SG_0123456789abcdef/, 'a key-shaped string in a failure message is not printed');
  for (const model of SMOKE_FIXTURE.models) {
    assert.match(text, new RegExp(`^  ${model.replace('.', '\\.')}\\s+v2\\s+\\d+\\s+\\d+\\s+[\\d.]+\\s+\\d+\\s+[\\d.]+ m?s / [\\d.]+ m?s / [\\d.]+ m?s`, 'm'), `${model} v2 row with throughput, polls and p50/p95/p99`);
  }
  for (const file of files) assert.ok(text.includes(file), file);
});

test('throughput counts completed jobs over the span they took', () => {
  const job = (submit: number, end: number | null, status = 'COMPLETED') => ({ submit_at_ms: submit, end_ms: end, status }) as Parameters<typeof throughputPerS>[0][number];
  assert.equal(throughputPerS([job(0, 1000), job(500, 2000), job(1000, 4000)]), 3 / 4);
  assert.equal(throughputPerS([job(0, 1000), job(0, null, 'FAILED')]), undefined, 'one completed job gives no rate');
});

test('infercheck run rejects bad flags in one line with exit 2', () => {
  const out = spawnSync(process.execPath, [BIN, 'run', '--rate', '0'], { encoding: 'utf8' });
  assert.equal(out.status, 2);
  assert.equal(out.stderr.trim(), 'infercheck: --rate must be a positive number, got "0"');
});

test('infercheck run drives a real load run against the embedded mock and writes the report', { timeout: 180_000 }, () => {
  const out = mkdtempSync(join(tmpdir(), 'infercheck-run-'));
  const run = spawnSync(process.execPath, [BIN, 'run', '--no-contracts', '--out', out, '--duration', '3', '--rate', '4'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  assert.equal(run.status, 0, run.stdout.slice(-3000) + run.stderr.slice(-2000));
  assert.match(run.stdout, /^infercheck — (PASS|INCONCLUSIVE) +target: mock http:\/\/127\.0\.0\.1:\d+/m);
  assert.match(run.stdout, /^contracts: not run$/m);
  const jobs = Number(/^load: smoke, (\d+) jobs, exit 0/m.exec(run.stdout)?.[1]);
  assert.ok(jobs > 0, run.stdout);
  // the spend, once: the run's ledger, which the load stage joined — one billable request per job — and no stage ledger
  assert.match(run.stdout, new RegExp(`^  run ledger spend\\.ndjson \\(load\\): ${jobs} billable requests sent, ${jobs} billed, 0 unknown, 0 refused;`, 'm'));
  assert.ok(!existsSync(join(out, 'load', 'spend.ndjson')), 'the load stage joined the run ledger instead of keeping its own');
  for (const api of ['v1', 'v2']) assert.match(run.stdout, new RegExp(`^  sd1\\.5-scifi\\s+${api}\\s`, 'm'), `a row for sd1.5-scifi ${api}`);
  for (const file of ['results.json', 'index.html', 'summary.md', 'junit.xml', 'load/jobs.ndjson']) {
    assert.ok(existsSync(join(out, file)), file);
  }
});

// ---- issue 13: nothing deleted that infercheck did not write, nothing before the run is known to start ----

const runCli = (args: string[], timeout = 30_000) => spawnSync(process.execPath, [BIN, 'run', ...args], { encoding: 'utf8', timeout, env: { ...process.env, NO_COLOR: '1' } });

test('run --out on a checkout refuses in one line and deletes nothing (it used to delete contracts/ and load/)', () => {
  const checkout = mkdtempSync(join(tmpdir(), 'infercheck-checkout-'));
  for (const [file, text] of [['package.json', '{}'], ['contracts/engine.ts', 'export {}'], ['load/run.ts', 'export {}']] as const) {
    mkdirSync(join(checkout, file, '..'), { recursive: true });
    writeFileSync(join(checkout, file), text);
  }
  const out = runCli(['--no-load', '--out', checkout]);
  assert.equal(out.status, 2, out.stdout + out.stderr);
  assert.equal(out.stderr.trim().split('\n').length, 1, out.stderr);
  assert.match(out.stderr, /^infercheck: --out .* holds files infercheck did not write \(contracts\/engine\.ts, load\/run\.ts, package\.json\): choose an empty or new folder/);
  assert.equal(out.stdout, '', 'no stage started');
  assert.equal(readFileSync(join(checkout, 'contracts', 'engine.ts'), 'utf8'), 'export {}');
  assert.equal(readFileSync(join(checkout, 'load', 'run.ts'), 'utf8'), 'export {}');
  rmSync(checkout, { recursive: true, force: true });
});

test('run --out on a file, under a file or on /proc/x is one line and exit 2, never a stack trace or a hang', () => {
  const root = mkdtempSync(join(tmpdir(), 'infercheck-impossible-'));
  const file = join(root, 'a-file');
  writeFileSync(file, 'x');
  for (const [path, pattern] of [[file, /is a file, not a folder/], [join(file, 'run'), /cannot be made: .*a-file is a file/], ['/proc/infercheck-run', /cannot be made \(ENOENT/]] as const) {
    const out = runCli(['--no-load', '--out', path], 20_000);
    assert.equal(out.error, undefined, `${path}: ${String(out.error)} (a hang)`);
    assert.equal(out.status, 2, `${path}: ${out.stdout}${out.stderr}`);
    assert.equal(out.stderr.trim().split('\n').length, 1, out.stderr);
    assert.match(out.stderr, pattern);
  }
  rmSync(root, { recursive: true, force: true });
});

test('run checks --sla before anything: a typo is exit 2 and no folder is made, no stage started', () => {
  const root = mkdtempSync(join(tmpdir(), 'infercheck-sla-first-'));
  const sla = join(root, 'typo.yaml');
  writeFileSync(sla, 'objectives:\n  - { metric: e2e_ms, stat: p95, op: "<=", value: 8000, unit: s, modle: sd1.5-scifi }\n');
  const out = runCli(['--no-load', '--sla', sla, '--out', join(root, 'run')]);
  assert.equal(out.status, 2, out.stdout + out.stderr);
  assert.equal(out.stderr, `infercheck: ${sla}: objectives[0]: unknown key "modle" (known: metric, stat, op, value, model, api, unit)\n`);
  assert.equal(existsSync(join(root, 'run')), false);
  assert.equal(out.stdout, '');
  rmSync(root, { recursive: true, force: true });
});

test('the run exit code: a stage usage error or death outranks a failed verdict', () => {
  const stage = (exitCode: number) => ({ name: 's', exitCode, seconds: 1 });
  assert.equal(runExitCode([stage(0), stage(0)], 'PASS'), 0);
  assert.equal(runExitCode([stage(0), stage(0)], 'FAIL'), 1);
  assert.equal(runExitCode([stage(1), stage(99)], 'PASS'), 1, 'a failed check or SLO threshold is a verdict');
  assert.equal(runExitCode([stage(1), stage(3)], 'FAIL'), 3, 'the target died');
  assert.equal(runExitCode([stage(2), stage(3)], 'FAIL'), 2);
});
