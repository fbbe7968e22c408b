// The engine fails safe (issue 11): a refused, frozen or dying vendor ends the run with exit 3 and one line naming it,
// files kept and the run marked cut short; a submit whose outcome is unknown is never re-sent; GETs are retried; a
// completed job whose result read failed is "completed, result unread"; SIGTERM / SIGINT (to `load`, or to `run`
// around it) stop arrivals, give jobs in flight a bounded grace, write every file and leave no process behind.
// Each case a few seconds, against scripted vendors or the embedded mock on 127.0.0.1.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import type { JobRecord, LoadRunMeta, LoadSummary } from '../core/result-files.ts';
import { runLoad, type LoadOptions } from './run.ts';
import { startScriptedVendor, type Action, type Route } from '../core/testing/scripted-vendor.ts';
import { VENDOR_KEY } from '../core/testing/vendor-script.ts';

const BIN = fileURLToPath(new URL('../bin/infercheck.mjs', import.meta.url));
const KEY = VENDOR_KEY; // the scripted vendor's key (a wrong one is a 401, not what these tests are about)
const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'infercheck-failsafe-'));
  dirs.push(dir);
  return dir;
};
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const against = (url: string, over: Partial<LoadOptions>): LoadOptions => ({
  scenario: 'async',
  target: url,
  maxBillable: 100,
  apiKeyEnv: 'IC_FAILSAFE_KEY',
  env: { ...process.env, IC_FAILSAFE_KEY: KEY },
  out: tempDir(),
  capture: true,
  seed: 5,
  poll: 'adaptive',
  expectedInferenceMs: 20,
  ...over,
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A vendor that goes away: it takes one connection (the run's connect check), then refuses every other. */
async function portThatDiesAfterOneConnection(): Promise<number> {
  const server = createServer((socket) => {
    socket.destroy();
    server.close();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

function files(out: string): { meta: LoadRunMeta; summary: LoadSummary; jobs: JobRecord[] } {
  return {
    meta: JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as LoadRunMeta,
    summary: JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as LoadSummary,
    jobs: readFileSync(join(out, 'jobs.ndjson'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as JobRecord),
  };
}

test('a vendor that is not there: one line naming it, exit 3, and nothing touched', async () => {
  const url = `http://127.0.0.1:${await closedPort()}`;
  const out = join(tempDir(), 'never-written');
  const cli = spawnSync(process.execPath, [BIN, 'load', '--target', url, '--max-billable', '5', '--api-key-env', 'IC_FAILSAFE_KEY', '--scenario', 'async', '--rate', '10', '--duration', '20s', '--out', out], {
    encoding: 'utf8',
    env: { ...process.env, IC_FAILSAFE_KEY: KEY },
  });
  assert.equal(cli.status, 3, cli.stderr);
  assert.equal(cli.stderr, `infercheck: cannot connect to ${url} (ECONNREFUSED)\n`);
  assert.equal(existsSync(out), false, 'no file is touched');
});

test('a vendor that stops answering: one line, exit 3, files kept, run cut short, nothing counted as spent', { timeout: 30_000 }, async () => {
  const url = `http://127.0.0.1:${await portThatDiesAfterOneConnection()}`;
  const started = Date.now();
  const result = await runLoad(against(url, { rate: 20, durationS: 20, unreachableAfterS: 1 }));
  assert.ok(Date.now() - started < 8000, 'the run ended soon after the span, not after its 20 s');
  assert.equal(result.exitCode, 3);
  assert.match(result.log, /^load: target unreachable since \d{4}-\d\d-\d\dT[\d:.]+Z: ECONNREFUSED$/m);
  const { meta, summary, jobs } = files(result.outDir);
  assert.equal(meta.exitCode, 3);
  assert.equal(meta.cutShort?.reason, 'target-unreachable');
  assert.ok(jobs.length > 0 && jobs.every((j) => j.final_status === 'ERROR' && j.error === 'ECONNREFUSED'));
  assert.equal(summary.http.refused, jobs.length);
  assert.equal(summary.spend.billed, 0);
  assert.equal(summary.spend.unknown, 0, 'a refused connection was never sent: its budget unit came back');
  assert.equal(summary.spend.notSent, jobs.length);
  assert.ok(summary.arrivals.skippedStopped > 0, 'arrivals stopped');

  // the CLI: exactly one line on stderr, naming it; exit 3
  const dying = `http://127.0.0.1:${await portThatDiesAfterOneConnection()}`;
  // spawned, not spawnSync: the dying vendor lives in this process and must take its one connection meanwhile
  const child = spawn(process.execPath, [BIN, 'load', '--target', dying, '--max-billable', '5', '--api-key-env', 'IC_FAILSAFE_KEY', '--scenario', 'async', '--rate', '10', '--duration', '20s', '--unreachable-after', '1s', '--no-progress', '--out', tempDir()], {
    env: { ...process.env, IC_FAILSAFE_KEY: KEY },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const cli = { status, stdout, stderr };
  assert.equal(cli.status, 3, cli.stderr);
  assert.deepEqual(cli.stderr.trim().split('\n').length, 1, cli.stderr);
  assert.match(cli.stderr, /target unreachable since .*: ECONNREFUSED/);
  assert.ok(!cli.stdout.includes(KEY) && !cli.stderr.includes(KEY));
});

test('a frozen vendor cannot hang the run: request timeouts, exit 3, submits without answer are unknown and never re-sent', { timeout: 30_000 }, async () => {
  const vendor = await startScriptedVendor({ intercept: () => 'freeze' });
  try {
    const started = Date.now();
    const result = await runLoad(against(vendor.url, { rate: 5, durationS: 20, requestTimeoutS: 1, unreachableAfterS: 1 }));
    assert.ok(Date.now() - started < 8000, `${Date.now() - started} ms`);
    assert.equal(result.exitCode, 3);
    const { meta, summary, jobs } = files(result.outDir);
    assert.equal(meta.cutShort?.reason, 'target-unreachable');
    assert.match(meta.cutShort?.message ?? '', /UND_ERR_HEADERS_TIMEOUT/);
    assert.ok(jobs.length > 0 && jobs.every((j) => j.final_status === 'UNKNOWN'));
    assert.equal(vendor.received.submit, jobs.length, 'each submit sent once');
    assert.equal(summary.jobs.unknownSubmits, jobs.length);
    assert.equal(summary.spend.unknown, jobs.length, 'an unanswered submit may have been billed: it stays spent');
  } finally {
    await vendor.close();
  }
});

test('a vendor that dies mid-run: exit 3, the jobs done before it died are kept', { timeout: 30_000 }, async () => {
  const vendor = await startScriptedVendor();
  setTimeout(() => void vendor.kill(), 1200);
  try {
    const result = await runLoad(against(vendor.url, { rate: 10, durationS: 10, unreachableAfterS: 0.5, requestTimeoutS: 2 }));
    assert.equal(result.exitCode, 3);
    const { meta, jobs } = files(result.outDir);
    assert.equal(meta.cutShort?.reason, 'target-unreachable');
    assert.ok(jobs.filter((j) => j.final_status === 'COMPLETED').length >= 3, 'jobs before the death completed and were written');
  } finally {
    await vendor.close();
  }
});

test('a submit whose connection drops is UNKNOWN and never re-sent; dropped connections and codes are counted', { timeout: 30_000 }, async () => {
  const vendor = await startScriptedVendor({ intercept: (route: Route, nth: number): Action => (route === 'submit' && nth === 1 ? 'drop' : 'normal') });
  try {
    const result = await runLoad(against(vendor.url, { rate: 8, durationS: 1, arrivals: 'even', slo: { confidence: 0.95, objectives: [{ kind: 'rate', metric: 'success_rate', op: '>=', value: 0.5 }] } }));
    assert.equal(result.exitCode, 0, result.log);
    const { summary, jobs } = files(result.outDir);
    assert.equal(vendor.received.submit, jobs.length, 'no submit was sent twice');
    const unknown = jobs.filter((j) => j.final_status === 'UNKNOWN');
    assert.equal(unknown.length, 1);
    assert.match(unknown[0]!.error ?? '', /UND_ERR_SOCKET|ECONNRESET/);
    assert.equal(summary.jobs.unknownSubmits, 1);
    assert.equal(summary.http.droppedConnections, 1);
    assert.equal(summary.http.byCode['0'], 1, 'no answer is counted as code 0');
    assert.equal(summary.spend.unknown, 1);
    assert.equal(summary.spend.billed, jobs.length - 1);
  } finally {
    await vendor.close();
  }
});

test('GETs are retried after a 5xx; a result read that keeps failing leaves the job completed, result unread', { timeout: 30_000 }, async () => {
  const vendor = await startScriptedVendor({ intercept: (route: Route, nth: number): Action => (route === 'status' && nth === 0 ? { status: 503 } : route === 'result' ? { status: 502 } : 'normal') });
  try {
    const result = await runLoad(against(vendor.url, { rate: 4, durationS: 1, arrivals: 'even' }));
    assert.equal(result.exitCode, 0, result.log);
    const { summary, jobs } = files(result.outDir);
    assert.ok(jobs.length >= 3);
    for (const job of jobs) {
      assert.equal(job.final_status, 'COMPLETED', 'the vendor finished (and billed) it: not an error');
      assert.equal(job.result_read, false);
      assert.equal(job.final_code, 502);
    }
    assert.equal(vendor.received.result, jobs.length * 4, 'the result read was tried once and retried three times');
    assert.ok(summary.http.retries >= 1 + jobs.length * 3);
    assert.equal(summary.jobs.resultUnread, jobs.length);
    assert.equal(summary.http.byEndpoint['getRequestStatus']?.['503'], 1);
  } finally {
    await vendor.close();
  }
});

test('the overall deadline abandons what is still in flight: exit 3, cut short, every started job written', { timeout: 30_000 }, async () => {
  const vendor = await startScriptedVendor({ intercept: (route) => (route === 'status' ? 'freeze' : 'normal') });
  try {
    const result = await runLoad(against(vendor.url, { rate: 5, durationS: 1, deadlineS: 2, requestTimeoutS: 30, unreachableAfterS: 60 }));
    assert.equal(result.exitCode, 3);
    const { meta, jobs, summary } = files(result.outDir);
    assert.equal(meta.cutShort?.reason, 'deadline');
    assert.equal(jobs.length, summary.arrivals.started);
    assert.ok(jobs.every((j) => j.final_status === 'ABANDONED'));
  } finally {
    await vendor.close();
  }
});

test('end-to-end of polled jobs: the estimate ± bound holds the mock’s own completion; observed beside it', { timeout: 30_000 }, async () => {
  const out = tempDir();
  const result = await runLoad({ scenario: 'async', out, capture: true, rate: 4, durationS: 2, poll: 'fixed', seed: 8 });
  assert.equal(result.exitCode, 0, result.log);
  const truth = new Map(
    readFileSync(join(out, 'truth.ndjson'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { request_id: string; finished_at_ms: number; submitted_at_ms: number })
      .map((t) => [t.request_id, t]),
  );
  for (const job of result.jobs) {
    const t = truth.get(job.request_id!)!;
    const trueE2e = t.finished_at_ms - job.submit_at_ms;
    assert.ok(Math.abs(job.e2e_est_ms! - trueE2e) <= job.e2e_bound_ms! + 1.5, `true ${trueE2e} vs ${job.e2e_est_ms} ± ${job.e2e_bound_ms}`);
    assert.ok(job.e2e_ms! >= job.e2e_est_ms!, 'the client sees the end only at its next poll');
  }
  const beside = result.summary.estimates.e2e!;
  assert.ok(beside.observedP50 > beside.estimateP50, 'the SDK loop observes the end later than it happened');
});

test('SIGTERM to `load`: arrivals stop at once, jobs in flight get the grace, every file is written, exit 143', { timeout: 60_000 }, async () => {
  const out = tempDir();
  const child = spawn(process.execPath, [BIN, 'load', '--scenario', 'async', '--rate', '5', '--duration', '60s', '--grace', '3s', '--no-progress', '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const jobsFile = join(out, 'jobs.ndjson');
  for (let i = 0; i < 200 && !(existsSync(jobsFile) && readFileSync(jobsFile, 'utf8').length > 0); i++) await new Promise((r) => setTimeout(r, 50));
  const signalled = Date.now();
  child.kill('SIGTERM');
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  assert.equal(code, 143, stderr);
  assert.ok(Date.now() - signalled < 6000, 'stopped within the grace');
  const { meta, summary, jobs } = files(out);
  assert.equal(meta.cutShort?.reason, 'signal');
  assert.equal(meta.exitCode, 143);
  assert.ok(summary.arrivals.skippedStopped > 200, 'the rest of the 60 s schedule never started');
  assert.equal(jobs.length, summary.arrivals.started);
  assert.match(stderr, /SIGTERM: no new jobs/);
});

test('SIGINT to `run` reaches the load stage it runs; `run` waits for it and leaves no process behind', { timeout: 90_000 }, async () => {
  const out = tempDir();
  const run = spawn(process.execPath, [BIN, 'run', '--no-contracts', '--duration', '60', '--rate', '4', '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  run.stdout.on('data', (d: Buffer) => (output += d.toString()));
  run.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const jobsFile = join(out, 'load', 'jobs.ndjson');
  for (let i = 0; i < 400 && !(existsSync(jobsFile) && readFileSync(jobsFile, 'utf8').length > 0); i++) await new Promise((r) => setTimeout(r, 50));
  const children = spawnSync('ps', ['-o', 'pid=', '--ppid', String(run.pid)], { encoding: 'utf8' }).stdout.split('\n').map((s) => Number(s.trim())).filter((n) => n > 0);
  assert.equal(children.length, 1, 'the load stage runs as one child');
  run.kill('SIGINT');
  const code = await new Promise<number | null>((resolve) => run.on('close', (c) => resolve(c)));
  assert.equal(code, 130, output.slice(-2000));
  const alive = children.filter((pid) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  });
  assert.deepEqual(alive, [], 'no stage outlives `run`');
  const meta = JSON.parse(readFileSync(join(out, 'load', 'run.json'), 'utf8')) as LoadRunMeta;
  assert.equal(meta.cutShort?.reason, 'signal');
  assert.ok(existsSync(join(out, 'results.json')), 'the report was still written from what was done');
  assert.match(output, /CUT SHORT: stopped by SIGINT/);
});
