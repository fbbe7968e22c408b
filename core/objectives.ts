// Service-level objectives, one file format for both uses: `infercheck load --slo FILE` judges them on the run's
// point estimates (a failed one makes the exit code 1), and `infercheck report` turns the same file into
// SLA verdicts with a stated confidence (PASS / FAIL / INCONCLUSIVE). YAML or JSON:
//
//   confidence: 0.95                 # for the SLA verdicts; default 0.95
//   objectives:
//     - { metric: e2e_ms, stat: p95, op: '<=', value: 8000 }
//     - { metric: queue_wait_ms, stat: p99, op: '<=', value: 5, unit: s, model: sd1.5-scifi, api: v2 }
//     - { metric: success_rate, op: '>=', value: 99, unit: '%' }
//     - { metric: cost_per_image, op: '<=', value: 0.002 }          # credits, from the vendor's own cost fields
//
// A file is checked against a JSON Schema (Ajv) before anything runs: an unknown key, metric, model, unit or stat is
// a usage error naming what is known, so a typo is caught before a run spends time or money, not judged
// INCONCLUSIVE after it.
import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { parse as parseYaml } from 'yaml';
import { MODELS } from './spec.ts';
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

/** Money metrics, in the vendor's credits, from each job's own cost field (JobRecord.server.cost: v2 metrics.cost, v1 x-cost). */
export const COST_METRICS = {
  cost_per_job: 'credits charged per job that reported a cost',
  cost_per_image: 'credits charged per image delivered',
} as const;

export type LatencyMetric = keyof typeof LATENCY_METRICS;
export type RateMetric = keyof typeof RATE_METRICS;
export type CostMetric = keyof typeof COST_METRICS;
export type Percentile = 'p50' | 'p90' | 'p95' | 'p99' | 'p99.9';
export type Comparison = '<=' | '<' | '>=' | '>';

export type Objective =
  | { readonly kind: 'latency'; readonly metric: LatencyMetric; readonly stat: Percentile | 'mean'; readonly op: Comparison; readonly value: number; readonly model?: string; readonly api?: 'v1' | 'v2' }
  | { readonly kind: 'rate'; readonly metric: RateMetric; readonly op: Comparison; readonly value: number; readonly model?: string; readonly api?: 'v1' | 'v2' }
  | { readonly kind: 'cost'; readonly metric: CostMetric; readonly stat: 'mean'; readonly op: Comparison; readonly value: number; readonly model?: string; readonly api?: 'v1' | 'v2' };

export type ObjectiveKind = Objective['kind'];

export interface ObjectiveSet {
  readonly confidence: number;
  readonly objectives: readonly Objective[];
}

const PERCENTILES: readonly Percentile[] = ['p50', 'p90', 'p95', 'p99', 'p99.9'];
const COMPARISONS: readonly Comparison[] = ['<=', '<', '>=', '>'];
const APIS = ['v1', 'v2'] as const;

/** The units each kind of metric may be written in, as the factor to its canonical unit (ms, fraction, credits). */
export const OBJECTIVE_UNITS: Readonly<Record<ObjectiveKind, Readonly<Record<string, number>>>> = {
  latency: { ms: 1, s: 1000 },
  rate: { fraction: 1, '%': 0.01 },
  cost: { credits: 1 },
};

const KIND_OF_METRIC: Readonly<Record<string, ObjectiveKind>> = {
  ...Object.fromEntries(Object.keys(LATENCY_METRICS).map((m) => [m, 'latency'])),
  ...Object.fromEntries(Object.keys(RATE_METRICS).map((m) => [m, 'rate'])),
  ...Object.fromEntries(Object.keys(COST_METRICS).map((m) => [m, 'cost'])),
};

/** The file's JSON Schema: every key, metric, stat, comparison, model, API and unit it may name. */
export const OBJECTIVES_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'infercheck objectives file',
  type: 'object',
  required: ['objectives'],
  additionalProperties: false,
  properties: {
    confidence: { type: 'number', exclusiveMinimum: 0.5, exclusiveMaximum: 1 },
    objectives: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['metric', 'op', 'value'],
        additionalProperties: false,
        properties: {
          metric: { enum: Object.keys(KIND_OF_METRIC) },
          stat: { enum: ['mean', ...PERCENTILES] },
          op: { enum: [...COMPARISONS] },
          value: { type: 'number' },
          model: { enum: [...MODELS] },
          api: { enum: [...APIS] },
          unit: { enum: [...new Set(Object.values(OBJECTIVE_UNITS).flatMap((units) => Object.keys(units)))] },
        },
      },
    },
  },
} as const;

const validateSchema = new Ajv2020({ strict: true, allErrors: true, verbose: true }).compile(OBJECTIVES_SCHEMA);

/** The fraction a percentile names: p95 → 0.95. */
export function quantileOf(stat: Percentile): number {
  return Number((Number(stat.slice(1)) / 100).toPrecision(12));
}

/** A short human name, e.g. "p95 e2e_ms ≤ 8000 [sd1.5-scifi v2]". */
export function describeObjective(o: Objective): string {
  const scope = [o.model, o.api].filter(Boolean).join(' ');
  const op = { '<=': '≤', '<': '<', '>=': '≥', '>': '>' }[o.op];
  const what = o.kind === 'latency' ? `${o.stat} ${o.metric}` : o.kind === 'cost' ? `mean ${o.metric}` : o.metric;
  return `${what} ${op} ${o.value}${o.kind === 'cost' ? ' credits' : ''}${scope ? ` [${scope}]` : ''}`;
}

/** "objectives[2]" for /objectives/2/…, "the file" for the top level. */
function whereOf(error: ErrorObject): string {
  const m = /^\/objectives\/(\d+)/.exec(error.instancePath);
  return m ? `objectives[${m[1]}]` : '';
}

const ERROR_ORDER = ['additionalProperties', 'enum', 'required', 'type', 'minItems', 'exclusiveMinimum', 'exclusiveMaximum'];

/** One line for the first schema error in document order, naming what is known. */
function schemaMessage(errors: readonly ErrorObject[]): string {
  const index = (e: ErrorObject): number => Number(/^\/objectives\/(\d+)/.exec(e.instancePath)?.[1] ?? -1);
  const rank = (e: ErrorObject): number => {
    const r = ERROR_ORDER.indexOf(e.keyword);
    return r < 0 ? ERROR_ORDER.length : r;
  };
  const first = [...errors].sort((a, b) => index(a) - index(b) || rank(a) - rank(b))[0]!;
  const where = whereOf(first);
  const prefix = where ? `${where}: ` : '';
  const field = first.instancePath.split('/').pop() ?? '';
  switch (first.keyword) {
    case 'additionalProperties': {
      const key = (first.params as { additionalProperty: string }).additionalProperty;
      const known = where ? Object.keys(OBJECTIVES_SCHEMA.properties.objectives.items.properties) : Object.keys(OBJECTIVES_SCHEMA.properties);
      return `${prefix}unknown key "${key}" (known: ${known.join(', ')})`;
    }
    case 'enum': {
      const allowed = (first.params as { allowedValues: unknown[] }).allowedValues.map(String);
      return `${prefix}unknown ${field} ${JSON.stringify(first.data)} (known: ${allowed.join(', ')})`;
    }
    case 'required':
      return `${prefix}missing "${(first.params as { missingProperty: string }).missingProperty}"`;
    case 'type':
      if (!where && first.instancePath === '') return 'expected a mapping with an "objectives" list';
      if (field === 'objectives') return 'expected a mapping with an "objectives" list';
      return `${prefix}${/^\d+$/.test(field) ? 'each entry must be a mapping' : `${field} must be a ${(first.params as { type: string }).type}`}`;
    case 'minItems':
      return 'the objectives list is empty';
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `confidence must be between 0.5 and 1, got ${String(first.data)}`;
    default:
      return `${prefix}${field ? `${field} ` : ''}${first.message ?? 'is invalid'}`;
  }
}

interface RawObjective {
  readonly metric: string;
  readonly stat?: string;
  readonly op: Comparison;
  readonly value: number;
  readonly model?: string;
  readonly api?: 'v1' | 'v2';
  readonly unit?: string;
}

/** The checks a schema cannot say plainly: which stat and unit go with which kind of metric, and value ranges. */
function toObjective(e: RawObjective, where: string): Objective {
  const kind = KIND_OF_METRIC[e.metric]!;
  const units = OBJECTIVE_UNITS[kind];
  if (e.unit !== undefined && !(e.unit in units)) {
    throw new UsageError(`${where}: unit "${e.unit}" does not apply to ${e.metric} (known units for a ${kind} metric: ${Object.keys(units).join(', ')})`);
  }
  const value = e.value * (e.unit === undefined ? 1 : units[e.unit]!);
  const scope = { ...(e.model ? { model: e.model } : {}), ...(e.api ? { api: e.api } : {}) };
  if (kind === 'latency') {
    if (e.stat === undefined) throw new UsageError(`${where}: ${e.metric} needs a stat (known: mean, ${PERCENTILES.join(', ')})`);
    if (value < 0) throw new UsageError(`${where}: a latency objective must be ≥ 0 ms`);
    return { kind, metric: e.metric as LatencyMetric, stat: e.stat as Percentile | 'mean', op: e.op, value, ...scope };
  }
  if (kind === 'rate') {
    if (e.stat !== undefined) throw new UsageError(`${where}: stat does not apply to ${e.metric}, a share of jobs (remove "stat: ${e.stat}")`);
    if (value < 0 || value > 1) throw new UsageError(`${where}: a rate objective is a fraction between 0 and 1 (or 0 to 100 with unit: '%'), got ${e.value}`);
    return { kind, metric: e.metric as RateMetric, op: e.op, value, ...scope };
  }
  if (e.stat !== undefined && e.stat !== 'mean') throw new UsageError(`${where}: ${e.metric} is judged on its mean only (known stat: mean), got "${e.stat}"`);
  if (value < 0) throw new UsageError(`${where}: a cost objective must be ≥ 0 credits`);
  return { kind, metric: e.metric as CostMetric, stat: 'mean', op: e.op, value, ...scope };
}

export function parseObjectives(text: string, source = 'objectives'): ObjectiveSet {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (err) {
    throw new UsageError(`${source}: not YAML or JSON (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
  }
  if (!validateSchema(doc)) throw new UsageError(`${source}: ${schemaMessage(validateSchema.errors ?? [])}`);
  const raw = doc as { confidence?: number; objectives: RawObjective[] };
  const objectives = raw.objectives.map((entry, i) => {
    try {
      return toObjective(entry, `objectives[${i}]`);
    } catch (err) {
      throw err instanceof UsageError ? new UsageError(`${source}: ${err.message}`) : err;
    }
  });
  return { confidence: raw.confidence ?? 0.95, objectives };
}

/** Reads and validates an objectives file: what `run`, `load` and `report` call before anything else happens. */
export function loadObjectives(path: string): ObjectiveSet {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`cannot read objectives file ${path}`);
  }
  return parseObjectives(text, path);
}
