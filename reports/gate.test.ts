// The regression gate end to end on synthetic runs: a slower vendor, a longer queue, and an unchanged run.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../core/target.ts';
import { generateRun, SMOKE_FIXTURE, type FixtureOptions } from './fixtures/generate-run.ts';
import { gate, parseTolerance } from './gate.ts';
import { writeReport } from './report.ts';

const repo = fileURLToPath(new URL('..', import.meta.url));
let dir: string;
const BASE: FixtureOptions = { ...SMOKE_FIXTURE, models: ['sd1.5-scifi'], rates: [1.5], stageDurationS: 300, v1Share: 0, contracts: false };
const run = (name: string, options: Partial<FixtureOptions>): string => {
  const path = join(dir, name);
  generateRun(path, { ...BASE, ...options });
  return path;
};

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'infercheck-gate-'));
  await writeReport(run('baseline', { seed: 1 }));
  run('same', { seed: 2 });
  run('slower-vendor', { seed: 3, serviceTime: 'lognormal:1000,0.35' }); // +25 % inference time
  run('longer-queue', { seed: 4, rates: [2.7] }); // same GPUs, more traffic: queue waits grow
});
after(() => rmSync(dir, { recursive: true, force: true }));

const baseline = (): string => join(dir, 'baseline', 'results.json');

test('an unchanged run passes the gate', async () => {
  const { report, exitCode } = await gate({ baseline: baseline(), current: join(dir, 'same') });
  assert.equal(exitCode, 0);
  assert.ok(report.rows.every((r) => r.comparison.verdict !== 'regressed'), JSON.stringify(report.rows.map((r) => [r.metric, r.comparison.note])));
});

test('a slower vendor is named as such: server inference_time regressed, exit code 1', async () => {
  const { report, exitCode, markdown, files } = await gate({ baseline: baseline(), current: join(dir, 'slower-vendor') });
  assert.equal(exitCode, 1);
  const inference = report.rows.find((r) => r.metric === 'server_inference_time_ms')!;
  assert.equal(inference.comparison.verdict, 'regressed');
  assert.ok(inference.comparison.ratioLower > 1.1 && inference.comparison.ratioUpper < 1.45, `${inference.comparison.ratioLower}..${inference.comparison.ratioUpper}`);
  assert.match(report.diagnoses.join('\n'), /the vendor got slower: server inference_time \+2\d\.\d %/);
  assert.match(markdown, /❌ regression/);
  assert.ok(files.some((f) => f.endsWith('gate.json')));
  assert.equal(JSON.parse(readFileSync(files[0]!, 'utf8')).schema, 'infercheck/gate@1');
});

test('a longer queue is told apart from a slower vendor', async () => {
  const { report, exitCode } = await gate({ baseline: baseline(), current: join(dir, 'longer-queue') });
  assert.equal(exitCode, 1);
  const diagnosis = report.diagnoses.join('\n');
  assert.match(diagnosis, /the queue got longer/);
  assert.doesNotMatch(diagnosis, /the vendor got slower/);
  assert.notEqual(report.rows.find((r) => r.metric === 'server_inference_time_ms')!.comparison.verdict, 'regressed');
});

test('the tolerance widens what counts as unchanged', async () => {
  const { exitCode } = await gate({ baseline: baseline(), current: join(dir, 'slower-vendor'), maxRegression: '60%' });
  assert.equal(exitCode, 0);
  assert.equal(parseTolerance('10%'), 0.1);
  assert.equal(parseTolerance('0.15'), 0.15);
  assert.throws(() => parseTolerance('ten'), UsageError);
});

test('the CLI prints the table and exits 1 on a regression, 2 on bad input', () => {
  const regressed = spawnSync(process.execPath, ['bin/infercheck.mjs', 'gate', '--baseline', baseline(), '--current', join(dir, 'slower-vendor')], { cwd: repo, encoding: 'utf8' });
  assert.equal(regressed.status, 1, regressed.stderr);
  assert.match(regressed.stdout, /server_inference_time_ms \| ❌ regressed/);
  const missing = spawnSync(process.execPath, ['bin/infercheck.mjs', 'gate', '--baseline', join(dir, 'nope.json'), '--current', join(dir, 'same')], { cwd: repo, encoding: 'utf8' });
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /^infercheck: baseline .*nope\.json does not exist\n$/);
  const notResults = spawnSync(process.execPath, ['bin/infercheck.mjs', 'gate', '--baseline', join(dir, 'same', 'load', 'run.json'), '--current', join(dir, 'same')], { cwd: repo, encoding: 'utf8' });
  assert.equal(notResults.status, 2);
  assert.match(notResults.stderr, /not an infercheck results file/);
});
