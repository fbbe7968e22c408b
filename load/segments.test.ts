// Two instances, each one segment of the schedule, against one mock, submit exactly the jobs one instance submits
// alone: the same job indices, models and count, and the budget cap holds for their sum.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { startMock } from '../mock/index.ts';
import type { JobRecord } from '../core/result-files.ts';
import { runLoad, type LoadOptions } from './run.ts';
import { equalSegments, runSegmented } from './segments.ts';

const out = mkdtempSync(join(tmpdir(), 'infercheck-segments-'));
after(() => rmSync(out, { recursive: true, force: true }));

const key = (jobs: readonly JobRecord[]): string[] => jobs.map((j) => `${(j as JobRecord & { job_index: number }).job_index}:${j.model}:${j.params_digest}`).sort();

test('segments of a split', () => {
  assert.deepEqual(equalSegments(2), ['0/2', '1/2']);
  assert.deepEqual(equalSegments(3), ['0/3', '1/3', '2/3']);
});

test('two segments on one machine give the same jobs as one run', { timeout: 120_000 }, async (t) => {
  const mock = await startMock({ profile: 'ci', workers: 4 });
  try {
    const base: LoadOptions = {
      scenario: 'async',
      rate: 8,
      durationS: 3,
      seed: 21,
      capture: true,
      poll: 'adaptive',
      mock: { url: mock.url, apiKey: mock.apiKey, truth: { workers: 4, profile: 'ci' } },
      jobTimeoutS: 20,
    };
    const whole = await runLoad({ ...base, out: join(out, 'whole') });
    const split = await runSegmented(base, 2, join(out, 'split'));
    assert.equal(whole.exitCode, 0, whole.log);
    for (const part of split.parts) assert.equal(part.exitCode, 0, part.log);
    t.diagnostic(`one instance: ${whole.jobs.length} jobs; two segments: ${split.parts.map((p) => p.jobs.length).join(' + ')} = ${split.jobs.length}`);
    assert.ok(whole.jobs.length >= 10);
    assert.deepEqual(key(split.jobs), key(whole.jobs));
    assert.ok(split.parts.every((p) => p.jobs.length > 0 && p.jobs.length < whole.jobs.length), 'each segment ran its share');
    assert.equal(split.jobs.filter((j) => j.final_status === 'COMPLETED').length, whole.jobs.filter((j) => j.final_status === 'COMPLETED').length);

    // a budget smaller than the schedule caps the sum of the segments, not each one
    const capped = await runSegmented({ ...base, target: 'mock', maxBillable: 5 }, 2, join(out, 'capped'));
    assert.equal(capped.jobs.length, 5);
  } finally {
    await mock.close();
  }
});
