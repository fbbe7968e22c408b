// The CLI's conventions: unknown commands and flags, no command, bad values are one line and exit 2; an unreachable
// target is one line and exit 3; a closed stdout ends quietly; --list and --json print what scripts read.
import { after, test } from 'node:test';
import { generateRun, NPM_START_FIXTURE } from '../reports/fixtures/generate-run.ts';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { INFERCHECK_VERSION } from '../core/version.ts';

const BIN = fileURLToPath(new URL('../bin/infercheck.mjs', import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

test('--help lists every command', () => {
  const out = run('--help');
  assert.equal(out.status, 0);
  for (const command of ['mock', 'contracts', 'load', 'run', 'report', 'gate']) {
    assert.match(out.stdout, new RegExp(`^\\s+${command}\\b`, 'm'), command);
  }
});

test('an unknown command is one line and exit 2', () => {
  const out = run('frobnicate');
  assert.equal(out.status, 2);
  assert.equal(out.stderr.trim().split('\n').length, 1, out.stderr);
  assert.match(out.stderr, /^infercheck: unknown command 'frobnicate'/);
});

test('an unknown flag is one line and exit 2, on the top level and on a command', () => {
  for (const args of [['--frob'], ['contracts', '--frob'], ['load', '--no-such-flag']]) {
    const out = run(...args);
    assert.equal(out.status, 2, args.join(' '));
    assert.equal(out.stderr.trim().split('\n').length, 1, out.stderr);
    assert.match(out.stderr, /^infercheck: unknown option/);
  }
});

test('no command at all is a usage error: the help on stderr, one error line, exit 2', () => {
  const out = run();
  assert.equal(out.status, 2);
  assert.equal(out.stdout, '');
  assert.match(out.stderr, /Commands:[\s\S]*\ninfercheck: no command given/);
});

test('a closed stdout (`gate … | head -1`) ends quietly: no EPIPE stack trace, the exit code still the verdict', () => {
  const dir = mkdtempSync(join(tmpdir(), 'infercheck-epipe-'));
  try {
    generateRun(dir, NPM_START_FIXTURE);
    const piped = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" gate --baseline "${dir}" --current "${dir}" | head -1`], { encoding: 'utf8' });
    assert.equal(piped.stdout.split('\n').filter(Boolean).length, 1, piped.stdout);
    assert.doesNotMatch(piped.stderr, /EPIPE|Error|at /, piped.stderr);
    assert.equal(piped.status, 0, 'the gate passed: pipefail sees its exit code, not a crash');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bad values name their flag, one line, exit 2', () => {
  const cases: [string[], RegExp][] = [
    [['load', '--job-timeout', '10x'], /^infercheck: --job-timeout must be a positive duration/],
    [['load', '--expected-inference-ms', '-5'], /^infercheck: --expected-inference-ms must be a number > 0, got -5$/],
    [['load', '--rate', '1e9'], /^infercheck: --rate must be at most 10000 jobs\/s, got 1000000000$/],
    [['load', '--rate', '5000', '--duration', '2000s'], /^infercheck: --rate × --duration plans 10000000 arrivals; at most 5000000/],
    [['contracts', '--grep', 'no-such-case'], /^infercheck: --grep "no-such-case" matches none of the cases \(infercheck contracts --list prints their ids\)$/],
  ];
  for (const [args, message] of cases) {
    const out = run(...args, '--out', '/proc/never-written');
    assert.equal(out.status, 2, args.join(' '));
    assert.equal(out.stderr.trim().split('\n').length, 1, out.stderr);
    assert.match(out.stderr.trim(), message);
  }
});

test('a budget ledger handed down that does not exist is one line and exit 2, before anything is sent or written', () => {
  const outDir = join(mkdtempSync(join(tmpdir(), 'infercheck-ledger-')), 'contracts');
  const out = spawnSync(process.execPath, [BIN, 'contracts', '--target', 'http://127.0.0.1:1', '--max-billable', '1', '--out', outDir], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', SEGMIND_API_KEY: 'SG_not-a-real-key-000', INFERCHECK_BUDGET_LEDGER: '/proc/no-such-ledger.ndjson' },
  });
  assert.equal(out.status, 2, out.stderr);
  assert.equal(out.stderr.trim().split('\n').length, 1, out.stderr);
  assert.match(out.stderr.trim(), /^infercheck: budget ledger \/proc\/no-such-ledger\.ndjson does not exist/);
  assert.ok(!(out.stdout + out.stderr).includes('SG_not-a-real-key-000'));
  assert.ok(!existsSync(outDir), 'nothing written');
});

test('contracts --list prints the case ids, sends nothing; with --json one document', () => {
  const out = run('contracts', '--list', '--grep', '^auth/missing-key/');
  assert.equal(out.status, 0, out.stderr);
  const ids = out.stdout.trim().split('\n');
  assert.ok(ids.length >= 4 && ids.every((id) => id.startsWith('auth/missing-key/')), out.stdout);
  const json = run('contracts', '--list', '--grep', '^auth/missing-key/', '--json');
  assert.deepEqual(JSON.parse(json.stdout), { schema: 'infercheck/cli-result@1', infercheckVersion: INFERCHECK_VERSION, command: 'contracts', exitCode: 0, cases: ids });
});

test('an unreachable target is one line and exit 3 for every command with a target; --json says so on stdout', () => {
  const dir = mkdtempSync(join(tmpdir(), 'infercheck-unreachable-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  for (const command of ['contracts', 'load']) {
    const out = spawnSync(process.execPath, [BIN, command, '--target', 'http://127.0.0.1:1', '--max-billable', '1', '--out', join(dir, command), '--json'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', SEGMIND_API_KEY: 'not-a-real-key' } });
    assert.equal(out.status, 3, `${command}: ${out.stderr}`);
    assert.match(out.stderr, /^infercheck: cannot connect to http:\/\/127\.0\.0\.1:1 \(ECONNREFUSED\)$/m);
    assert.equal(out.stderr.split('\n').filter((line) => line.startsWith('infercheck:')).length, 1, out.stderr);
    // load stops before touching a file; contracts writes outcomes.json saying nothing was judged, and why
    const result = JSON.parse(out.stdout) as { command: string; exitCode: number; error?: string; stopped?: string };
    assert.deepEqual([result.command, result.exitCode, result.error ?? result.stopped], [command, 3, 'cannot connect to http://127.0.0.1:1 (ECONNREFUSED)']);
  }
});

test('load --json: one result document on stdout (exit code, verdict, files, the summary), the human lines on stderr', () => {
  const dir = mkdtempSync(join(tmpdir(), 'infercheck-load-json-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const out = spawnSync(process.execPath, [BIN, 'load', '--scenario', 'async', '--rate', '4', '--duration', '1s', '--out', join(dir, 'load'), '--json'], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  assert.equal(out.stdout.trim().split('\n').length, 1, out.stdout);
  const result = JSON.parse(out.stdout) as { command: string; exitCode: number; verdict: string; out: string; summary: { jobs: { total: number } } };
  assert.equal(result.command, 'load');
  assert.equal(result.exitCode, out.status);
  assert.equal(result.verdict, out.status === 0 ? 'PASS' : 'FAIL');
  assert.ok(result.summary.jobs.total > 0);
  assert.match(out.stderr, /^jobs: \d+ — completed/m, 'the human summary went to stderr');
});
