// The two polling strategies on simulated jobs, without a network: an M/G/c queue (Poisson arrivals, log-normal
// service, FIFO) gives each job its true queue wait and inference time; each strategy then polls that timeline
// through load/poll.ts and is scored by load/estimate.ts — the same code the engine runs — and by the
// pooled estimate load/run.ts computes afterwards (load/pooled-queue-wait.ts, in runs of 200 jobs). Tens of
// thousands of jobs in seconds, so the bias of the estimators is visible beneath the sampling noise that limits the
// live bench (bench/load-accuracy.bench.ts), and across service times from the ci mock's to the vendor's 13 s example.
//   npx tsx bench/load-polling-sim.bench.ts [--jobs 20000]
import { parseArgs } from 'node:util';
import { defaultPollPlan } from '../load/poll.ts';
import { seededRandom } from '../load/schedule.ts';
import { asJobRecord, pollJob, simulateQueue } from '../load/polling-sim.ts';
import { poolQueueWaits } from '../load/pooled-queue-wait.ts';

const { values } = parseArgs({ options: { jobs: { type: 'string', default: '20000' }, run: { type: 'string', default: '200' } } });
const n = Number(values.jobs);
const runSize = Number(values.run);
const SIGMA = 0.15;

const quantile = (xs: number[], q: number): number => [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))]!;
const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
const pct = (x: number): string => `${x.toFixed(2).padStart(6)} %`;

console.log(`${n} jobs per case; M/G/c with log-normal service (σ ${SIGMA}), FIFO; fixed = SDK (immediate, then 1 s); adaptive = load/poll.ts defaults; pooled over runs of ${runSize} jobs`);
console.log('service  workers  ρ     true mean W | strategy  midpoint err  pooled err  p95 |err|  in bound  median polls  mean polls  sees end late');
for (const [medianMs, workers, rho] of [[25, 2, 0.7], [2000, 2, 0.7], [2000, 2, 0.8], [4000, 2, 0.7], [13000, 2, 0.7], [2000, 8, 0.85]] as const) {
  const random = seededRandom(medianMs * 31 + workers * 7 + Math.round(rho * 100));
  const jobs = simulateQueue(random, n, workers, rho, medianMs, SIGMA);
  const expected = medianMs * Math.exp((SIGMA * SIGMA) / 2);
  for (const strategy of ['fixed', 'adaptive'] as const) {
    const plan = defaultPollPlan(strategy, strategy === 'adaptive' ? Math.min(10, medianMs / 5) : 10);
    const polled = jobs.map((j) => pollJob(random, plan, j, expected));
    // each run of `runSize` jobs is a stage of its own, so poolQueueWaits pools them as load/run.ts pools a run
    const jobRecords = poolQueueWaits(polled.map((p, i) => asJobRecord(p, i, strategy, `run-${Math.floor(i / runSize)}`)));
    const trueMean = mean(polled.map((p) => p.trueWaitMs));
    const midErrors = polled.map((p, i) => (jobRecords[i]!.queue_wait_mid_ms ?? jobRecords[i]!.queue_wait_est_ms!) - p.trueWaitMs);
    const errors = polled.map((p, i) => jobRecords[i]!.queue_wait_est_ms! - p.trueWaitMs);
    const covered = polled.filter((p, i) => Math.abs(jobRecords[i]!.queue_wait_est_ms! - p.trueWaitMs) <= jobRecords[i]!.queue_wait_bound_ms! + 0.1).length / polled.length;
    const head = strategy === 'fixed' ? `${String(medianMs).padStart(5)} ms  ${String(workers).padStart(7)}  ${rho.toFixed(2)}  ${trueMean.toFixed(0).padStart(8)} ms` : ''.padEnd(35);
    console.log(
      `${head} | ${strategy.padEnd(8)} ${pct((100 * mean(midErrors)) / trueMean).padStart(12)}  ${pct((100 * mean(errors)) / trueMean).padStart(10)}  ${quantile(errors.map(Math.abs), 0.95).toFixed(0).padStart(6)} ms  ${(100 * covered).toFixed(1).padStart(7)} %  ${String(quantile(polled.map((r) => r.polls), 0.5)).padStart(12)}  ${mean(polled.map((r) => r.polls)).toFixed(2).padStart(10)}  ${mean(polled.map((r) => r.lateMs)).toFixed(0).padStart(10)} ms`,
    );
  }
}
