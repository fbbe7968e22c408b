// Service-level objectives, one file format for both uses: `infercheck load --slo FILE` judges them on the run's
// point estimates (a failed one makes the exit code 1), and `infercheck report` turns the same file into
// SLA verdicts with a stated confidence (PASS / FAIL / INCONCLUSIVE). YAML or JSON:
//
//   confidence: 0.95                 # for the SLA verdicts; default 0.95
//   objectives:
//     - { metric: e2e_ms, stat: p95, op: '<=', value: 8000 }
//     - { metric: queue_wait_ms, stat: p99, op: '<=', value: 5000, model: sd1.5-scifi, api: v2 }
//     - { metric: success_rate, op: '>=', value: 0.99 }
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { UsageError } from './target.ts';

/** Latency metrics, in milliseconds, each with what it measures (scoped by model and api in an objective). */
export const LATENCY_METRICS = {
  submit_latency_ms: 'submit sent → its answer (v1: the whole request)',
  queue_wait_ms: 'submit sent → processing began (estimate between two polls)',
  processing_ms: 'end-to-end minus the queue-wait estimate',
  e2e_ms: 'submit sent → terminal state seen by the client',
  result_fetch_ms: 'GET /v2/requests/{id}',
  server_queue_time_ms: "the vendor's metrics.queue_time",
  server_inference_time_ms: "the vendor's metrics.inference_time (v1: x-generation-time)",
  server_total_time_ms: "the vendor's metrics.total_time",
} as const;

/** Rate metrics, as fractions, each with what it measures. */
export const RATE_METRICS = {
  success_rate: 'jobs COMPLETED / jobs',
  error_rate: '1 − success_rate',
} as const;

export type LatencyMetric = keyof typeof LATENCY_METRICS;
export type RateMetric = keyof typeof RATE_METRICS;
export type Percentile = 'p50' | 'p90' | 'p95' | 'p99' | 'p99.9';
export type Comparison = '<=' | '<' | '>=' | '>';

export type Objective =
  | { readonly kind: 'latency'; readonly metric: LatencyMetric; readonly stat: Percentile | 'mean'; readonly op: Comparison; readonly value: number; readonly model?: string; readonly api?: 'v1' | 'v2' }
  | { readonly kind: 'rate'; readonly metric: RateMetric; readonly op: Comparison; readonly value: number; readonly model?: string; readonly api?: 'v1' | 'v2' };

export interface ObjectiveSet {
  readonly confidence: number;
  readonly objectives: readonly Objective[];
}

const PERCENTILES: readonly string[] = ['p50', 'p90', 'p95', 'p99', 'p99.9'];
const COMPARISONS: readonly string[] = ['<=', '<', '>=', '>'];

/** The fraction a percentile names: p95 → 0.95. */
export function quantileOf(stat: Percentile): number {
  return Number((Number(stat.slice(1)) / 100).toPrecision(12));
}

/** A short human name, e.g. "p95 e2e_ms ≤ 8000 [sd1.5-scifi v2]". */
export function describeObjective(o: Objective): string {
  const scope = [o.model, o.api].filter(Boolean).join(' ');
  const op = { '<=': '≤', '<': '<', '>=': '≥', '>': '>' }[o.op];
  const what = o.kind === 'latency' ? `${o.stat} ${o.metric}` : o.metric;
  return `${what} ${op} ${o.value}${scope ? ` [${scope}]` : ''}`;
}

export function parseObjectives(text: string, source = 'objectives'): ObjectiveSet {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (err) {
    throw new UsageError(`${source}: not YAML or JSON (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
  }
  if (!doc || typeof doc !== 'object' || !Array.isArray((doc as { objectives?: unknown }).objectives)) {
    throw new UsageError(`${source}: expected a mapping with an "objectives" list`);
  }
  const raw = doc as { confidence?: unknown; objectives: unknown[] };
  const confidence = raw.confidence === undefined ? 0.95 : Number(raw.confidence);
  if (!(confidence > 0.5 && confidence < 1)) throw new UsageError(`${source}: confidence must be between 0.5 and 1, got ${String(raw.confidence)}`);
  const objectives = raw.objectives.map((entry, i): Objective => {
    const where = `${source}: objectives[${i}]`;
    if (!entry || typeof entry !== 'object') throw new UsageError(`${where} is not a mapping`);
    const e = entry as Record<string, unknown>;
    const op = String(e['op'] ?? '');
    if (!COMPARISONS.includes(op)) throw new UsageError(`${where}: op must be one of ${COMPARISONS.join(' ')}, got "${op}"`);
    const value = Number(e['value']);
    if (typeof e['value'] !== 'number' || !Number.isFinite(value)) throw new UsageError(`${where}: value must be a number`);
    const api = e['api'];
    if (api !== undefined && api !== 'v1' && api !== 'v2') throw new UsageError(`${where}: api must be v1 or v2`);
    const model = e['model'] === undefined ? undefined : String(e['model']);
    const scope = { ...(model ? { model } : {}), ...(api ? { api: api as 'v1' | 'v2' } : {}) };
    const metric = String(e['metric'] ?? '');
    if (metric in LATENCY_METRICS) {
      const stat = String(e['stat'] ?? '');
      if (stat !== 'mean' && !PERCENTILES.includes(stat)) throw new UsageError(`${where}: stat must be mean or one of ${PERCENTILES.join(' ')}, got "${stat}"`);
      if (value < 0) throw new UsageError(`${where}: a latency objective must be ≥ 0 ms`);
      return { kind: 'latency', metric: metric as LatencyMetric, stat: stat as Percentile | 'mean', op: op as Comparison, value, ...scope };
    }
    if (metric in RATE_METRICS) {
      if (value < 0 || value > 1) throw new UsageError(`${where}: a rate objective is a fraction between 0 and 1`);
      return { kind: 'rate', metric: metric as RateMetric, op: op as Comparison, value, ...scope };
    }
    const known = [...Object.keys(LATENCY_METRICS), ...Object.keys(RATE_METRICS)].join(', ');
    throw new UsageError(`${where}: unknown metric "${metric}" (known: ${known})`);
  });
  if (objectives.length === 0) throw new UsageError(`${source}: the objectives list is empty`);
  return { confidence, objectives };
}

export function loadObjectives(path: string): ObjectiveSet {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`cannot read objectives file ${path}`);
  }
  return parseObjectives(text, path);
}
