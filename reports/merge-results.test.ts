// Merging the folders of a split test (load --segment i/N) is exact: the merged percentiles equal the whole's.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../core/target.ts';
import { buildResults } from './build-results.ts';
import { generateRun, SMOKE_FIXTURE, SWEEP_FIXTURE } from './fixtures/generate-run.ts';
import { mergeResults } from './merge-results.ts';
import { orderedSample } from './samples.ts';
import { sampleQuantile } from './stats/order-statistics.ts';

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'infercheck-merge-'));
  generateRun(join(dir, 'whole'), SMOKE_FIXTURE);
  // split the jobs between two "instances" the way execution segments would
  const lines = readFileSync(join(dir, 'whole', 'load', 'jobs.ndjson'), 'utf8').trim().split('\n');
  for (const [name, keep] of [['a', 0], ['b', 1]] as const) {
    cpSync(join(dir, 'whole'), join(dir, name), { recursive: true });
    writeFileSync(join(dir, name, 'load', 'jobs.ndjson'), lines.filter((_, i) => i % 2 === keep).join('\n') + '\n');
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
});

test('runs of different tests are not merged', () => {
  generateRun(join(dir, 'sweep'), { ...SWEEP_FIXTURE, stageDurationS: 10 });
  assert.throws(() => mergeResults([buildResults(join(dir, 'a')), buildResults(join(dir, 'sweep'))]), UsageError);
});
