// `runLoad(options)`: run one k6 scenario against a target and leave the raw result files (core/result-files.ts):
//   <out>/run.json      LoadRunMeta (with its optional arrivals, queueWaitAccuracy, segment, budget)
//   <out>/summary.json  k6's handleSummary data
//   <out>/jobs.ndjson   one JobRecord per line (with its optional sent_ms per observation and job_index)
//   <out>/truth.ndjson  the embedded mock's ground truth per job, when the target is the mock
// It is the whole of `infercheck load`, callable from code (the main job, the benches): it never exits the process
// and never prints a verdict; the caller reads exitCode (k6's own: 0 pass, 99 an SLO threshold failed).
// The API key reaches k6 only through the child's environment (IC_API_KEY) and is redacted from every file written.
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { loadObjectives, toK6Thresholds, type ObjectiveSet } from '../core/objectives.ts';
import { redactDeep, redactText } from '../core/redact.ts';
import type { JobRecord, LoadRunMeta, QueueWaitAccuracy } from '../core/result-files.ts';
import { isModelId, MODELS } from '../core/spec.ts';
import { billableBudget, parseTarget, readApiKey, UsageError, type TargetSpec } from '../core/target.ts';
import { interArrivalCv } from './k6/lib/rng.ts';
import { poolQueueWaits } from './pooled-queue-wait.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const K6_PATH = join(REPO, '.tools', 'bin', 'k6');
export const DEFAULT_OUT_DIR = join('reports', 'latest', 'load');
export const DEFAULT_SLO_FILE = join(REPO, 'load', 'objectives.default.yaml');
const JOB_LINE_MARKER = '@@infercheck-job ';

export const SCENARIOS = ['smoke', 'sync', 'async', 'sweep'] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface LoadOptions {
  readonly scenario: Scenario;
  /** mock (default) | live | an http(s) URL */
  readonly target?: string;
  /** jobs per second (open model) */
  readonly rate?: number;
  /** sweep: the stepped rates */
  readonly rates?: readonly number[];
  readonly durationS?: number;
  /** closed model: concurrent clients; open model: a fixed VU pool instead of the Little's-law estimate */
  readonly vus?: number;
  readonly models?: readonly string[];
  /** an objectives file (core/objectives.ts), or the set itself; default load/objectives.default.yaml */
  readonly slo?: string | ObjectiveSet;
  readonly maxBillable?: number;
  readonly out?: string;
  readonly apiKeyEnv?: string;
  readonly arrivals?: 'even' | 'poisson';
  readonly poll?: 'fixed' | 'adaptive' | 'both';
  readonly seed?: number;
  /** the embedded mock: latency profile, workers per model, exact service time, per-key rpm */
  readonly mockProfile?: 'ci' | 'realistic';
  readonly workers?: number;
  readonly serviceTime?: string;
  readonly mockRpm?: number;
  /** use this running embedded mock instead of starting one (a segmented run shares one mock) */
  readonly mock?: { readonly url: string; readonly apiKey: string; readonly truth: NonNullable<LoadRunMeta['mockTruth']> };
  /** the target's per-key rate limit (requests/min); polling is spaced to stay under it */
  readonly rpm?: number;
  readonly jobTimeoutS?: number;
  readonly expectedInferenceMs?: number;
  readonly expectedE2eMs?: number;
  /** false: parse bodies but skip contract validation (the cost-of-validation bench) */
  readonly validate?: boolean;
  readonly minPollGapMs?: number;
  readonly stageGapS?: number;
  /** k6 --execution-segment / --execution-segment-sequence, to split one test over several instances */
  readonly executionSegment?: string;
  readonly executionSegmentSequence?: string;
  /** show k6's progress bars (default true) */
  readonly progress?: boolean;
  /** capture k6's output into LoadResult.log instead of the terminal (tests, benches) */
  readonly capture?: boolean;
  readonly env?: NodeJS.ProcessEnv;
}

export type { QueueWaitAccuracy } from '../core/result-files.ts';
/** run.json: the shared LoadRunMeta, whose optional fields carry this stage's extras. */
export type LoadRunFile = LoadRunMeta;

export interface LoadResult {
  readonly exitCode: number;
  readonly outDir: string;
  readonly meta: LoadRunFile;
  readonly jobs: readonly JobRecord[];
  /** k6's stderr when progress was captured (never contains the key) */
  readonly log: string;
}

interface MockTruthRecord {
  readonly request_id: string;
  readonly queue_ms: number | null;
  readonly started_at_ms: number | null;
  readonly submitted_at_ms: number;
  readonly inference_ms: number | null;
}

const DEFAULTS: Record<Scenario, { rate: number; durationS: number; vus: number }> = {
  smoke: { rate: 4, durationS: 3, vus: 0 }, // vus 0: the open stage sizes its pool by Little's law; the v1 stage has its own 2 clients
  sync: { rate: 1, durationS: 30, vus: 2 },
  async: { rate: 1, durationS: 30, vus: 0 },
  sweep: { rate: 1, durationS: 20, vus: 0 },
};

function positive(name: string, value: number | undefined, { integer = false, allowZero = false } = {}): void {
  if (value === undefined) return;
  const ok = Number.isFinite(value) && (allowZero ? value >= 0 : value > 0) && (!integer || Number.isInteger(value));
  if (!ok) throw new UsageError(`${name} must be ${integer ? 'a whole number' : 'a number'} ${allowZero ? '≥ 0' : '> 0'}, got ${value}`);
}

/** Mean of a service-time spec, ms: what the adaptive poller expects before it has learned anything. */
export function expectedServiceMs(serviceTime: string | undefined, profile: 'ci' | 'realistic'): number {
  const match = /^(fixed|exp|lognormal):([\d.]+)(?:,([\d.]+))?$/.exec(serviceTime ?? '');
  if (match) {
    const a = Number(match[2]);
    return match[1] === 'lognormal' ? a * Math.exp(Number(match[3] ?? 0) ** 2 / 2) : a;
  }
  // mock/latency.ts profiles at the pages' payloads (25–30 steps, 512×768): ~1.6 s realistic, ~25 ms ci
  return profile === 'ci' ? 25 : 1600;
}

function validate(options: LoadOptions): void {
  if (!(SCENARIOS as readonly string[]).includes(options.scenario)) {
    throw new UsageError(`--scenario must be one of ${SCENARIOS.join(', ')}, got "${String(options.scenario)}"`);
  }
  positive('--rate', options.rate);
  positive('--duration', options.durationS);
  positive('--vus', options.vus, { integer: true });
  positive('--workers', options.workers, { integer: true });
  positive('--job-timeout', options.jobTimeoutS);
  positive('--rpm', options.rpm, { allowZero: true });
  for (const rate of options.rates ?? []) positive('--rates', rate);
  for (const model of options.models ?? []) {
    if (!isModelId(model)) throw new UsageError(`--models: unknown model "${model}" (known: ${MODELS.join(', ')})`);
  }
  if (options.models && options.models.length === 0) throw new UsageError('--models is empty');
  if (options.arrivals && options.arrivals !== 'even' && options.arrivals !== 'poisson') throw new UsageError(`--arrivals must be even or poisson, got "${options.arrivals}"`);
  if (options.poll && !['fixed', 'adaptive', 'both'].includes(options.poll)) throw new UsageError(`--poll must be fixed, adaptive or both, got "${options.poll}"`);
  if (options.mockProfile && options.mockProfile !== 'ci' && options.mockProfile !== 'realistic') throw new UsageError(`--mock-profile must be ci or realistic, got "${options.mockProfile}"`);
  if (options.serviceTime !== undefined && !/^(fixed:[\d.]+|exp:[\d.]+|lognormal:[\d.]+,[\d.]+)$/.test(options.serviceTime)) {
    throw new UsageError(`--service-time must be fixed:MS, exp:MEAN_MS or lognormal:MEDIAN_MS,SIGMA, got "${options.serviceTime}"`);
  }
  const segment = /^\d+(\/\d+)?:\d+(\/\d+)?$/;
  if (options.executionSegment !== undefined && !segment.test(options.executionSegment)) {
    throw new UsageError(`--execution-segment must look like 0:1/2, got "${options.executionSegment}"`);
  }
}

function objectivesOf(slo: LoadOptions['slo']): ObjectiveSet {
  if (slo === undefined) return loadObjectives(DEFAULT_SLO_FILE);
  return typeof slo === 'string' ? loadObjectives(slo) : slo;
}

async function fetchTruth(baseUrl: string, sinceMs: number): Promise<MockTruthRecord[]> {
  const res = await fetch(`${baseUrl}/__mock/requests?since_ms=${Math.floor(sinceMs)}`);
  if (!res.ok) throw new Error(`mock ground truth: GET /__mock/requests answered ${res.status}`);
  const body = (await res.json()) as { requests?: MockTruthRecord[] };
  return body.requests ?? [];
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Each job's estimated queue wait against the mock's ground truth, per polling strategy. */
export function scoreQueueWait(jobs: readonly JobRecord[], truth: readonly MockTruthRecord[]): QueueWaitAccuracy[] {
  const byId = new Map(truth.map((t) => [t.request_id, t]));
  const groups = new Map<string, { errors: number[]; midErrors: number[]; truths: number[]; polls: number[]; covered: number }>();
  for (const job of jobs) {
    if (job.api !== 'v2' || job.request_id === null || job.queue_wait_est_ms === null || job.final_status !== 'COMPLETED') continue;
    const t = byId.get(job.request_id);
    if (!t || t.queue_ms === null) continue;
    const group = groups.get(job.poll_strategy) ?? { errors: [], midErrors: [], truths: [], polls: [], covered: 0 };
    // the client's clock starts when it sends the submit; the mock's when it receives it: compare like with like
    const trueWait = t.started_at_ms !== null ? t.started_at_ms - job.submit_at_ms : t.queue_ms;
    const error = job.queue_wait_est_ms - trueWait;
    group.errors.push(error);
    group.midErrors.push((job.queue_wait_mid_ms ?? job.queue_wait_est_ms) - trueWait);
    group.truths.push(trueWait);
    group.polls.push(job.polls);
    if (Math.abs(error) <= (job.queue_wait_bound_ms ?? 0) + 1) group.covered++;
    groups.set(job.poll_strategy, group);
  }
  const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
  return [...groups.entries()].map(([strategy, g]) => {
    const trueMean = mean(g.truths);
    const meanError = mean(g.errors);
    const midpointMeanError = mean(g.midErrors);
    // jobs' errors are independent given the queue (each job's poll phase is its own draw)
    const sd = g.errors.length > 1 ? Math.sqrt(g.errors.reduce((s, e) => s + (e - meanError) ** 2, 0) / (g.errors.length - 1)) : Number.NaN;
    return {
      strategy,
      jobs: g.errors.length,
      trueMeanMs: trueMean,
      meanErrorMs: meanError,
      meanErrorPct: trueMean > 0 ? (100 * meanError) / trueMean : Number.NaN,
      meanErrorCi95Ms: (1.96 * sd) / Math.sqrt(g.errors.length),
      midpointMeanErrorMs: midpointMeanError,
      midpointMeanErrorPct: trueMean > 0 ? (100 * midpointMeanError) / trueMean : Number.NaN,
      p95AbsErrorMs: quantile([...g.errors.map(Math.abs)].sort((a, b) => a - b), 0.95),
      coverage: g.covered / g.errors.length,
      medianPolls: quantile([...g.polls].sort((a, b) => a - b), 0.5),
      meanPolls: mean(g.polls),
    };
  });
}

async function readJobLines(consolePath: string, secrets: readonly string[]): Promise<{ jobs: JobRecord[]; other: string[] }> {
  const jobs: JobRecord[] = [];
  const other: string[] = [];
  if (!existsSync(consolePath)) return { jobs, other };
  const lines = createInterface({ input: createReadStream(consolePath, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    let msg = line;
    try {
      msg = String((JSON.parse(line) as { msg?: unknown }).msg ?? line);
    } catch {
      // not a JSON log line: keep it as it is
    }
    if (msg.startsWith(JOB_LINE_MARKER)) jobs.push(redactDeep(JSON.parse(msg.slice(JOB_LINE_MARKER.length)) as JobRecord, secrets));
    else other.push(redactText(msg, secrets));
  }
  return { jobs, other };
}

function k6Version(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { config?: { k6?: string } };
    return pkg.config?.k6 ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  validate(options);
  const scenario = options.scenario;
  const target: TargetSpec = parseTarget(options.target ?? 'mock', options.apiKeyEnv);
  const budget = billableBudget(target, options.maxBillable);
  const objectives = objectivesOf(options.slo);
  if (!existsSync(K6_PATH)) throw new Error(`k6 is not installed at ${K6_PATH}: run npm run setup`);
  const models = options.models ?? [...MODELS];
  const defaults = DEFAULTS[scenario];
  const durationS = options.durationS ?? defaults.durationS;
  const rate = options.rate ?? defaults.rate;
  const rates = options.rates ?? (scenario === 'sweep' ? [rate / 2, rate, rate * 2] : [rate]);
  const arrivals = options.arrivals ?? 'poisson';
  const outDir = resolve(options.out ?? DEFAULT_OUT_DIR);
  mkdirSync(outDir, { recursive: true });
  for (const name of ['run.json', 'summary.json', 'jobs.ndjson', 'truth.ndjson', 'k6-console.log']) rmSync(join(outDir, name), { force: true });

  let apiKey: string;
  let baseUrl: string;
  let mockTruth: LoadRunMeta['mockTruth'];
  let stopMock: (() => Promise<void>) | undefined;
  const profile = options.mockProfile ?? 'ci';
  if (target.kind === 'mock') {
    if (options.mock) {
      ({ apiKey, url: baseUrl } = options.mock);
      mockTruth = options.mock.truth;
    } else {
      const { startMock } = await import('../mock/index.ts');
      const mock = await startMock({
        profile,
        ...(options.workers !== undefined ? { workers: options.workers } : {}),
        ...(options.serviceTime !== undefined ? { serviceTime: options.serviceTime } : {}),
        // the embedded mock enforces the limit the run is told to respect
        ...((options.mockRpm ?? options.rpm) !== undefined ? { rpm: options.mockRpm ?? options.rpm } : {}),
        seed: options.seed ?? 1,
      });
      apiKey = mock.apiKey;
      baseUrl = mock.url;
      stopMock = () => mock.close();
      mockTruth = { workers: options.workers ?? 2, profile, ...(options.serviceTime ? { serviceTime: options.serviceTime } : {}) };
    }
  } else {
    apiKey = readApiKey(target, options.env ?? process.env);
    baseUrl = target.baseUrl;
  }

  const expectedInferenceMs = options.expectedInferenceMs ?? (target.kind === 'mock' ? expectedServiceMs(mockTruth?.serviceTime, (mockTruth?.profile as 'ci' | 'realistic') ?? profile) : 3000);
  const expectedE2eMs = options.expectedE2eMs ?? Math.max(2000, 4 * expectedInferenceMs + 1000);
  const summaryPath = join(outDir, 'summary.json');
  const consolePath = join(outDir, 'k6-console.raw');
  rmSync(consolePath, { force: true });
  const parentEnv = options.env ?? process.env;
  const env: NodeJS.ProcessEnv = {
    PATH: parentEnv['PATH'] ?? '/usr/bin:/bin',
    HOME: parentEnv['HOME'] ?? '/tmp',
    ...Object.fromEntries(Object.entries(parentEnv).filter(([k]) => k.startsWith('K6_'))),
    IC_BASE_URL: baseUrl,
    IC_API_KEY: apiKey,
    IC_MODELS: models.join(','),
    IC_RATE: String(rate),
    IC_RATES: rates.join(','),
    IC_DURATION_S: String(durationS),
    IC_VUS: String(options.vus ?? defaults.vus),
    IC_ARRIVALS: arrivals,
    IC_POLL: options.poll ?? (scenario === 'smoke' ? 'both' : 'adaptive'),
    IC_SEED: String(options.seed ?? 1),
    IC_THRESHOLDS: JSON.stringify(toK6Thresholds(objectives)),
    IC_SUMMARY_PATH: summaryPath,
    IC_EXPECTED_INFERENCE_MS: String(expectedInferenceMs),
    IC_EXPECTED_E2E_MS: String(expectedE2eMs),
    IC_RPM: String(options.rpm ?? options.mockRpm ?? 0),
    IC_JOB_TIMEOUT_S: String(options.jobTimeoutS ?? (target.kind === 'mock' && profile === 'ci' && !options.serviceTime ? 30 : 600)),
    IC_VALIDATE: options.validate === false ? '0' : '1',
    IC_MIN_POLL_GAP_MS: String(options.minPollGapMs ?? 10),
    ...(options.stageGapS !== undefined ? { IC_STAGE_GAP_S: String(options.stageGapS) } : {}),
    ...(Number.isFinite(budget) ? { IC_MAX_JOBS: String(budget) } : {}),
  };
  const args = [
    'run',
    '--log-format=json',
    `--console-output=${consolePath}`,
    '--address=',
    '--no-usage-report',
    ...(options.executionSegment ? ['--execution-segment', options.executionSegment] : []),
    ...(options.executionSegmentSequence ? ['--execution-segment-sequence', options.executionSegmentSequence] : []),
    ...(options.progress === false || options.capture ? ['--quiet'] : []),
    join(REPO, 'load', 'k6', `${scenario}.ts`),
  ];

  const startedAt = new Date();
  let log = '';
  let exitCode: number;
  // Ctrl-C reaches k6 too (same process group): k6 stops gracefully and still writes its summary, so wait for it
  // and write the files instead of dying with the mock half-read
  const waitForK6 = (): void => undefined;
  process.on('SIGINT', waitForK6);
  try {
    exitCode = await new Promise<number>((resolveExit, reject) => {
      const child = spawn(K6_PATH, args, { env, stdio: options.capture ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'] });
      const keep = (chunk: Buffer): void => {
        log += redactText(chunk.toString('utf8'), [apiKey]);
        if (log.length > 200_000) log = log.slice(-100_000);
      };
      child.stdout?.on('data', keep);
      child.stderr?.on('data', keep);
      child.on('error', reject);
      child.on('close', (code, signal) => resolveExit(code ?? (signal ? 128 : 1)));
    });
  } finally {
    process.off('SIGINT', waitForK6);
    if (stopMock) {
      // read the ground truth before the mock goes away
      try {
        const truth = target.kind === 'mock' ? await fetchTruth(baseUrl, startedAt.getTime() - 60_000) : [];
        writeFileSync(join(outDir, 'truth.ndjson'), truth.map((t) => JSON.stringify(t)).join('\n') + (truth.length ? '\n' : ''));
      } finally {
        await stopMock();
      }
    }
  }
  const finishedAt = new Date();
  if (options.mock) {
    const truth = await fetchTruth(baseUrl, startedAt.getTime() - 60_000);
    writeFileSync(join(outDir, 'truth.ndjson'), truth.map((t) => JSON.stringify(t)).join('\n') + (truth.length ? '\n' : ''));
  }

  const read = await readJobLines(consolePath, [apiKey]);
  const { other } = read;
  const jobs = poolQueueWaits(read.jobs);
  writeFileSync(join(outDir, 'jobs.ndjson'), jobs.map((j) => JSON.stringify(j)).join('\n') + (jobs.length ? '\n' : ''));
  writeFileSync(join(outDir, 'k6-console.log'), other.join('\n') + (other.length ? '\n' : ''));
  rmSync(consolePath, { force: true });
  if (existsSync(summaryPath)) {
    const summary = JSON.parse(readFileSync(summaryPath, 'utf8')) as unknown;
    writeFileSync(summaryPath, JSON.stringify(redactDeep(summary, [apiKey]), null, 1));
  }

  // the arrival process is judged per stage (a sweep's stages, and the pauses between them, are not one process);
  // the busiest stage is reported
  const v2Jobs = jobs.filter((j) => j.api === 'v2');
  const byStage = new Map<string, number[]>();
  for (const j of v2Jobs) byStage.set(j.stage, [...(byStage.get(j.stage) ?? []), j.submit_at_ms]);
  const busiest = [...byStage.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  const v2Submits = busiest;
  const cv = interArrivalCv(busiest);
  let queueWaitAccuracy: QueueWaitAccuracy[] | undefined;
  if (target.kind === 'mock' && existsSync(join(outDir, 'truth.ndjson'))) {
    const truth = readFileSync(join(outDir, 'truth.ndjson'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as MockTruthRecord);
    queueWaitAccuracy = scoreQueueWait(jobs, truth);
  }
  const stages: LoadRunMeta['stages'] =
    scenario === 'sync'
      ? [{ tag: `vus=${options.vus ?? defaults.vus}`, vus: options.vus ?? defaults.vus, durationS }]
      : scenario === 'sweep'
        ? rates.map((r) => ({ tag: `rate=${r}`, rate: r, durationS }))
        : scenario === 'smoke'
          ? [
              { tag: 'smoke', rate, durationS },
              { tag: 'smoke', vus: 2, durationS },
            ]
          : [{ tag: `rate=${rate}`, rate, durationS }];
  const slo = Object.fromEntries(Object.entries(toK6Thresholds(objectives)).map(([metric, list]) => [metric, list.join(' && ')]));
  const meta: LoadRunFile = {
    schema: 'infercheck/load-run@1',
    scenario,
    target: { kind: target.kind, baseUrl: target.kind === 'mock' ? baseUrl : target.baseUrl },
    models,
    k6Version: k6Version(),
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    k6ExitCode: exitCode,
    stages,
    slo,
    ...(mockTruth ? { mockTruth } : {}),
    ...(v2Submits.length > 2 ? { arrivals: { process: arrivals, jobs: v2Submits.length, ratePerS: cv.meanMs > 0 ? 1000 / cv.meanMs : 0, interArrivalCv: cv.cv } } : {}),
    ...(queueWaitAccuracy ? { queueWaitAccuracy } : {}),
    ...(options.executionSegment ? { segment: options.executionSegment } : {}),
    budget: Number.isFinite(budget) ? budget : null,
  };
  writeFileSync(join(outDir, 'run.json'), JSON.stringify(redactDeep(meta, [apiKey]), null, 2) + '\n');
  return { exitCode, outDir, meta, jobs, log };
}
