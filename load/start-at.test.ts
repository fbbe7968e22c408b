// --start-at: the engine puts its schedule on the common instant (not on the moment it happened to be ready), so
// instances started at different moments still interleave; a start in the past or too far ahead is refused before
// anything is touched; --label and the test id are recorded in run.json.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { LoadRunMeta } from '../core/result-files.ts';
import { UsageError } from '../core/target.ts';
import { runLoad } from './run.ts';

const out = mkdtempSync(join(tmpdir(), 'infercheck-start-at-'));
after(() => rmSync(out, { recursive: true, force: true }));

test('arrivals are due from the common start instant, and run.json says which test and where', { timeout: 60_000 }, async () => {
  const startAt = new Date(Date.now() + 2_500).toISOString();
  const startMs = Date.parse(startAt);
  const result = await runLoad({ scenario: 'async', rate: 20, durationS: 1, seed: 5, startAt, labels: { region: 'eu-west' }, out: join(out, 'a', 'load'), capture: true });
  assert.equal(result.exitCode, 0, result.log);
  assert.match(result.log, /waiting \d\.\d s for the common start/);
  assert.ok(result.jobs.length >= 5);
  // each job leaves at start + its offset: none before the instant, and the lag is measured from it
  for (const job of result.jobs) assert.ok(job.submit_at_ms >= startMs - 1, `job ${job.job_index} left ${startMs - job.submit_at_ms} ms before the start`);
  const first = Math.min(...result.jobs.map((j) => j.submit_at_ms));
  assert.ok(first - startMs < 1_000, 'the first arrival of a 20/s stream is due within the first second');
  assert.ok(result.jobs.every((j) => (j.start_lag_ms ?? 0) < 200), 'start lags are measured from the common instant');
  const meta = JSON.parse(readFileSync(join(out, 'a', 'load', 'run.json'), 'utf8')) as LoadRunMeta;
  assert.equal(meta.startAt, startAt);
  assert.deepEqual(meta.labels, { region: 'eu-west' });
  assert.match(meta.testId!, /^t-[0-9a-f]{12}$/);
});

test('the test id is the settings’: equal settings give one id, another rate, seed or start another', async () => {
  const { derivedTestId } = await import('./run.ts');
  const base = { scenario: 'async', target: { kind: 'mock' as const }, models: ['a', 'b'], stages: [{ tag: 'rate=8', rate: 8, durationS: 3 }], seed: 21, arrivals: 'poisson' as const, poll: 'adaptive' as const };
  const id = derivedTestId(base as never);
  assert.equal(derivedTestId({ ...base, models: ['b', 'a'] } as never), id);
  for (const other of [{ seed: 22 }, { stages: [{ tag: 'rate=8', rate: 9, durationS: 3 }] }, { startAt: '2026-12-01T09:00:00Z' }, { target: { kind: 'url', baseUrl: 'http://127.0.0.1:1' } }]) {
    assert.notEqual(derivedTestId({ ...base, ...other } as never), id, JSON.stringify(other));
  }
});

test('a start in the past or hours ahead, or a bad label, is a usage error and touches nothing', async () => {
  const cases: Array<[Record<string, unknown>, RegExp]> = [
    [{ startAt: new Date(Date.now() - 60_000).toISOString() }, /^--start-at .* in the past/],
    [{ startAt: new Date(Date.now() + 3 * 3_600_000).toISOString() }, /^--start-at .* ahead, more than the 1 h allowed/],
    [{ startAt: '2026-12-01 09:00' }, /^--start-at must be an ISO-8601 instant/],
    [{ labels: { Region: 'eu' } }, /lower-case key/],
    [{ metricsHost: '0.0.0.0' }, /--metrics-host needs --metrics-port/],
    [{ otlp: 'collector:4318' }, /--otlp must be an http\(s\) URL/],
  ];
  for (const [extra, pattern] of cases) {
    const dir = join(out, 'refused', 'load');
    await assert.rejects(runLoad({ scenario: 'async', rate: 5, durationS: 1, out: dir, capture: true, ...extra }), (err: unknown) => err instanceof UsageError && pattern.test(err.message), pattern.source);
    assert.equal(existsSync(join(out, 'refused')), false, 'nothing was written');
  }
});
