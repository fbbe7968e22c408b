// One engine run for bench/load-capacity.bench.ts, in a process of its own (pinned to one core by the bench with
// taskset), so its peak RSS is the engine's alone. Arguments: a JSON LoadOptions object. Prints one JSON line: the
// exit code, the most jobs in flight at once (from jobs.ndjson), VmHWM (peak RSS) from /proc/self/status, the CPU the
// process used (all of it: start-up, the run, the bench's own pass over jobs.ndjson) and run.json's engine line.
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { JobRecord } from '../../core/result-files.ts';
import { runLoad, type LoadOptions } from '../../load/run.ts';

const options = JSON.parse(process.argv[2] ?? '{}') as LoadOptions;
const result = await runLoad({ ...options, capture: true, collectJobs: false });

// a sweep over each job's [submit sent, last answer] gives the most jobs in flight at once
const events: [number, number][] = [];
for await (const line of createInterface({ input: createReadStream(`${result.outDir}/jobs.ndjson`, 'utf8'), crlfDelay: Infinity })) {
  if (!line) continue;
  const job = JSON.parse(line) as JobRecord;
  const last = job.observations[job.observations.length - 1]?.at_ms ?? job.submit_at_ms + job.submit_latency_ms;
  events.push([job.submit_at_ms, 1], [last + (job.result_fetch_ms ?? 0), -1]);
}
events.sort((a, b) => a[0] - b[0] || a[1] - b[1]); // an end before a start at the same instant
let open = 0;
let most = 0;
for (const [, step] of events) most = Math.max(most, (open += step));
const hwmKb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]);
const cpu = process.cpuUsage();
console.log(JSON.stringify({ engine: result.meta.engine, cpuMs: (cpu.user + cpu.system) / 1000, exitCode: result.exitCode, jobs: result.summary.jobs, maxInFlight: most, peakRssMb: hwmKb / 1024, polls: result.summary.polls.total, log: result.log }));
