// Cost of validation (issue 11, "Must show"): does judging every response with the conformance judge
// (core/conformance.ts) slow the engine down? Goal: jobs per second with every response judged ≥ 0.95 × without.
// 1. End to end: async jobs back to back (at most --in-flight at once, arrivals always waiting) against the mock in
//    its own process (64 workers per model, so its queue is not the limit), judged and not judged, in alternating
//    rounds; jobs per wall second, and jobs per CPU second of this process (the engine alone: the mock runs
//    elsewhere), which the other processes on a shared machine do not change. Medians over rounds.
// 2. In isolation: the judge on a recorded v2 exchange (submit, two polls, result) vs parsing it only.
//   npx tsx bench/load-validation-cost.bench.ts [--seconds 12] [--rounds 3] [--in-flight 8]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { judgeResponse, type ResponseToJudge } from '../core/conformance.ts';
import { runLoad } from '../load/run.ts';
import { startMockProcess, stop } from './support/processes.ts';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '12' }, rounds: { type: 'string', default: '3' }, 'in-flight': { type: 'string', default: '8' } } });
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
const inFlight = Number(values['in-flight']);
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const mock = await startMockProcess({ profile: 'ci', workers: 64, maxQueueDepth: 100_000, seed: 1 });
async function jobsPerSecond(validate: boolean): Promise<{ wall: number; cpu: number; judged: number; violations: number }> {
  const out = mkdtempSync(join(tmpdir(), 'infercheck-valcost-'));
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await runLoad({
    scenario: 'async',
    out,
    capture: true,
    collectJobs: false,
    rate: 2000,
    durationS: seconds,
    vus: inFlight,
    poll: 'adaptive',
    minPollGapMs: 1,
    expectedInferenceMs: 25,
    jobTimeoutS: 30,
    validate,
    // the arrivals never run out within the measured span: stop them at its end, as SIGINT would
    signal: AbortSignal.timeout(seconds * 1000),
    graceS: 30,
    mock: { url: mock.url, apiKey: mock.apiKey, truth: { workers: 64, profile: 'ci' } },
    slo: { confidence: 0.95, objectives: [{ kind: 'rate', metric: 'success_rate', op: '>=', value: 0.99 }] },
  });
  const wallS = (performance.now() - t0) / 1000;
  const used = process.cpuUsage(cpu0);
  rmSync(out, { recursive: true, force: true });
  const completed = result.summary.jobs.completed;
  return { wall: completed / wallS, cpu: completed / ((used.user + used.system) / 1e6), judged: result.summary.conformance.judged, violations: result.summary.conformance.violations };
}

console.log(`end to end: async, ${inFlight} jobs in flight back to back, mock ci profile with 64 workers per model in its own process, ${seconds} s per run, ${rounds} rounds of judged / not judged`);
const on: number[] = [];
const off: number[] = [];
const onCpu: number[] = [];
const offCpu: number[] = [];
try {
  // a discarded warm-up run: the first run in a process pays for compiling the engine's and the judge's code
  await jobsPerSecond(true);
  for (let r = 0; r < rounds; r++) {
    // alternate which goes first, so a drift in the machine's load does not favour one side
    const order = r % 2 === 0 ? [true, false] : [false, true];
    const got = new Map<boolean, Awaited<ReturnType<typeof jobsPerSecond>>>();
    for (const validate of order) got.set(validate, await jobsPerSecond(validate));
    const a = got.get(true)!;
    const b = got.get(false)!;
    on.push(a.wall);
    off.push(b.wall);
    onCpu.push(a.cpu);
    offCpu.push(b.cpu);
    console.log(`  round ${r + 1}: judged ${a.wall.toFixed(1)} jobs/s, ${a.cpu.toFixed(0)} jobs per CPU-s (${a.judged} answers judged, ${a.violations} violations) · not judged ${b.wall.toFixed(1)} jobs/s, ${b.cpu.toFixed(0)} jobs per CPU-s → ${(a.wall / b.wall).toFixed(3)}`);
  }
} finally {
  await stop(mock);
}
const ratio = median(on) / median(off);
const cpuRatio = median(onCpu) / median(offCpu);
const spread = (xs: number[]): string => `${((100 * (Math.max(...xs) - Math.min(...xs))) / median(xs)).toFixed(0)} %`;
console.log(`  jobs per wall second (median): judged ${median(on).toFixed(1)} vs not ${median(off).toFixed(1)} → ratio ${ratio.toFixed(3)} (goal ≥ 0.95: ${ratio >= 0.95 ? 'MET' : 'NOT MET'}); round-to-round spread ${spread(on)} / ${spread(off)}`);
console.log(`  jobs per engine CPU second (median): judged ${median(onCpu).toFixed(0)} vs not ${median(offCpu).toFixed(0)} → ratio ${cpuRatio.toFixed(3)}`);

// ── in isolation ────────────────────────────────────────────────────────────────────────────────────────────────
const id = '2c7f59ea-13f1-402c-9353-915a2b5a2124';
const base = 'http://127.0.0.1:8080';
const json = (status: number, body: unknown): ResponseToJudge & { text: string } => ({ status, headers: { 'content-type': 'application/json' }, mediaType: 'application/json', json: body, text: JSON.stringify(body) });
const exchange: readonly [string, ReturnType<typeof json>][] = [
  ['submitAsync', json(200, { request_id: id, status: 'QUEUED', poll_url: `${base}/v1/requests/${id}`, status_url: `${base}/v2/requests/${id}/status`, response_url: `${base}/v2/requests/${id}` })],
  ['getRequestStatus', json(200, { status: 'PROCESSING', request_id: id, status_url: `${base}/v2/requests/${id}/status`, response_url: `${base}/v2/requests/${id}`, metrics: {} })],
  ['getRequestStatus', json(200, { status: 'COMPLETED', request_id: id, metrics: { inference_time: 1.2, queue_time: 0.3, total_time: 1.5, cost: 0.002, remaining_credits: 9.9 } })],
  ['getRequestResult', json(200, { status: 'COMPLETED', request_id: id, error: null, output: `${base}/images/${id}/0.jpg`, images: [{ url: `${base}/images/${id}/0.jpg`, content_type: 'image/jpeg', file_name: `${id}-0.jpg` }], seed: 5, metrics: { inference_time: 1.2, queue_time: 0.3, total_time: 1.5, cost: 0.002, remaining_credits: 9.9 } })],
];
const time = (fn: () => void): number => {
  const end = performance.now() + 2000;
  let n = 0;
  while (performance.now() < end) {
    fn();
    n++;
  }
  return n / 2;
};
const judged = time(() => {
  for (const [op, res] of exchange) if (judgeResponse(op, { ...res, json: JSON.parse(res.text) }).violations.length) throw new Error(`recorded ${op} does not conform`);
});
const parsed = time(() => {
  for (const [, res] of exchange) JSON.parse(res.text);
});
console.log('in isolation (no network): exchanges of 4 responses per second');
console.log(`  parsed and judged ${judged.toFixed(0)}/s · parsed only ${parsed.toFixed(0)}/s → ${(judged / parsed).toFixed(3)}; ${((1000 / judged - 1000 / parsed) * 250).toFixed(1)} µs per response to judge it`);
