// Two instances, each one segment of the schedule, against one mock, submit exactly the jobs one instance submits
// alone: the same job indices, models and count, and the budget cap holds for their sum. Their run.json files carry
// what `report --merge` and the gate check (seed, segment, test id, spec version), so the merge takes exactly the
// segments of one test and the gate's spec-version rule holds on real runs, not only on generated fixtures.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { startMock } from '../mock/index.ts';
import type { JobRecord, LoadRunMeta } from '../core/result-files.ts';
import { UsageError } from '../core/target.ts';
import { buildResults } from '../reports/build-results.ts';
import { compareResults } from '../reports/gate.ts';
import { mergeResults } from '../reports/merge-results.ts';
import { SPEC_VERSION } from '../spec/generated/operations.ts';
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
    const whole = await runLoad({ ...base, out: join(out, 'whole', 'load') });
    const split = await runSegmented(base, 2, join(out, 'split'));
    assert.equal(whole.exitCode, 0, whole.log);
    for (const part of split.parts) assert.equal(part.exitCode, 0, part.log);
    t.diagnostic(`one instance: ${whole.jobs.length} jobs; two segments: ${split.parts.map((p) => p.jobs.length).join(' + ')} = ${split.jobs.length}`);
    assert.ok(whole.jobs.length >= 10);
    assert.deepEqual(key(split.jobs), key(whole.jobs));
    assert.ok(split.parts.every((p) => p.jobs.length > 0 && p.jobs.length < whole.jobs.length), 'each segment ran its share');
    assert.equal(split.jobs.filter((j) => j.final_status === 'COMPLETED').length, whole.jobs.filter((j) => j.final_status === 'COMPLETED').length);

    // what the engine records is what the merge checks: the two segments merge into the whole test's jobs …
    const meta = (dir: string): LoadRunMeta => JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')) as LoadRunMeta;
    const [a, b] = split.parts.map((p) => p.outDir) as [string, string];
    assert.deepEqual([meta(a).seed, meta(a).segment, meta(a).specVersion], [21, '0/2', SPEC_VERSION]);
    assert.equal(meta(whole.outDir).segment, undefined);
    const results = (dir: string): ReturnType<typeof buildResults> => buildResults(join(dir, '..')); // dir: the load/ of a run
    const merged = mergeResults([results(a), results(b)], [a, b]);
    assert.equal(merged.load!.jobCount, whole.jobs.length);
    // … and nothing else does: a whole run, the same segment twice, another seed, another test id
    const refused = (dirs: string[], pattern: RegExp): void =>
      assert.throws(() => mergeResults(dirs.map(results), dirs), (err: unknown) => err instanceof UsageError && pattern.test(err.message), pattern.source);
    refused([a, whole.outDir], /it is a whole run, not a segment of a split test/);
    cpSync(join(out, 'split'), join(out, 'split-copy'), { recursive: true });
    refused([a, join(out, 'split-copy', 'segment-0', 'load')], /both ran segment 0\/2/);
    const reseeded = await runLoad({ ...base, seed: 22, durationS: 1, segment: '1/2', out: join(out, 'reseeded', 'load') });
    refused([a, reseeded.outDir], /different schedule seeds \(21 and 22\)/);
    const named = await runLoad({ ...base, durationS: 1, segment: '1/2', testId: 'nightly-7', out: join(out, 'named', 'load') });
    refused([a, named.outDir], /different test ids \("t-[0-9a-f]{12}" and "nightly-7"\)/);
    // the test id instances share without being told: derived from the settings, the same for every segment
    assert.match(meta(a).testId!, /^t-[0-9a-f]{12}$/);
    assert.equal(meta(b).testId, meta(a).testId);

    // the gate compares runs of one spec version only: the version the engine wrote is the one it reads
    const wholeRun = join(out, 'whole');
    const older = join(out, 'older-spec');
    cpSync(wholeRun, older, { recursive: true });
    writeFileSync(join(older, 'load', 'run.json'), JSON.stringify({ ...meta(join(wholeRun, 'load')), specVersion: '2025.01.01' }));
    assert.throws(() => compareResults(buildResults(older), buildResults(wholeRun)), (err: unknown) => err instanceof UsageError && /spec version: 2025\.01\.01 \(baseline\) vs 2026/.test(err.message));

    // a budget smaller than the schedule caps the sum of the segments, not each one
    const capped = await runSegmented({ ...base, target: 'mock', maxBillable: 5 }, 2, join(out, 'capped'));
    assert.equal(capped.jobs.length, 5);
  } finally {
    await mock.close();
  }
});
