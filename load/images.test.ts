// Each completed job records the images it delivered, so the report's cost per image is the vendor's charge over
// what it delivered: v2 counts images[] of the result, v1 the samples asked (issue 13's money on issue 11's engine).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { buildResults } from '../reports/build-results.ts';
import { runLoad } from './run.ts';
import { startScriptedVendor, type Action, type Route } from '../core/testing/scripted-vendor.ts';

const dir = mkdtempSync(join(tmpdir(), 'infercheck-images-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('a v2 job that delivers three images records three, and the report prices each image at a third of the job', { timeout: 30_000 }, async () => {
  const image = (i: number): Record<string, unknown> => ({ url: `http://127.0.0.1/images/${i}.jpg`, content_type: 'image/jpeg' });
  const metrics = { inference_time: 0.02, queue_time: 0, total_time: 0.02, cost: 0.006, remaining_credits: 9.5 };
  const vendor = await startScriptedVendor({
    intercept: (route: Route): Action => (route === 'result' ? { status: 200, body: { status: 'COMPLETED', error: null, output: 'http://127.0.0.1/images/0.jpg', images: [0, 1, 2].map(image), metrics } } : 'normal'),
  });
  try {
    const out = join(dir, 'run', 'load');
    const result = await runLoad({ scenario: 'async', target: vendor.url, maxBillable: 20, apiKeyEnv: 'IC_IMAGES_KEY', env: { ...process.env, IC_IMAGES_KEY: vendor.key }, out, capture: true, rate: 4, durationS: 1, arrivals: 'even', seed: 2 });
    assert.equal(result.exitCode, 0, result.log);
    assert.ok(result.jobs.length >= 3);
    for (const job of result.jobs) assert.deepEqual([job.final_status, job.images, job.server.cost], ['COMPLETED', 3, 0.006]);
    const costs = buildResults(join(dir, 'run')).load!.costs!;
    const priced = costs.reduce((n, g) => n + g.priced, 0);
    assert.equal(priced, result.jobs.length);
    assert.ok(Math.abs(costs.reduce((t, g) => t + g.perImage, 0) / priced - 0.002) < 1e-12, 'cost per image = 0.006 / 3');
  } finally {
    await vendor.close();
  }
});

test('v1 jobs and v2 jobs of the spec’s payloads (samples: 1) record one image each against the mock', { timeout: 30_000 }, async () => {
  const result = await runLoad({ scenario: 'smoke', out: join(dir, 'smoke', 'load'), capture: true, rate: 4, durationS: 1, seed: 2 });
  assert.equal(result.exitCode, 0, result.log);
  const completed = result.jobs.filter((j) => j.final_status === 'COMPLETED');
  assert.ok(completed.some((j) => j.api === 'v1') && completed.some((j) => j.api === 'v2'));
  for (const job of completed) assert.equal(job.images, 1, `${job.api} ${job.request_id}`);
  for (const job of result.jobs.filter((j) => j.final_status !== 'COMPLETED')) assert.equal(job.images, undefined);
});
