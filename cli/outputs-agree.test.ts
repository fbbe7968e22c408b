// One wording, one number (issue 13): every output built from one run folder — the report command's console, the
// main job's summary, the HTML, the Markdown, the JUnit, and the load console's queue-wait lines — gives the same
// counts in the same words and the same queue-wait figures. Before, for one run: the HTML said "0 failures in 0
// checks; 1 checks skipped", the Markdown "1 check skipped", the CLI "0 of 37 failing", and the load console's p95
// queue wait was k6's midpoint p95, not the report's.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatQueueWaitFigures, queueWaitFigures } from '../core/queue-wait.ts';
import type { CheckOutcome, ContractOutcomes, JobRecord } from '../core/result-files.ts';
import { generateRun, NPM_START_FIXTURE } from '../reports/fixtures/generate-run.ts';
import { gate } from '../reports/gate.ts';
import { writeReportWithAnalysis } from '../reports/report.ts';
import { formatMs } from '../core/format.ts';
import { formatRunSummary } from './run-summary.ts';

const BIN = fileURLToPath(new URL('../bin/infercheck.mjs', import.meta.url));
let dir: string;
let files: { console: string; summary: string; html: string; markdown: string; junit: string };
let jobs: JobRecord[];

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'infercheck-agree-'));
  generateRun(dir, { ...NPM_START_FIXTURE, ledger: true });
  // the contract stage of the run: 37 checks, 36 passed, rate-limit-429 never ran (needs --rpm)
  const path = join(dir, 'contracts', 'outcomes.json');
  const outcomes = JSON.parse(readFileSync(path, 'utf8')) as ContractOutcomes;
  const passing = (i: number): CheckOutcome => ({ id: `check-${i}`, title: `check ${i}`, severity: 'major', cases: 12, passed: 12, failed: 0, skipped: 0, failures: [] });
  const skipped: CheckOutcome = { id: 'rate-limit-429', title: 'Exceeding the rate limit gives 429', severity: 'major', cases: 0, passed: 0, failed: 0, skipped: 0, skipReason: 'needs --rpm N (the rate limit to exceed)', failures: [] };
  writeFileSync(path, JSON.stringify({ ...outcomes, checks: [...Array.from({ length: 36 }, (_, i) => passing(i)), skipped] }));

  const cli = spawnSync(process.execPath, [BIN, 'report', '--in', dir], { encoding: 'utf8' });
  assert.equal(cli.status, 0, cli.stderr);
  const { analysis, files: written } = await writeReportWithAnalysis(dir);
  files = {
    console: cli.stdout,
    summary: formatRunSummary(analysis, [{ name: 'contracts', exitCode: 0, seconds: 1 }, { name: 'load', exitCode: 0, seconds: 1 }], written),
    html: readFileSync(join(dir, 'index.html'), 'utf8'),
    markdown: readFileSync(join(dir, 'summary.md'), 'utf8'),
    junit: readFileSync(join(dir, 'junit.xml'), 'utf8'),
  };
  jobs = readFileSync(join(dir, 'load', 'jobs.ndjson'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as JobRecord);
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('every output words the contract counts the same: "36 passed, 0 failed, 1 skipped"', () => {
  for (const [name, text] of Object.entries(files)) {
    const counts = [...text.matchAll(/(\d+) passed, (\d+) failed, (\d+) skipped/g)].map((m) => m[0]);
    assert.deepEqual([...new Set(counts)], ['36 passed, 0 failed, 1 skipped'], name);
  }
  assert.match(files.junit, /<testsuite name="contracts" tests="37" failures="0" errors="0" skipped="1" timestamp="[^"]+" time="[\d.]+">/);
  for (const [name, text] of Object.entries(files)) assert.doesNotMatch(text, /of 37 failing|checks skipped|check skipped/, name);
});

test('every output words the objective counts the same', () => {
  const phrases = Object.entries(files).map(([name, text]) => [name, [...new Set([...text.matchAll(/\d+ passed, \d+ failed, \d+ inconclusive/g)].map((m) => m[0]))]] as const);
  const first = phrases[0]![1];
  assert.equal(first.length, 1, JSON.stringify(phrases));
  for (const [name, found] of phrases) assert.deepEqual(found, first, name);
});

test('the load console prints the queue-wait figures the report prints, from one estimator', () => {
  const lines = formatQueueWaitFigures(queueWaitFigures(jobs));
  assert.equal(lines.length, 2, 'one line per model on v2 (v1 has no queue view)');
  for (const figure of queueWaitFigures(jobs)) {
    const [p50, p95, p99] = [figure.p50, figure.p95, figure.p99].map(formatMs);
    const model = figure.model.replace(/\./g, '\\.');
    // the Markdown's latency table, the HTML's percentile table and the run summary's row, for this group
    assert.match(files.markdown, new RegExp(`\\| ${model} \\| v2 \\| queue wait \\(client estimate\\) \\| ${figure.n} \\| ${p50} \\| ${p95} \\| ${p99} \\|`));
    assert.ok(files.html.includes(`<td>queue wait (client estimate)</td><td class="num">${figure.n}</td><td>${p50} `), `HTML ${figure.model}`);
    assert.ok(files.html.includes(`<td>${p95} <span class="ci">`), `HTML p95 ${figure.model}`);
    assert.match(files.summary, new RegExp(`^  ${model}\\s+v2\\s.*\\s${p50} / ${p95} / ${p99}\\s`, 'm'), `run summary ${figure.model}`);
    assert.ok(lines.includes(`queue wait ${figure.model} v2: p50 ${p50}, p95 ${p95}, p99 ${p99} (n = ${figure.n})`));
  }
});

test('the money is the same sentence in the consoles, the HTML and the Markdown', () => {
  const spend = /[\d.]+ credits on \d+ jobs: [\d.]+ per job, [\d.]+ per image/;
  const found = Object.entries(files).filter(([name]) => name !== 'junit').map(([name, text]) => [name, spend.exec(text)?.[0]] as const);
  for (const [name, phrase] of found) assert.equal(phrase, found[0]![1], name);
  assert.equal(found[0]![1], '0.1425 credits on 75 jobs: 0.0019 per job, 0.0019 per image');
  const ledger = /75 billable requests sent, 75 billed, 0 unknown, 0 refused; 0\.1425 credits reported by the vendor \(budget 75\)/;
  for (const name of ['console', 'summary', 'markdown', 'html'] as const) assert.match(files[name], ledger, name);
});

test('what the run catches as a gate baseline reads the same in the summary, the HTML, the Markdown and the gate', async () => {
  const sentence = /sd1\.5-epicrealism v1 not testable \(n 2, needs ≥ 8\); sd1\.5-epicrealism v2 ≥ \+(\d+\.\d) % \(n 36\); sd1\.5-scifi v1 not testable \(n 2, needs ≥ 8\); sd1\.5-scifi v2 ≥ \+(\d+\.\d) % \(n 35\)/;
  const found = (['summary', 'markdown', 'html'] as const).map((name) => sentence.exec(files[name])?.slice(1, 3));
  for (const f of found) assert.deepEqual(f, found[0]);
  const { report } = await gate({ baseline: dir, current: dir });
  const detectable = (model: string): string => (report.rows.find((r) => r.model === model && r.api === 'v2' && r.metric === 'e2e_ms')!.detectableSlowdown! * 100).toFixed(1);
  assert.deepEqual(found[0], [detectable('sd1.5-epicrealism'), detectable('sd1.5-scifi')]);
});

test('on a real engine run, the load console prints the queue-wait figures the report prints', { timeout: 60_000 }, async () => {
  const run = mkdtempSync(join(tmpdir(), 'infercheck-agree-real-'));
  try {
    const load = spawnSync(process.execPath, [BIN, 'load', '--scenario', 'async', '--rate', '10', '--duration', '2s', '--seed', '4', '--no-progress', '--out', join(run, 'load')], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.equal(load.status, 0, load.stdout + load.stderr);
    const printed = load.stdout.split('\n').filter((line) => line.startsWith('queue wait '));
    assert.equal(printed.length, 2, `one line per model on v2:\n${load.stdout}`);
    // the same lines from the one estimator over the run's own jobs …
    const real = readFileSync(join(run, 'load', 'jobs.ndjson'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as JobRecord);
    assert.deepEqual(printed, formatQueueWaitFigures(queueWaitFigures(real)));
    // … and the report's figures for the same folder, row by row
    await writeReportWithAnalysis(run);
    const markdown = readFileSync(join(run, 'summary.md'), 'utf8');
    for (const line of printed) {
      const [, model, p50, p95, p99, n] = /^queue wait (\S+) v2: p50 (.+), p95 (.+), p99 (.+) \(n = (\d+)\)$/.exec(line)!;
      assert.ok(markdown.includes(`| ${model} | v2 | queue wait (client estimate) | ${n} | ${p50} | ${p95} | ${p99} |`), `${line}\nnot in the Markdown:\n${markdown}`);
    }
  } finally {
    rmSync(run, { recursive: true, force: true });
  }
});
