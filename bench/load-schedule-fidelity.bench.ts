// Schedule fidelity (issue 11, "Must show"): does the engine's open model put Poisson arrivals on the wire? 100
// arrivals/s for 60 s against the mock (in its own process, with a sub-millisecond clock, and enough workers that
// nothing queues), judged where it matters — at the SERVER's clock (the mock's timeline, GET /__mock/requests):
// inter-arrival CV and Kolmogorov–Smirnov distance to the exponential. The floor is a minimal Poisson client (a few
// dozen lines over fetch, below) against the same mock in the same run. Goals: engine KS ≤ floor KS + 0.01,
// |CV − 1| ≤ floor |CV − 1| + 0.05, start lag p99 ≤ 5 ms, late arrivals 0, ≥ 5 000 jobs.
//   npx tsx bench/load-schedule-fidelity.bench.ts [--rate 100] [--duration 60] [--rounds 1] [--seed 3]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { seededRng } from '../core/rng.ts';
import { MODELS } from '../core/spec.ts';
import { runLoad } from '../load/run.ts';
import { interArrivalCv, ksDistanceToExponential } from '../load/schedule.ts';
import { mockTimeline, startMockProcess, stop } from './support/processes.ts';

const { values } = parseArgs({ options: { rate: { type: 'string', default: '100' }, duration: { type: 'string', default: '60' }, rounds: { type: 'string', default: '1' }, seed: { type: 'string', default: '3' } } });
const rate = Number(values.rate);
const durationS = Number(values.duration);
const rounds = Number(values.rounds);

/** The floor: the smallest honest Poisson client — exponential gaps, await each instant, submit, poll, read. */
async function minimalPoissonClient(url: string, key: string, ratePerS: number, seconds: number, seed: number): Promise<number> {
  const rng = seededRng(seed);
  const headers = { 'x-api-key': key, 'content-type': 'application/json' };
  const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
  const job = async (model: string): Promise<void> => {
    const submit = await fetch(`${url}/v2/${model}`, { method: 'POST', headers, body: JSON.stringify({ prompt: 'a lighthouse at dusk', seed: 1 }) });
    const { status_url: statusUrl, response_url: responseUrl } = (await submit.json()) as { status_url: string; response_url: string };
    for (;;) {
      await sleep(100);
      const { status } = (await (await fetch(statusUrl, { headers })).json()) as { status: string };
      if (status === 'COMPLETED' || status === 'FAILED') break;
    }
    await (await fetch(responseUrl, { headers })).arrayBuffer();
  };
  const jobs: Promise<void>[] = [];
  const t0 = performance.now();
  for (let t = 0; ; ) {
    t += (-Math.log(1 - rng.next()) / ratePerS) * 1000;
    if (t >= seconds * 1000) break;
    const wait = t - (performance.now() - t0);
    if (wait > 0) await sleep(wait);
    jobs.push(job(MODELS[jobs.length % MODELS.length]!));
  }
  await Promise.all(jobs);
  return jobs.length;
}

function atServer(arrivals: readonly { submitted_at_ms: number }[]): { n: number; cv: number; ks: number } {
  const instants = arrivals.map((a) => a.submitted_at_ms);
  return { n: instants.length, cv: interArrivalCv(instants).cv, ks: ksDistanceToExponential(instants) };
}

const mock = await startMockProcess({ profile: 'ci', workers: 64, maxQueueDepth: 100_000, seed: 1 });
console.log(`mock (own process, sub-ms clock): ci profile, 64 workers per model; Poisson ${rate}/s for ${durationS} s, ${rounds} round(s); measured at the server's timeline`);
console.log('round  client          jobs   CV(server)  |CV−1|   KS(server)  start lag p50 / p99   late');
const results: { engine: ReturnType<typeof atServer>; floor: ReturnType<typeof atServer>; lagP99: number; late: number }[] = [];
try {
  for (let round = 1; round <= rounds; round++) {
    const seed = Number(values.seed) + round;
    const out = mkdtempSync(join(tmpdir(), 'infercheck-fidelity-'));
    const engineFrom = Date.now();
    const result = await runLoad({
      scenario: 'async',
      out,
      capture: true,
      collectJobs: false,
      rate,
      durationS,
      seed,
      poll: 'adaptive',
      expectedInferenceMs: 25,
      jobTimeoutS: 30,
      mock: { url: mock.url, apiKey: mock.apiKey, truth: { workers: 64, profile: 'ci' } },
    });
    rmSync(out, { recursive: true, force: true });
    const engineTo = Date.now();
    const floorFrom = Date.now();
    await minimalPoissonClient(mock.url, mock.apiKey, rate, durationS, seed);
    const timeline = await mockTimeline(mock.url, engineFrom - 1000);
    const engine = atServer(timeline.filter((r) => r.submitted_at_ms >= engineFrom && r.submitted_at_ms <= engineTo));
    const floor = atServer(timeline.filter((r) => r.submitted_at_ms >= floorFrom));
    const a = result.summary.arrivals;
    results.push({ engine, floor, lagP99: a.startLagP99Ms ?? NaN, late: a.late });
    const row = (name: string, s: ReturnType<typeof atServer>, lag: string, late: string): string =>
      `${String(round).padStart(5)}  ${name.padEnd(14)} ${String(s.n).padStart(5)}   ${s.cv.toFixed(3).padStart(9)}  ${Math.abs(s.cv - 1).toFixed(3).padStart(6)}   ${s.ks.toFixed(4).padStart(9)}   ${lag.padStart(19)}   ${late.padStart(4)}`;
    console.log(row('engine', engine, `${a.startLagP50Ms?.toFixed(2)} / ${a.startLagP99Ms?.toFixed(2)} ms`, String(a.late)));
    console.log(row('minimal fetch', floor, '—', '—'));
    if (result.exitCode !== 0) console.log(`       engine exit ${result.exitCode}: ${result.log}`);
    console.log(`       engine: ${result.meta.engine}`); // its heap policy (load/heap.ts) engaged or not
  }
} finally {
  await stop(mock);
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const ksGap = median(results.map((r) => r.engine.ks - r.floor.ks));
const cvGap = median(results.map((r) => Math.abs(r.engine.cv - 1) - Math.abs(r.floor.cv - 1)));
const lag = median(results.map((r) => r.lagP99));
const late = Math.max(...results.map((r) => r.late));
const jobs = Math.min(...results.map((r) => r.engine.n));
console.log('');
console.log(`engine − floor (median over rounds): KS ${ksGap >= 0 ? '+' : ''}${ksGap.toFixed(4)} (goal ≤ +0.01: ${ksGap <= 0.01 ? 'MET' : 'NOT MET'}), |CV−1| ${cvGap >= 0 ? '+' : ''}${cvGap.toFixed(3)} (goal ≤ +0.05: ${cvGap <= 0.05 ? 'MET' : 'NOT MET'})`);
console.log(`engine start lag p99 ${lag.toFixed(2)} ms (goal ≤ 5: ${lag <= 5 ? 'MET' : 'NOT MET'}); late arrivals ${late} (goal 0: ${late === 0 ? 'MET' : 'NOT MET'}); jobs ${jobs} (goal ≥ 5 000: ${jobs >= 5000 ? 'MET' : 'NOT MET'})`);
