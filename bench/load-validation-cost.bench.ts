// Cost of validation: does judging every response against the contract inside k6 slow the load generator down?
// 1. End to end: the async script, closed-loop (a small fixed VU pool behind an arrival rate it cannot reach, so
//    each VU runs jobs back to back), against the embedded mock with many workers so the mock's queue is not the
//    limit; jobs per second with validation on and off, interleaved on/off/on/off to spread the machine's noise.
//    Goal (issue 5): with validation ≥ 90 % of without.
// 2. In isolation: one k6 VU judging a recorded v2 exchange (submit, two polls, result) versus only parsing it —
//    the worst case, with no network in between.
//   npx tsx bench/load-validation-cost.bench.ts [--duration 12] [--rounds 2]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { K6_PATH, runLoad } from '../load/run.ts';

const { values } = parseArgs({ options: { duration: { type: 'string', default: '12' }, rounds: { type: 'string', default: '3' }, vus: { type: 'string', default: '8' } } });
const durationS = Number(values.duration);
const rounds = Number(values.rounds);
const out = mkdtempSync(join(tmpdir(), 'infercheck-valcost-'));

/**
 * CPU seconds (user + system) the k6 process whose command line names `marker` has used so far. The machine is
 * shared, so besides jobs per wall second we report jobs per k6 CPU second: the load generator's capacity, which
 * other processes' load does not change.
 */
function k6CpuSeconds(marker: string): number | undefined {
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmdline.includes('k6') || !cmdline.includes(marker)) continue;
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ 100)
    } catch {
      // the process ended between listing and reading
    }
  }
  return undefined;
}

async function jobsPerSecond(validate: boolean): Promise<{ rate: number; perCpuS: number; violations: number; responses: number }> {
  const dir = join(out, `${validate ? 'on' : 'off'}-${Date.now()}`);
  let cpu = 0;
  const sampler = setInterval(() => {
    cpu = k6CpuSeconds(dir) ?? cpu;
  }, 100);
  const result = await runLoad({
    scenario: 'async',
    out: dir,
    progress: false, capture: true,
    rate: 500,
    durationS,
    arrivals: 'even',
    poll: 'adaptive',
    vus: Number(values.vus),
    workers: 64,
    mockProfile: 'ci',
    minPollGapMs: 1,
    jobTimeoutS: 30,
    validate,
    slo: { confidence: 0.95, objectives: [{ kind: 'rate', metric: 'success_rate', op: '>=', value: 0.99 }] },
  });
  clearInterval(sampler);
  const completed = result.jobs.filter((j) => j.final_status === 'COMPLETED').length;
  const summary = JSON.parse(readFileSync(join(result.outDir, 'summary.json'), 'utf8')) as { metrics: Record<string, { values: Record<string, number> }> };
  return { rate: completed / durationS, perCpuS: completed / Math.max(cpu, 0.01), violations: summary.metrics['ic_validation_failures']?.values['count'] ?? 0, responses: summary.metrics['ic_validated_responses']?.values['count'] ?? 0 };
}

console.log(`end to end: async closed-loop, ${values.vus} VUs, mock ci profile with 64 workers per model, ${durationS} s per run, ${rounds} rounds of on/off`);
const on: number[] = [];
const off: number[] = [];
const onCpu: number[] = [];
const offCpu: number[] = [];
for (let r = 0; r < rounds; r++) {
  const a = await jobsPerSecond(true);
  const b = await jobsPerSecond(false);
  on.push(a.rate);
  off.push(b.rate);
  onCpu.push(a.perCpuS);
  offCpu.push(b.perCpuS);
  console.log(`  round ${r + 1}: validated ${a.rate.toFixed(1)} jobs/s, ${a.perCpuS.toFixed(0)} jobs per k6 CPU-s (${a.responses} responses judged, ${a.violations} violations) · not validated ${b.rate.toFixed(1)} jobs/s, ${b.perCpuS.toFixed(0)} jobs per k6 CPU-s`);
}
const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
const ratio = mean(on) / mean(off);
const cpuRatio = mean(onCpu) / mean(offCpu);
console.log(`  jobs per wall second (the issue's measure: iterations per second): with validation ${mean(on).toFixed(1)} vs without ${mean(off).toFixed(1)} → ratio ${ratio.toFixed(3)} (goal ≥ 0.90: ${ratio >= 0.9 ? 'MET' : 'NOT MET'})`);
console.log(`  jobs per k6 CPU second (stricter: k6's own capacity, blind to the other processes): with validation ${mean(onCpu).toFixed(0)} vs without ${mean(offCpu).toFixed(0)} → ratio ${cpuRatio.toFixed(3)} (≥ 0.90: ${cpuRatio >= 0.9 ? 'MET' : 'NOT MET'})`);

const summaryPath = join(out, 'validation-cost.json');
const micro = spawnSync(K6_PATH, ['run', '--quiet', '--address=', '--no-usage-report', join(import.meta.dirname, '..', 'load', 'k6', 'validation-cost.ts')], {
  env: { PATH: process.env['PATH'], HOME: process.env['HOME'], IC_BENCH_S: '5', IC_SUMMARY_PATH: summaryPath },
  encoding: 'utf8',
});
if (micro.status !== 0) throw new Error(`validation-cost.ts: k6 exit ${micro.status}\n${micro.stderr}`);
const metrics = JSON.parse(readFileSync(summaryPath, 'utf8')) as Record<string, { values: Record<string, number> }>;
const judged = (metrics['ic_bench_exchanges{mode:judged}']?.values['count'] ?? 0) / 5;
const parsed = (metrics['ic_bench_exchanges{mode:parsed}']?.values['count'] ?? 0) / 5;
console.log('in isolation (one k6 VU, no network): exchanges of 4 responses per second');
console.log(`  judged in full ${judged.toFixed(0)}/s · parsed only ${parsed.toFixed(0)}/s`);
console.log(`  → judged ${(judged / parsed).toFixed(3)} of parse-only; ${((1000 / judged - 1000 / parsed) * 250).toFixed(0)} µs per response over parsing`);
rmSync(out, { recursive: true, force: true });
