// Merging the folders of a split test (load --segment i/N) is exact: the merged percentiles equal the whole's.
// And only the segments of one test merge (issue 13): the same run twice, two whole runs, another seed or target
// would inflate every count and every confidence statement.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../core/target.ts';
import { buildResults } from './build-results.ts';
import { generateRun, NPM_START_FIXTURE, SMOKE_FIXTURE, SWEEP_FIXTURE } from './fixtures/generate-run.ts';
import { mergeResults } from './merge-results.ts';
import { orderedSample } from './samples.ts';
import { sampleQuantile } from './stats/order-statistics.ts';

const repo = fileURLToPath(new URL('..', import.meta.url));
let dir: string;

/** Rewrites a folder's run.json fields (the segment an instance ran, its seed). */
function editMeta(folder: string, fields: Record<string, unknown>): void {
  const path = join(folder, 'load', 'run.json');
  writeFileSync(path, JSON.stringify({ ...JSON.parse(readFileSync(path, 'utf8')), ...fields }));
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'infercheck-merge-'));
  generateRun(join(dir, 'whole'), SMOKE_FIXTURE);
  // split the jobs between two "instances" the way `load --segment 0/2` and `1/2` would
  const lines = readFileSync(join(dir, 'whole', 'load', 'jobs.ndjson'), 'utf8').trim().split('\n');
  for (const [name, keep, segment] of [['a', 0, '0/2'], ['b', 1, '1/2']] as const) {
    cpSync(join(dir, 'whole'), join(dir, name), { recursive: true });
    writeFileSync(join(dir, name, 'load', 'jobs.ndjson'), lines.filter((_, i) => i % 2 === keep).join('\n') + '\n');
    editMeta(join(dir, name), { segment });
  }
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('raw and histogram merges of two segments give the whole run’s percentiles', () => {
  const whole = buildResults(join(dir, 'whole'));
  const merged = mergeResults([buildResults(join(dir, 'a')), buildResults(join(dir, 'b'))]);
  assert.equal(merged.load!.jobCount, whole.load!.jobCount);
  const mergedHist = mergeResults([buildResults(join(dir, 'a'), { rawSampleLimit: 0 }), buildResults(join(dir, 'b'), { rawSampleLimit: 0 })]);
  assert.equal(mergedHist.load!.samples, 'histogram');
  const wholeHist = buildResults(join(dir, 'whole'), { rawSampleLimit: 0 });
  for (const p of [0.5, 0.95, 0.99]) {
    assert.equal(sampleQuantile(orderedSample(merged.load!, 'e2e_ms'), p), sampleQuantile(orderedSample(whole.load!, 'e2e_ms'), p));
    // HDR counts add exactly: the merged histogram is the whole run's histogram
    assert.equal(sampleQuantile(orderedSample(mergedHist.load!, 'e2e_ms'), p), sampleQuantile(orderedSample(wholeHist.load!, 'e2e_ms'), p));
  }
  // money adds up too
  const credits = (r: typeof whole): number => r.load!.costs!.reduce((t, g) => t + g.credits, 0);
  assert.ok(Math.abs(credits(merged) - credits(whole)) < 1e-9);
});

test('runs of different tests are not merged', () => {
  generateRun(join(dir, 'sweep'), { ...SWEEP_FIXTURE, stageDurationS: 10 });
  assert.throws(() => mergeResults([buildResults(join(dir, 'a')), buildResults(join(dir, 'sweep'))]), UsageError);
});

test('the same run twice is refused, whether as one folder given twice or as a copy', () => {
  const run = join(dir, 'npm-start');
  generateRun(run, NPM_START_FIXTURE);
  cpSync(run, join(dir, 'npm-start-copy'), { recursive: true });
  // issue 13: `report --merge` of the same run twice counted 150 jobs from 75 request ids
  const twice = spawnSync(process.execPath, ['bin/infercheck.mjs', 'report', '--in', run, '--merge', run], { cwd: repo, encoding: 'utf8' });
  assert.equal(twice.status, 2, twice.stdout);
  assert.match(twice.stderr, /^infercheck: .*npm-start is given twice: merging a run with itself would count every job twice\n$/);
  const copy = spawnSync(process.execPath, ['bin/infercheck.mjs', 'report', '--in', run, '--merge', join(dir, 'npm-start-copy')], { cwd: repo, encoding: 'utf8' });
  assert.equal(copy.status, 2, copy.stdout);
  assert.match(copy.stderr, /^infercheck: cannot merge .*npm-start: it is a whole run, not a segment of a split test/);
  assert.equal(copy.stderr.trim().split('\n').length, 1);
});

test('segments merge only with the same seed, target, test id and segment set, each segment once, no request id twice', () => {
  const variant = (name: string, from: string, fields: Record<string, unknown>): string => {
    const path = join(dir, name);
    cpSync(join(dir, from), path, { recursive: true });
    editMeta(path, fields);
    return path;
  };
  const a = buildResults(join(dir, 'a'));
  const cases: Array<[string, RegExp]> = [
    [variant('b-seed', 'b', { seed: 12 }), /different schedule seeds \(11 and 12\)/],
    [variant('b-live', 'b', { target: { kind: 'live', baseUrl: 'https://api.segmind.com' } }), /different targets \("mock" and "live https:\/\/api\.segmind\.com"\)/],
    [variant('b-test', 'b', { testId: 'nightly-8' }), /different test ids \(null and "nightly-8"\)/],
    [variant('b-set', 'b', { segment: '1/3' }), /different segment sets \(split into 2 and into 3\)/],
    [variant('b-twice', 'b', { segment: '0/2' }), /both ran segment 0\/2, so the same jobs would be counted twice/],
    [variant('b-range', 'b', { segment: '1/2:1' }), /its segment "1\/2:1" is not i\/N/],
    [variant('a-again', 'a', { segment: '1/2' }), /request id req-\d+ is also in .*\/a — the same jobs would be counted twice/],
  ];
  for (const [folder, pattern] of cases) {
    assert.throws(() => mergeResults([a, buildResults(folder)], [join(dir, 'a'), folder]), (err: unknown) => err instanceof UsageError && pattern.test(err.message), folder);
  }
});
