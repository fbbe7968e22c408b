// Accuracy of the queue-wait estimate, fixed versus adaptive polling, against the mock's ground truth
// (GET /__mock/requests, read by runLoad). One async run at Poisson arrivals; each job draws its strategy by a
// seeded coin, so both strategies see the same queue at the same time. Service times are log-normal around 2 s
// (SD 1.5 at 25–30 steps on a serverless GPU is a few seconds: mock/latency.ts), 2 workers per model, ρ = 0.7.
// Per strategy: the true mean queue wait, the mean (signed) error of the estimates that jobs.ndjson reports (pooled
// per model: load/pooled-queue-wait.ts) with its 95 % confidence interval, the same for each job's midpoint alone
// (what each job computed alone during the run), the p95 absolute error, how often the truth lies inside the reported bound, and
// polls per job. Goals (issue 5): adaptive mean error within 2 % of the true mean, median ≤ 4 polls per job.
// Each job's error is a draw of where its start fell between two polls (±0.3 s here), so the mean error of a run
// carries sampling noise: 480 s (≈ 330 jobs per strategy) puts the 95 % interval near ±1 %, 240 s near ±1.5 %.
//   npx tsx bench/load-accuracy.bench.ts [--duration 480] [--service-ms 2000] [--rho 0.7] [--seed 1]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { MODELS } from '../core/spec.ts';
import { runLoad } from '../load/run.ts';
import { startMockProcess, stop } from './support/processes.ts';

const { values } = parseArgs({ options: { duration: { type: 'string', default: '480' }, 'service-ms': { type: 'string', default: '2000' }, rho: { type: 'string', default: '0.7' }, workers: { type: 'string', default: '2' }, seed: { type: 'string', default: '1' }, keep: { type: 'boolean', default: false } } });
const durationS = Number(values.duration);
const serviceMs = Number(values['service-ms']);
const workers = Number(values.workers);
const rho = Number(values.rho);
const sigma = 0.15;
const meanService = serviceMs * Math.exp((sigma * sigma) / 2);
const rate = ((rho * workers * 1000) / meanService) * MODELS.length;

const out = mkdtempSync(join(tmpdir(), 'infercheck-accuracy-'));
console.log(`mock: ${workers} workers per model, service lognormal:${serviceMs},${sigma} (mean ${meanService.toFixed(0)} ms); Poisson ${rate.toFixed(2)} jobs/s over ${MODELS.length} models (ρ ${rho}) for ${durationS} s; strategy per job by seeded coin`);
// the mock in a process of its own, so the load generator and the queue it measures never share an event loop
const serviceTime = `lognormal:${serviceMs},${sigma}`;
const mock = await startMockProcess({ workers, serviceTime, seed: Number(values.seed), maxQueueDepth: 100_000 });
const started = Date.now();
const result = await runLoad({
  mock: { url: mock.url, apiKey: mock.apiKey, truth: { workers, profile: 'ci', serviceTime } },
  scenario: 'async',
  out,
  capture: true,
  rate,
  durationS,
  arrivals: 'poisson',
  poll: 'both',
  seed: Number(values.seed),
  jobTimeoutS: 120,
  slo: { confidence: 0.95, objectives: [{ kind: 'rate', metric: 'success_rate', op: '>=', value: 0.99 }] },
});
await stop(mock);
console.log(`exit ${result.exitCode}, ${result.jobs.length} jobs, ${((Date.now() - started) / 1000).toFixed(0)} s wall; start lag p99 ${result.summary.arrivals.startLagP99Ms?.toFixed(2)} ms, late ${result.summary.arrivals.late}\n`);
const rows = result.meta.queueWaitAccuracy ?? [];
const pctOf = (ms: number, r: { trueMeanMs: number }): string => `${((100 * ms) / r.trueMeanMs).toFixed(2).padStart(6)} %`;
console.log('strategy   jobs  true mean   mean error (95 % CI)               midpoints alone   p95 |error|  truth in bound  median polls  mean polls');
for (const r of [...rows].sort((a, b) => a.strategy.localeCompare(b.strategy))) {
  console.log(
    `${r.strategy.padEnd(9)} ${String(r.jobs).padStart(5)}  ${r.trueMeanMs.toFixed(0).padStart(7)} ms  ${r.meanErrorMs.toFixed(1).padStart(6)} ± ${r.meanErrorCi95Ms.toFixed(1).padStart(4)} ms = ${pctOf(r.meanErrorMs, r)} ± ${((100 * r.meanErrorCi95Ms) / r.trueMeanMs).toFixed(2)} %  ${pctOf(r.midpointMeanErrorMs, r).padStart(15)}  ${r.p95AbsErrorMs.toFixed(0).padStart(9)} ms  ${(100 * r.coverage).toFixed(1).padStart(12)} %  ${String(r.medianPolls).padStart(12)}  ${r.meanPolls.toFixed(2).padStart(10)}`,
  );
}
const fixed = rows.find((r) => r.strategy === 'fixed');
const adaptive = rows.find((r) => r.strategy === 'adaptive');
if (fixed && adaptive) {
  console.log('');
  console.log(`adaptive vs fixed (SDK 1 s): polls per job ×${(adaptive.meanPolls / fixed.meanPolls).toFixed(2)}, p95 |error| ×${(adaptive.p95AbsErrorMs / fixed.p95AbsErrorMs).toFixed(2)}`);
  console.log(`goal adaptive |mean error| ≤ 2 % of true mean: ${Math.abs(adaptive.meanErrorPct) <= 2 ? 'MET' : 'NOT MET'} (${adaptive.meanErrorPct.toFixed(2)} % ± ${((100 * adaptive.meanErrorCi95Ms) / adaptive.trueMeanMs).toFixed(2)} %); goal median polls ≤ 4: ${adaptive.medianPolls <= 4 ? 'MET' : 'NOT MET'} (${adaptive.medianPolls})`);
}
if (values.keep) console.log(`files kept in ${out}`);
else rmSync(out, { recursive: true, force: true });
