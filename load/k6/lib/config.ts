// The run's parameters, read once from the environment (`infercheck load` sets them; see load/run.ts). The API key
// travels only here, in IC_API_KEY, never on k6's command line and never into any output.
import type { PollStrategy } from './poll.ts';

export type Arrivals = 'even' | 'poisson';
export type PollChoice = PollStrategy | 'both';

export interface RunConfig {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly models: readonly string[];
  /** open model: jobs per second (per stage in a sweep) */
  readonly rate: number;
  readonly durationS: number;
  /** closed model: concurrent clients; open model: a cap on VUs (0 = sized from rate × expected e2e) */
  readonly vus: number;
  readonly rates: readonly number[];
  readonly arrivals: Arrivals;
  readonly poll: PollChoice;
  readonly seed: number;
  /** the billable budget: no more than this many submits in the whole run (all instances) */
  readonly maxJobs: number;
  readonly thresholds: Readonly<Record<string, string[]>>;
  readonly summaryPath: string;
  readonly expectedInferenceMs: number;
  readonly expectedE2eMs: number;
  /** the target's per-key requests-per-minute limit, 0 = none known */
  readonly rpm: number;
  readonly jobTimeoutS: number;
  readonly validate: boolean;
  readonly minPollGapMs: number;
}

function num(name: string, fallback: number): number {
  const raw = __ENV[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`${name} must be a number, got "${raw}"`);
  return value;
}

function list(name: string, fallback: readonly string[]): string[] {
  const raw = __ENV[name];
  if (!raw) return [...fallback];
  return raw.split(',').map((s) => s.trim()).filter(Boolean);
}

function oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const raw = __ENV[name];
  if (!raw) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) throw new Error(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  return raw as T;
}

export function readConfig(defaults: { rate?: number; durationS?: number; vus?: number; rates?: readonly number[] } = {}): RunConfig {
  const baseUrl = (__ENV['IC_BASE_URL'] ?? '').replace(/\/+$/, '');
  if (!baseUrl) throw new Error('IC_BASE_URL is not set: run the scripts through `infercheck load`');
  const maxJobsRaw = __ENV['IC_MAX_JOBS'];
  const thresholdsRaw = __ENV['IC_THRESHOLDS'];
  return {
    baseUrl,
    apiKey: __ENV['IC_API_KEY'] ?? '',
    models: list('IC_MODELS', ['sd1.5-scifi', 'sd1.5-epicrealism']),
    rate: num('IC_RATE', defaults.rate ?? 1),
    durationS: num('IC_DURATION_S', defaults.durationS ?? 30),
    vus: num('IC_VUS', defaults.vus ?? 0),
    rates: list('IC_RATES', (defaults.rates ?? [0.5, 1, 2]).map(String)).map(Number),
    arrivals: oneOf<Arrivals>('IC_ARRIVALS', ['even', 'poisson'], 'poisson'),
    poll: oneOf<PollChoice>('IC_POLL', ['fixed', 'adaptive', 'both'], 'adaptive'),
    seed: num('IC_SEED', 1),
    maxJobs: maxJobsRaw === undefined || maxJobsRaw === '' ? Number.POSITIVE_INFINITY : num('IC_MAX_JOBS', 0),
    thresholds: thresholdsRaw ? (JSON.parse(thresholdsRaw) as Record<string, string[]>) : {},
    summaryPath: __ENV['IC_SUMMARY_PATH'] ?? 'summary.json',
    expectedInferenceMs: num('IC_EXPECTED_INFERENCE_MS', 2000),
    expectedE2eMs: num('IC_EXPECTED_E2E_MS', 5000),
    rpm: num('IC_RPM', 0),
    jobTimeoutS: num('IC_JOB_TIMEOUT_S', 600),
    validate: __ENV['IC_VALIDATE'] !== '0',
    minPollGapMs: num('IC_MIN_POLL_GAP_MS', 10),
  };
}
