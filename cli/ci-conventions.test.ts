// The main job as CI sees it (issue 14): under CI=true and --json, stdout is one result document and nothing else;
// the console shows one contract table — no Playwright list beside it — with the counts the JUnit file and the HTML
// report give; the run folder holds one junit.xml, with time on every test case and timestamp on each suite; nothing
// is animated and no colour code is printed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';

const BIN = fileURLToPath(new URL('../bin/infercheck.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'infercheck-ci-run-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function filesNamed(root: string, name: string): string[] {
  return readdirSync(root).flatMap((entry) => {
    const path = join(root, entry);
    return statSync(path).isDirectory() ? filesNamed(path, name) : entry === name ? [path] : [];
  });
}

test('infercheck run --json under CI: one result on stdout, one table, one JUnit file, the same counts everywhere', { timeout: 180_000 }, () => {
  const out = join(dir, 'run');
  const run = spawnSync(process.execPath, [BIN, 'run', '--out', out, '--duration', '2s', '--rate', '4', '--json'], { encoding: 'utf8', env: { ...process.env, CI: 'true', NO_COLOR: '1' } });
  assert.equal(run.status, 0, run.stderr.slice(-3000));

  const result = JSON.parse(run.stdout) as { schema: string; command: string; exitCode: number; verdict: string; checks: { passed: number; failedChecks: number; skipped: number }; files: string[] };
  assert.equal(run.stdout.trim().split('\n').length, 1, 'stdout is the one JSON document');
  assert.deepEqual([result.schema, result.command, result.exitCode], ['infercheck/cli-result@1', 'run', 0]);
  assert.match(result.verdict, /^(PASS|INCONCLUSIVE)$/, 'a 2 s load run may be too short to decide a p95; nothing failed');

  const counts = `${result.checks.passed} passed, ${result.checks.failedChecks} failed, ${result.checks.skipped} skipped`;
  const consoleCounts = [...run.stderr.matchAll(/(\d+) passed, (\d+) failed, (\d+) skipped/g)].map((m) => m[0]);
  assert.ok(consoleCounts.length > 0 && consoleCounts.every((c) => c === counts), `console ${JSON.stringify(consoleCounts)} vs ${counts}`);
  assert.equal((run.stderr.match(/^ {2}verdict {2}check/gm) ?? []).length, 1, 'one contract table');
  assert.doesNotMatch(run.stderr, /^\s+✓|^\s+\d+ passed \(/m, "no Playwright list beside infercheck's table");
  assert.doesNotMatch(run.stderr + run.stdout, /\u001b\[/, 'no colour or cursor codes under CI / NO_COLOR');

  assert.deepEqual(filesNamed(out, 'junit.xml'), [join(out, 'junit.xml')], 'one JUnit file in the run folder');
  const junit = readFileSync(join(out, 'junit.xml'), 'utf8');
  assert.match(junit, new RegExp(`<property name="counts" value="${counts}`));
  for (const suite of junit.match(/<testsuite [^>]*>/g) ?? []) assert.match(suite, / timestamp="\d{4}-\d\d-\d\dT[\d:.]+" time="\d+\.\d{3}"/, suite);
  for (const testcase of junit.match(/<testcase [^>]*>/g) ?? []) assert.match(testcase, / time="\d+\.\d{3}"/, testcase);
  const checks = JSON.parse(readFileSync(join(out, 'contracts', 'outcomes.json'), 'utf8')) as { checks: unknown[] };
  assert.match(junit, new RegExp(`<testsuite name="contracts" tests="${checks.checks.length}" failures="${result.checks.failedChecks}" errors="0" skipped="${result.checks.skipped}"`));
  assert.ok(readFileSync(join(out, 'index.html'), 'utf8').includes(counts), 'the HTML report gives the same counts');
});
