// Live metrics while a run runs. One real `infercheck load` against the embedded mock with both exporters on: a scrape
// of /metrics *during* the run reads non-zero counters and histogram buckets, and a tiny OTLP/HTTP receiver on
// 127.0.0.1 decodes the exporter's JSON and finds the same metrics with the run's region. Beside it: the feed maps
// each event to the documented metric (synthetic events, no network), and the docs' metric table and the example
// Grafana dashboard name only metrics that are exported.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { JobRecord } from '../../core/result-files.ts';
import { LoadEvents } from '../events.ts';
import { feedLiveMetrics } from './feed.ts';
import { LIVE_METRICS } from './metrics.ts';
import { startPrometheusEndpoint } from './prometheus.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'infercheck-live-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** `name{labels} value` lines of an exposition, as [name, labels, value]. */
function samples(text: string): Array<{ name: string; labels: Record<string, string>; value: number }> {
  const out: Array<{ name: string; labels: Record<string, string>; value: number }> = [];
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) continue;
    const labels: Record<string, string> = {};
    for (const [, k, v] of (m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[k!] = v!;
    out.push({ name: m[1]!, labels, value: Number(m[3]) });
  }
  return out;
}

const total = (text: string, name: string, where: (labels: Record<string, string>) => boolean = () => true): number =>
  samples(text)
    .filter((s) => s.name === name && where(s.labels))
    .reduce((t, s) => t + s.value, 0);

test('each event lands in its documented metric, with model, api, stage and the run labels', async () => {
  const endpoint = await startPrometheusEndpoint(0, '127.0.0.1', { region: 'eu-west' });
  const events = new LoadEvents();
  const stop = feedLiveMetrics(events, [endpoint], { region: 'eu-west' });
  try {
    const labels = { model: 'sd1.5-scifi', api: 'v2' as const, stage: 'rate=2' };
    events.emit('job-start', labels);
    events.emit('job-start', labels);
    events.emit('answer', labels, 'submitAsync', 200);
    events.emit('billable', labels, 'billed');
    events.emit('answer', labels, 'getRequestStatus', 200);
    events.emit('answer', labels, 'getRequestStatus', 429);
    events.emit('transport-failure', labels, 'getRequestStatus', 'timeout');
    events.emit('retry', labels);
    events.emit('charge', labels, 0.25);
    const job = { ...labels, final_status: 'COMPLETED', e2e_ms: 1500, queue_wait_est_ms: 400, processing_est_ms: 1000, server: {} } as unknown as JobRecord;
    events.emit('job-end', job);
    events.emit('job-gone', labels, 'budget');
    const text = await (await fetch(endpoint.url)).text();
    const region = (l: Record<string, string>): boolean => l['region'] === 'eu-west' && l['model'] === 'sd1.5-scifi' && l['api'] === 'v2' && l['stage'] === 'rate=2';
    assert.equal(total(text, 'infercheck_jobs_started_total', region), 2);
    assert.equal(total(text, 'infercheck_jobs_finished_total', (l) => region(l) && l['status'] === 'completed'), 1);
    assert.equal(total(text, 'infercheck_jobs_in_flight', region), 0);
    assert.equal(total(text, 'infercheck_polls_total', region), 3);
    assert.equal(total(text, 'infercheck_rate_limited_total', region), 1);
    assert.equal(total(text, 'infercheck_http_responses_total', (l) => l['operation'] === 'getRequestStatus' && l['code'] === '0'), 1);
    assert.equal(total(text, 'infercheck_retries_total', region), 1);
    assert.equal(total(text, 'infercheck_billable_requests_total', (l) => region(l) && l['outcome'] === 'billed'), 1);
    assert.equal(total(text, 'infercheck_credits_total', region), 0.25);
    // histograms in seconds: 1.5 s end to end is in the 2.5 s bucket and not in the 1 s one
    assert.equal(total(text, 'infercheck_e2e_seconds_bucket', (l) => region(l) && l['le'] === '2.5'), 1);
    assert.equal(total(text, 'infercheck_e2e_seconds_bucket', (l) => region(l) && l['le'] === '1'), 0);
    assert.equal(total(text, 'infercheck_queue_wait_seconds_sum', region), 0.4);
    assert.equal(total(text, 'infercheck_processing_seconds_count', region), 1);
  } finally {
    stop();
    await endpoint.close();
  }
});

test('the docs name every metric, and the Grafana dashboard queries only metrics the endpoint exports', async () => {
  const readme = readFileSync(join(repo, 'load', 'README.md'), 'utf8');
  for (const metric of Object.values(LIVE_METRICS)) assert.ok(readme.includes(`\`${metric.name}\``), `load/README.md documents ${metric.name}`);
  const dashboard = JSON.parse(readFileSync(join(repo, 'load', 'live-metrics', 'grafana-dashboard.json'), 'utf8')) as { panels: Array<{ targets: Array<{ expr: string }> }> };
  const endpoint = await startPrometheusEndpoint(0, '127.0.0.1', { region: 'x' });
  try {
    // prom-client types `type` as a numeric enum; at run time it is the string
    const isHistogram = (m: { type: unknown }): boolean => String(m.type) === 'histogram';
    const exported = new Set(endpoint.registry.getMetricsAsArray().flatMap((m) => (isHistogram(m) ? [`${m.name}_bucket`, `${m.name}_sum`, `${m.name}_count`] : [m.name])));
    const queried = new Set(dashboard.panels.flatMap((p) => p.targets.flatMap((t) => [...t.expr.matchAll(/\binfercheck_[a-z0-9_]+/g)].map((m) => m[0]))));
    assert.ok(queried.size >= 10, `the dashboard queries ${queried.size} metrics`);
    for (const name of queried) assert.ok(exported.has(name), `the dashboard queries ${name}, which the endpoint exports`);
    for (const metric of Object.values(LIVE_METRICS).filter((m) => m.name !== LIVE_METRICS.retries.name)) {
      assert.ok([...queried].some((q) => q.startsWith(metric.name)), `the dashboard shows ${metric.name}`);
    }
  } finally {
    await endpoint.close();
  }
});

interface OtlpExport {
  readonly receivedAt: number;
  readonly body: { resourceMetrics: Array<{ resource: { attributes: Attribute[] }; scopeMetrics: Array<{ metrics: OtlpMetric[] }> }> };
}
interface Attribute {
  readonly key: string;
  readonly value: { stringValue?: string };
}
interface OtlpMetric {
  readonly name: string;
  readonly sum?: { dataPoints: Array<{ attributes: Attribute[]; asDouble?: number; asInt?: number | string }> };
  readonly histogram?: { dataPoints: Array<{ attributes: Attribute[]; count: number | string; bucketCounts: Array<number | string> }> };
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

test('during a real run: /metrics has non-zero counters and buckets, and an OTLP/HTTP receiver decodes the exports', { timeout: 90_000 }, async () => {
  // the tiny OTLP/HTTP receiver: the exporter posts JSON (OTLP/HTTP's JSON encoding) to /v1/metrics
  const exports: OtlpExport[] = [];
  const contentTypes = new Set<string>();
  const receiver = createServer((req, res) => {
    void body(req).then((text) => {
      contentTypes.add(String(req.headers['content-type']));
      if (req.method === 'POST' && req.url === '/v1/metrics') exports.push({ receivedAt: Date.now(), body: JSON.parse(text) as OtlpExport['body'] });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', () => resolve()));
  const otlp = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/v1/metrics`;

  const child = spawn(
    process.execPath,
    ['bin/infercheck.mjs', 'load', '--scenario', 'async', '--rate', '25', '--duration', '5s', '--seed', '4', '--out', join(tmp, 'run', 'load'), '--no-progress', '--metrics-port', '0', '--otlp', otlp, '--otlp-interval', '500ms', '--label', 'region=eu-west'],
    { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let running = true;
  void exited.then(() => (running = false));
  try {
    // expect.poll, by hand: the URL is printed once the endpoint listens; scrape until the run has numbers
    let url: string | undefined;
    let scrape = '';
    for (let i = 0; i < 200 && running; i++) {
      url ??= /(http:\/\/127\.0\.0\.1:\d+\/metrics)/.exec(stderr)?.[1];
      if (url) {
        scrape = await (await fetch(url)).text();
        if (total(scrape, 'infercheck_jobs_finished_total') >= 10 && total(scrape, 'infercheck_e2e_seconds_count') >= 10) break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(running, `the scrape happened while the run was still running (stderr: ${stderr})`);
    const region = (l: Record<string, string>): boolean => l['region'] === 'eu-west';
    assert.ok(total(scrape, 'infercheck_jobs_started_total', region) >= 10, scrape);
    assert.ok(total(scrape, 'infercheck_polls_total', region) > 0);
    assert.ok(total(scrape, 'infercheck_billable_requests_total', (l) => region(l) && l['outcome'] === 'billed') > 0);
    const buckets = samples(scrape).filter((s) => s.name === 'infercheck_e2e_seconds_bucket' && region(s.labels));
    assert.ok(buckets.some((b) => b.value > 0 && b.labels['le'] !== '+Inf'), 'a finite e2e bucket holds jobs');
    assert.ok(samples(scrape).some((s) => s.name === 'infercheck_queue_wait_seconds_bucket' && s.value > 0));

    assert.equal(await exited, 0, stderr);
    assert.ok(exports.length >= 2, `${exports.length} OTLP exports received`);
    assert.deepEqual([...contentTypes], ['application/json']);
    const last = exports[exports.length - 1]!.body.resourceMetrics[0]!;
    assert.ok(last.resource.attributes.some((a) => a.key === 'region' && a.value.stringValue === 'eu-west'), 'the run label is a resource attribute');
    const metrics = new Map(last.scopeMetrics.flatMap((s) => s.metrics).map((m) => [m.name, m]));
    const started = metrics.get('infercheck_jobs_started_total')?.sum?.dataPoints ?? [];
    assert.ok(started.reduce((t, p) => t + Number(p.asDouble ?? p.asInt ?? 0), 0) >= 10, 'jobs started, decoded from the export');
    assert.ok(started.every((p) => p.attributes.some((a) => a.key === 'region' && a.value.stringValue === 'eu-west')), 'region on every data point');
    const e2e = metrics.get('infercheck_e2e_seconds')?.histogram?.dataPoints ?? [];
    assert.ok(e2e.some((p) => Number(p.count) > 0 && p.bucketCounts.some((c) => Number(c) > 0)), 'an e2e histogram with counts');
    // the final flush carries every job the run finished, even after the last interval
    const run = JSON.parse(readFileSync(join(tmp, 'run', 'load', 'summary.json'), 'utf8')) as { jobs: { total: number } };
    const finished = metrics.get('infercheck_jobs_finished_total')?.sum?.dataPoints ?? [];
    assert.equal(finished.reduce((t, p) => t + Number(p.asDouble ?? p.asInt ?? 0), 0), run.jobs.total);
  } finally {
    if (running) child.kill('SIGKILL');
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
});
