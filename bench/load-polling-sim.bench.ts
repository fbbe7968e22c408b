// The two polling strategies on simulated jobs, without a network: an M/G/c queue (Poisson arrivals, log-normal
// service, FIFO) gives each job its true queue wait and inference time; each strategy then polls that timeline
// through load/k6/lib/poll.ts and is scored by load/k6/lib/estimate.ts — the same code k6 runs. Tens of thousands
// of jobs in a second, so the bias of the estimators is visible beneath the sampling noise that limits the k6 bench
// (bench/load-accuracy.bench.ts), and across service times from the ci mock's to the vendor's 13 s example.
//   npx tsx bench/load-polling-sim.bench.ts [--jobs 20000]
import { parseArgs } from 'node:util';
import { estimateQueueWait, type Observation } from '../load/k6/lib/estimate.ts';
import { defaultPollPlan, nextPollDelayMs, type PollPlan } from '../load/k6/lib/poll.ts';
import { seededRandom } from '../load/k6/lib/rng.ts';

const { values } = parseArgs({ options: { jobs: { type: 'string', default: '20000' } } });
const n = Number(values.jobs);
const SIGMA = 0.15;

function queue(random: () => number, count: number, workers: number, rho: number, medianMs: number): { waitMs: number; serviceMs: number }[] {
  const meanMs = medianMs * Math.exp((SIGMA * SIGMA) / 2);
  const rate = (rho * workers) / meanMs;
  const free = new Array<number>(workers).fill(0);
  let t = 0;
  const jobs: { waitMs: number; serviceMs: number }[] = [];
  for (let i = 0; i < count; i++) {
    t += -Math.log(1 - random()) / rate;
    free.sort((a, b) => a - b);
    const start = Math.max(t, free[0]!);
    const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    const serviceMs = medianMs * Math.exp(SIGMA * z);
    free[0] = start + serviceMs;
    jobs.push({ waitMs: start - t, serviceMs });
  }
  return jobs;
}

/** One job polled by `plan` with 1–2 ms round trips; the server looks at a uniform instant within each. */
function poll(random: () => number, plan: PollPlan, startMs: number, serviceMs: number, expectedMs: number): { polls: number; errorMs: number; boundMs: number; lateMs: number } {
  const observations: Observation[] = [];
  let t = 0;
  let processingPolls = 0;
  for (let polls = 0; polls < 10_000; polls++) {
    const last = observations[observations.length - 1];
    const start = processingPolls > 0 ? estimateQueueWait(0, observations) : null;
    t += nextPollDelayMs(plan, { elapsedMs: t, polls, lastStatus: last?.status ?? null, processingPolls, startEstimateMs: start?.estimateMs ?? null, expectedInferenceMs: expectedMs }, random());
    const roundTrip = 1 + random();
    const serverAt = t + random() * roundTrip;
    const status = serverAt < startMs ? 'QUEUED' : serverAt < startMs + serviceMs ? 'PROCESSING' : 'COMPLETED';
    observations.push({ status, sent_ms: t, at_ms: t + roundTrip, code: 200 });
    t += roundTrip;
    if (status === 'PROCESSING') processingPolls++;
    if (status === 'COMPLETED') {
      const e = estimateQueueWait(0, observations, Math.round(serviceMs) / 1000)!;
      return { polls: polls + 1, errorMs: e.estimateMs - startMs, boundMs: e.boundMs, lateMs: t - (startMs + serviceMs) };
    }
  }
  throw new Error('job never completed');
}

const quantile = (xs: number[], q: number): number => [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))]!;
const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

console.log(`${n} jobs per case; M/G/c with log-normal service (σ ${SIGMA}), FIFO; fixed = SDK (immediate, then 1 s); adaptive = load/k6/lib/poll.ts defaults`);
console.log('service  workers  ρ     true mean W | strategy  mean err   p95 |err|  in bound  median polls  mean polls  sees end late');
for (const [medianMs, workers, rho] of [[25, 2, 0.7], [2000, 2, 0.7], [2000, 2, 0.8], [4000, 2, 0.7], [13000, 2, 0.7], [2000, 8, 0.85]] as const) {
  const random = seededRandom(medianMs * 31 + workers * 7 + Math.round(rho * 100));
  const jobs = queue(random, n, workers, rho, medianMs);
  const trueMean = mean(jobs.map((j) => j.waitMs));
  const expected = medianMs * Math.exp((SIGMA * SIGMA) / 2);
  for (const strategy of ['fixed', 'adaptive'] as const) {
    const plan = defaultPollPlan(strategy, strategy === 'adaptive' ? Math.min(10, medianMs / 5) : 10);
    const results = jobs.map((j) => poll(random, plan, j.waitMs, j.serviceMs, expected));
    const errors = results.map((r) => r.errorMs);
    const covered = results.filter((r) => Math.abs(r.errorMs) <= r.boundMs + 1e-9).length / results.length;
    const head = strategy === 'fixed' ? `${String(medianMs).padStart(5)} ms  ${String(workers).padStart(7)}  ${rho.toFixed(2)}  ${trueMean.toFixed(0).padStart(8)} ms` : ''.padEnd(35);
    console.log(
      `${head} | ${strategy.padEnd(8)} ${((100 * mean(errors)) / trueMean).toFixed(2).padStart(7)} %  ${quantile(errors.map(Math.abs), 0.95).toFixed(0).padStart(6)} ms  ${(100 * covered).toFixed(1).padStart(7)} %  ${String(quantile(results.map((r) => r.polls), 0.5)).padStart(12)}  ${mean(results.map((r) => r.polls)).toFixed(2).padStart(10)}  ${mean(results.map((r) => r.lateMs)).toFixed(0).padStart(10)} ms`,
    );
  }
}
