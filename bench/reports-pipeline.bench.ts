// Reports pipeline cost: building results.json with every job kept (raw, the default up to 100 000 jobs) versus
// per-group HDR histograms, and judging a p95 objective from each. Answers "why raw by default, and when do
// histograms pay": size on disk, build time, verdict time, and whether the verdict agrees.
//   npx tsx bench/reports-pipeline.bench.ts [--jobs 20000,100000]
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildResults } from '../reports/build-results.ts';
import { generateRun, SMOKE_FIXTURE } from '../reports/fixtures/generate-run.ts';
import { orderedSample } from '../reports/samples.ts';
import { percentileVerdict } from '../reports/stats/sla-verdict.ts';

const { values } = parseArgs({ options: { jobs: { type: 'string', default: '20000,100000' } } });
const sizes = values.jobs.split(',').map(Number);
const dir = mkdtempSync(join(tmpdir(), 'infercheck-reports-bench-'));

function timed<T>(f: () => T, repeats = 3): { ms: number; value: T } {
  let best = Infinity;
  let value!: T;
  for (let i = 0; i < repeats; i++) {
    const t = performance.now();
    value = f();
    best = Math.min(best, performance.now() - t);
  }
  return { ms: best, value };
}

console.log('jobs     mode       build (best of 3)   results.json   p95 verdict   p95 estimate   ratio vs raw (build / size / verdict)');
for (const jobs of sizes) {
  const run = join(dir, `run-${jobs}`);
  const rate = 20; // jobs/s on one model with 8 workers: a busy but stable queue
  generateRun(run, { ...SMOKE_FIXTURE, models: ['sd1.5-scifi'], workers: 8, serviceTime: 'lognormal:200,0.3', rates: [rate], stageDurationS: Math.ceil(jobs / rate), v1Share: 0, contracts: false });
  const rows: { mode: string; build: number; size: number; verdict: number; estimate: number; decision: string }[] = [];
  for (const [mode, limit] of [['raw', Infinity], ['histogram', 0]] as const) {
    const built = timed(() => buildResults(run, { rawSampleLimit: limit }));
    const file = join(run, `results-${mode}.json`);
    writeFileSync(file, JSON.stringify(built.value));
    const load = built.value.load!;
    const verdict = timed(() => percentileVerdict(orderedSample(load, 'e2e_ms'), 0.95, '<=', 1000, 0.95), 5);
    rows.push({ mode, build: built.ms, size: statSync(file).size, verdict: verdict.ms, estimate: verdict.value.estimate, decision: verdict.value.verdict });
  }
  const raw = rows[0]!;
  for (const r of rows) {
    console.log(
      `${String(jobs).padEnd(8)} ${r.mode.padEnd(10)} ${`${r.build.toFixed(0)} ms`.padStart(10)}          ${`${(r.size / 2 ** 20).toFixed(2)} MiB`.padStart(10)}   ${`${r.verdict.toFixed(2)} ms`.padStart(10)}   ${`${r.estimate.toFixed(1)} ms ${r.decision}`.padStart(16)}   ` +
        `${(r.build / raw.build).toFixed(2)} / ${(r.size / raw.size).toFixed(3)} / ${(r.verdict / raw.verdict).toFixed(2)}`,
    );
  }
}
rmSync(dir, { recursive: true, force: true });
