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
import { objectivesFrom, writeReport } from './report.ts';
import { analyze } from './analysis.ts';
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

test('a sweep split into three segments: the merged report has the whole run’s verdicts, percentiles and capacity fit', async () => {
  const whole = join(dir, 'sweep-whole');
  generateRun(whole, { ...SWEEP_FIXTURE, stageDurationS: 60 });
  const lines = readFileSync(join(whole, 'load', 'jobs.ndjson'), 'utf8').trim().split('\n');
  const parts = [0, 1, 2].map((k) => {
    const part = join(dir, `sweep-${k}`);
    cpSync(whole, part, { recursive: true });
    writeFileSync(join(part, 'load', 'jobs.ndjson'), lines.filter((_, i) => i % 3 === k).join('\n') + '\n');
    editMeta(part, { segment: `${k}/3` });
    return part;
  });
  const { set, source } = objectivesFrom(undefined);
  const merged = analyze(mergeResults(parts.map((p) => buildResults(p)), parts), set, source);
  const one = analyze(buildResults(whole), set, source);
  assert.ok(one.capacity.length > 0 && one.verdicts.length > 0, 'a sweep has a capacity fit and verdicts');
  // the segments' jobs come in another order than the whole run's: sums of floats may differ in the last bits
  assertSame(merged.capacity, one.capacity, 'capacity');
  assertSame(merged.groups, one.groups, 'groups');
  assertSame(merged.verdicts.map((v) => [v.name, v.detail]), one.verdicts.map((v) => [v.name, v.detail]), 'verdicts');
  assertSame(merged.sweep, one.sweep, 'sweep');
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
    [variant('b-start', 'b', { startAt: '2026-12-01T09:00:00Z' }), /different start instants \(--start-at\) \(null and "2026-12-01T09:00:00Z"\)/],
    [variant('b-range', 'b', { segment: '1/2:1' }), /its segment "1\/2:1" is not i\/N/],
    [variant('a-again', 'a', { segment: '1/2' }), /request id req-\d+ is also in .*\/a — the same jobs would be counted twice/],
  ];
  for (const [folder, pattern] of cases) {
    assert.throws(() => mergeResults([a, buildResults(folder)], [join(dir, 'a'), folder]), (err: unknown) => err instanceof UsageError && pattern.test(err.message), folder);
  }
});

test('folders from two regions: the merge is still the whole test, and each region gets rows exact over its own jobs', async () => {
  const eu = join(dir, 'eu');
  const us = join(dir, 'us');
  cpSync(join(dir, 'a'), eu, { recursive: true });
  cpSync(join(dir, 'b'), us, { recursive: true });
  editMeta(eu, { labels: { region: 'eu-west', team: 'ml' } });
  editMeta(us, { labels: { region: 'us-east', team: 'ml' } });
  const whole = buildResults(join(dir, 'whole'));
  for (const limit of [undefined, 0]) {
    const options = limit === undefined ? {} : { rawSampleLimit: limit };
    const merged = mergeResults([buildResults(eu, options), buildResults(us, options)], [eu, us]);
    const load = merged.load!;
    // the regions change nothing about the whole: the same percentiles as one run over all the jobs
    for (const p of [0.5, 0.95, 0.99]) assert.equal(sampleQuantile(orderedSample(load, 'e2e_ms'), p), sampleQuantile(orderedSample(limit === 0 ? buildResults(join(dir, 'whole'), options).load! : whole.load!, 'e2e_ms'), p));
    assert.deepEqual(load.labels, { team: 'ml' }, 'the merge keeps the labels the folders share');
    const regions = load.regions!;
    assert.deepEqual([...new Set(regions.map((r) => r.region))], ['eu-west', 'us-east']);
    assert.deepEqual(regions.filter((r) => r.region === 'eu-west').map((r) => r.segments), regions.filter((r) => r.region === 'eu-west').map(() => ['0/2']));
    assert.equal(regions.reduce((s, r) => s + r.jobs, 0), load.jobCount);
    // a region's row is that folder's own numbers, as if it had run alone
    const alone = buildResults(eu, options).load!;
    for (const row of regions.filter((r) => r.region === 'eu-west')) {
      const e2e = row.metrics.find((m) => m.metric === 'e2e_ms')!;
      const own = orderedSample(alone, 'e2e_ms', { model: row.model, api: row.api });
      assert.equal(e2e.n, own.n);
      assert.equal(e2e.p95, sampleQuantile(own, 0.95));
      assert.equal(row.jobs, alone.counts.filter((c) => c.model === row.model && c.api === row.api).reduce((s, c) => s + c.jobs, 0));
    }
  }
  // every output shows them, and results.json validates against its schema
  const { files } = await writeReport(eu, { merge: [us] });
  const text = (name: string): string => readFileSync(files.find((f) => f.endsWith(name))!, 'utf8');
  assert.match(text('summary.md'), /### Per region\n[\s\S]*\| eu-west \| 0\/2 \|[\s\S]*\| us-east \| 1\/2 \|/);
  assert.match(text('index.html'), /<section id="regions"><h2>Per region<\/h2>[\s\S]*<td>eu-west<\/td>/);
  assert.equal((JSON.parse(text('results.json')) as { load: { regions: unknown[] } }).load.regions.length, regions(whole).length);
  // one region only: no breakdown
  const plain = mergeResults([buildResults(join(dir, 'a')), buildResults(join(dir, 'b'))]);
  assert.equal(plain.load!.regions, undefined);
});

/** Deep equality, numbers equal to 12 significant digits (the same values, summed in another order). */
function assertSame(actual: unknown, expected: unknown, path: string): void {
  if (typeof actual === 'number' && typeof expected === 'number') {
    assert.ok(actual === expected || Math.abs(actual - expected) <= 1e-12 * Math.max(Math.abs(actual), Math.abs(expected)), `${path}: ${actual} ≠ ${expected}`);
    return;
  }
  if (actual === null || expected === null || typeof actual !== 'object' || typeof expected !== 'object') return assert.deepEqual(actual, expected, path);
  assert.deepEqual(Object.keys(actual).sort(), Object.keys(expected).sort(), path);
  for (const key of Object.keys(expected)) assertSame((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], `${path}.${key}`);
}

/** Region rows two regions give for the (model, api) groups of a run. */
function regions(results: ReturnType<typeof buildResults>): unknown[] {
  const groups = new Set(results.load!.counts.map((c) => `${c.model} ${c.api}`));
  return [...groups].flatMap((g) => [`eu-west ${g}`, `us-east ${g}`]);
}
