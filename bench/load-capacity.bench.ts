// Capacity of the engine (issue 11, "Must show"), each figure against a baseline measured in the same run:
// 1. 5 000 jobs in flight at once on one core: the engine in its own process pinned to one CPU (taskset), jobs that
//    stay in the mock for tens of seconds (fixed service time; the mock in another process), polled by the SDK's
//    loop. Goal: peak RSS ≤ 300 MB (VmHWM), beside the same process's RSS at rest (node + the engine's modules).
//    Two runs, the same jobs: as the engine runs (its heap growth, load/heap.ts) and with V8's own heuristic
//    (`--heap-growing-percent=0` in the node flags, which the engine leaves alone) — peak RSS and CPU per poll of each.
// 2. Status polls per second through the engine (every answer judged by the conformance judge, timed, recorded) vs
//    autocannon's requests per second against the same bare node:http server, same connection count, alternating
//    rounds. Goal: engine ≥ 50 % of autocannon.
//   npx tsx bench/load-capacity.bench.ts [--in-flight 5000] [--connections 50] [--seconds 8] [--rounds 3]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { runLoad } from '../load/run.ts';
import { ROOT, serve, startMockProcess, stop } from './support/processes.ts';

const { values } = parseArgs({ options: { only: { type: 'string' }, 'in-flight': { type: 'string', default: '5000' }, connections: { type: 'string', default: '50' }, seconds: { type: 'string', default: '8' }, rounds: { type: 'string', default: '3' } } });
const target = Number(values['in-flight']);
const connections = Number(values.connections);
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const taskset = spawnSync('bash', ['-c', 'command -v taskset'], { encoding: 'utf8' }).stdout.trim();

// ── 1. jobs in flight and memory ───────────────────────────────────────────────────────────────────────────────
if (values.only !== 'polls') {
  const serviceMs = 40_000;
  const mock = await startMockProcess({ serviceTime: `fixed:${serviceMs}`, workers: 1024, maxQueueDepth: 100_000, maxRecords: 200_000, seed: 1 });
  const out = mkdtempSync(join(tmpdir(), 'infercheck-capacity-'));
  try {
    const arrivalS = 5;
    const options = {
      scenario: 'async',
      out,
      rate: (target * 1.04) / arrivalS,
      durationS: arrivalS,
      arrivals: 'even',
      poll: 'fixed',
      pollIntervalMs: 2000,
      jobTimeoutS: 150,
      expectedInferenceMs: serviceMs,
      mock: { url: mock.url, apiKey: mock.apiKey, truth: { workers: 1024, profile: 'ci', serviceTime: `fixed:${serviceMs}` } },
    };
    const pin = taskset ? [taskset, '-c', '0'] : [];
    const node = (flags: string[], args: string[]) => spawnSync(pin[0] ?? process.execPath, [...pin.slice(1), ...(pin.length ? [process.execPath] : []), ...flags, '--import', 'tsx', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const rest = node([], ['-e', "import('./load/run.ts').then(() => console.log(Number(/VmHWM:\\s+(\\d+)/.exec(require('fs').readFileSync('/proc/self/status','utf8'))[1]) / 1024))"]);
    const restMb = Number(rest.stdout.trim());
    type Capacity = { exitCode: number; jobs: Record<string, number>; maxInFlight: number; peakRssMb: number; polls: number; cpuMs: number; engine: string };
    const measure = (flags: string[]): Capacity => {
      rmSync(out, { recursive: true, force: true });
      const run = node(flags, ['bench/support/capacity-run.ts', JSON.stringify(options)]);
      if (run.status !== 0) throw new Error(`capacity run failed: ${run.stderr.slice(-2000)}`);
      return JSON.parse(run.stdout.trim().split('\n').pop()!) as Capacity;
    };
    const runs: [string, Capacity][] = [
      ['as the engine runs', measure([])],
      ["V8's own heap growth", measure(['--heap-growing-percent=0'])],
    ];
    const r = runs[0]![1];
    console.log(`in flight: ${taskset ? 'pinned to CPU 0 (taskset)' : 'not pinned (no taskset)'}; ${r.jobs['total']} jobs of ${serviceMs / 1000} s service arriving over ${arrivalS} s, SDK 2 s polling; the same process with the engine loaded and idle: ${restMb.toFixed(0)} MB`);
    for (const [name, c] of runs) {
      console.log(`  ${name.padEnd(22)} (${c.engine.replace(/^.*undici [^,]*, /, '').replace(/\)$/, '')}): most in flight ${c.maxInFlight} (goal ≥ ${target}: ${c.maxInFlight >= target ? 'MET' : 'NOT MET'}), ${c.polls} polls, completed ${c.jobs['completed']}, errors ${c.jobs['errors']}, timeouts ${c.jobs['timeouts']}; exit ${c.exitCode}`);
      console.log(`  ${''.padEnd(22)} peak RSS ${c.peakRssMb.toFixed(0)} MB (goal ≤ 300: ${c.peakRssMb <= 300 ? 'MET' : 'NOT MET'}) → ${(c.peakRssMb - restMb).toFixed(0)} MB over idle, ${(((c.peakRssMb - restMb) * 1024) / Math.max(1, c.maxInFlight)).toFixed(1)} KB per job in flight; CPU ${((c.cpuMs * 1000) / Math.max(1, c.polls)).toFixed(0)} µs per poll`);
    }
    const base = runs[1]![1];
    console.log(`  engine / V8's own: peak RSS ${(r.peakRssMb / base.peakRssMb).toFixed(2)} ×, CPU per poll ${((r.cpuMs / r.polls) / (base.cpuMs / base.polls)).toFixed(2)} ×`);
  } finally {
    rmSync(out, { recursive: true, force: true });
    await stop(mock);
  }
}

// ── 2. polls per second: engine vs autocannon, same bare server ─────────────────────────────────────────────────
const BARE = `
const http = require('node:http');
const id = '2c7f59ea-13f1-402c-9353-915a2b5a2124';
let base = '';
const json = (res, body) => { const text = JSON.stringify(body); res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }); res.end(text); };
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    if (req.method === 'POST') return json(res, { request_id: id, status: 'QUEUED', poll_url: base + '/v1/requests/' + id, status_url: base + '/v2/requests/' + id + '/status', response_url: base + '/v2/requests/' + id });
    json(res, { status: 'QUEUED', request_id: id, status_url: base + '/v2/requests/' + id + '/status', response_url: base + '/v2/requests/' + id, metrics: {} });
  });
});
server.listen(0, '127.0.0.1', () => { base = 'http://127.0.0.1:' + server.address().port; console.log('bare listening on ' + base); });
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;
if (values.only === 'in-flight') process.exit(0);
const bare = await serve(process.execPath, ['-e', BARE], /(http:\/\/127\.0\.0\.1:\d+)/, 'bare node:http');
const statusPath = '/v2/requests/2c7f59ea-13f1-402c-9353-915a2b5a2124/status';
const enginePolls: number[] = [];
const cannon: number[] = [];
try {
  console.log(`polls/s against one bare node:http server (own process), ${connections} connections, ${seconds} s per run, ${rounds} rounds alternating`);
  for (let round = 1; round <= rounds; round++) {
    const out = mkdtempSync(join(tmpdir(), 'infercheck-polls-'));
    // `connections` jobs start at once and poll back to back (fixed strategy, no gap) until their job timeout
    const result = await runLoad({
      scenario: 'async',
      target: bare.url,
      maxBillable: connections,
      apiKeyEnv: 'IC_BENCH_KEY',
      env: { ...process.env, IC_BENCH_KEY: 'SG_00bench00bench00' },
      out,
      capture: true,
      collectJobs: false,
      rate: connections * 10,
      durationS: 0.1,
      arrivals: 'even',
      poll: 'fixed',
      pollIntervalMs: 0,
      minPollGapMs: 0,
      jobTimeoutS: seconds,
      slo: { confidence: 0.95, objectives: [{ kind: 'rate', metric: 'error_rate', op: '<=', value: 1 }] },
    });
    const elapsedS = (Date.parse(result.meta.finishedAt) - Date.parse(result.meta.startedAt)) / 1000;
    const polls = result.summary.http.byEndpoint['getRequestStatus']?.['200'] ?? 0;
    enginePolls.push(polls / elapsedS);
    rmSync(out, { recursive: true, force: true });
    const ac = await autocannon({ url: bare.url + statusPath, connections, duration: seconds, headers: { 'x-api-key': 'SG_00bench00bench00' } });
    cannon.push(ac.requests.average);
    console.log(`  round ${round}: engine ${(polls / elapsedS).toFixed(0)} polls/s (${result.summary.conformance.judged} answers judged, ${result.summary.conformance.violations} violations) · autocannon ${ac.requests.average.toFixed(0)} req/s → ${((polls / elapsedS) / ac.requests.average).toFixed(2)}`);
  }
} finally {
  await stop(bare);
}
const ratio = median(enginePolls) / median(cannon);
console.log(`  median: engine ${median(enginePolls).toFixed(0)} polls/s vs autocannon ${median(cannon).toFixed(0)} req/s → ratio ${ratio.toFixed(2)} (goal ≥ 0.50: ${ratio >= 0.5 ? 'MET' : 'NOT MET'})`);
