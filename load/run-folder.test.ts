// `infercheck load` and its --out under the one run-folder rule (core/run-folder.ts, issue 13 on issue 11's engine):
// every flag, the key, the objectives and --out are checked before any file is touched, so a usage error keeps the
// previous run's files; a new run moves them aside — its spend ledger too — and removes them once its own run.json is
// written; a folder holding files infercheck did not write is refused.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { RUN_MARKER } from '../core/run-folder.ts';
import { runLoad } from './run.ts';

const BIN = fileURLToPath(new URL('../bin/infercheck.mjs', import.meta.url));
const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'infercheck-load-folder-'));
  dirs.push(dir);
  return dir;
};
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A previous run's files, as a run from before the marker left them. */
function previousRun(dir: string): Record<string, string> {
  const files = { 'run.json': '{"previous":true}\n', 'summary.json': '{"previous":true}\n', 'jobs.ndjson': '{"previous":1}\n', 'spend.ndjson': '{"op":"open"}\n' };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return files;
}

function contents(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}

test('a usage error found late in the checks — the key, the objectives, --out — touches no file of the previous run', () => {
  const out = tempDir();
  const before = previousRun(out);
  const env = { ...process.env, IC_NO_KEY: '' };
  const sla = join(tempDir(), 'typo.yaml');
  writeFileSync(sla, 'objectives:\n  - { metric: e2e_ms, stat: p95, op: "<=", value: 8, unit: s, model: sd15 }\n');
  const cases: Array<[string[], RegExp]> = [
    // issue 13: `load --target live` without a key was a usage error after run.json, summary.json, jobs.ndjson were deleted
    [['--target', 'live', '--max-billable', '5', '--api-key-env', 'IC_NO_KEY'], /IC_NO_KEY/],
    [['--sla', sla], /unknown model "sd15"/],
    [['--slo', sla], /unknown model "sd15"/],
    [['--duration', 'soon'], /--duration/],
  ];
  for (const [args, message] of cases) {
    const r = spawnSync(process.execPath, [BIN, 'load', '--scenario', 'async', '--no-progress', '--out', out, ...args], { encoding: 'utf8', env });
    assert.equal(r.status, 2, args.join(' ') + r.stderr);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, message);
    assert.deepEqual(contents(out), before, args.join(' '));
  }
  // a folder with a file infercheck did not write is refused, and nothing in it changes
  const foreign = tempDir();
  writeFileSync(join(foreign, 'package.json'), '{}');
  const r = spawnSync(process.execPath, [BIN, 'load', '--scenario', 'async', '--no-progress', '--out', foreign], { encoding: 'utf8' });
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /holds files infercheck did not write \(package\.json\)/);
  assert.deepEqual(readdirSync(foreign), ['package.json']);
});

test('a new run replaces the previous run’s files, its ledger included, and leaves a user’s own file alone', { timeout: 60_000 }, async () => {
  const out = tempDir();
  previousRun(out);
  const options = { scenario: 'async', rate: 4, durationS: 1, maxBillable: 50, out, capture: true, seed: 3 } as const;
  const first = await runLoad(options);
  assert.equal(first.exitCode, 0, first.log);
  assert.ok(existsSync(join(out, RUN_MARKER)), 'the folder now carries its marker');
  assert.notEqual(readFileSync(join(out, 'run.json'), 'utf8'), '{"previous":true}\n');
  writeFileSync(join(out, 'notes.txt'), 'mine');
  const firstLedger = readFileSync(join(out, 'spend.ndjson'), 'utf8');
  const second = await runLoad(options);
  assert.equal(second.exitCode, 0, second.log);
  assert.equal(readFileSync(join(out, 'notes.txt'), 'utf8'), 'mine');
  assert.notEqual(readFileSync(join(out, 'spend.ndjson'), 'utf8'), firstLedger, 'a ledger of its own');
  // one ledger, no copies beside it, nothing left aside: the one rule, not a second one for spend.ndjson
  assert.deepEqual(readdirSync(out).sort(), [RUN_MARKER, 'jobs.ndjson', 'notes.txt', 'run.json', 'spend.ndjson', 'summary.json', 'truth.ndjson'].sort());
  assert.equal(second.summary.spend.sent, second.summary.jobs.total, 'the new ledger counts this run only');
});
