// Capacity planning from a rate sweep (anchors §7 item 4): per stage the offered rate, throughput, waits and the
// busy workers by Little's law; the effective worker count; an M/G/c (Allen–Cunneen) model fitted to the stages and
// scored on stages held out of the fit; the highest arrival rate that still meets the SLA, measured and modelled;
// and the jobs in flight a rate needs (Little's law on end-to-end time). Pure: job rows and objectives in, a plan out.
import type { Objective, ObjectiveSet } from '../core/objectives.ts';
import { quantileOf } from '../core/objectives.ts';
import type { JobRow } from './results-types.ts';
import { metricValues } from './samples.ts';
import { parseServiceTime } from './stats/known-distributions.ts';
import { sortedSample } from './stats/order-statistics.ts';
import { endToEndQuantileMs, fitWorkers, waitsGrow, meanWaitMs, saturationRate, waitQuantileMs, type QueueModel, type StageMeasurement } from '../core/queueing.ts';
import { meanVerdict, percentileVerdict, rateVerdict, type VerdictDetail } from './stats/sla-verdict.ts';

export interface StageObjectiveResult {
  readonly objective: Objective;
  readonly detail: VerdictDetail;
  readonly met: boolean;
}

export interface StagePlan {
  readonly tag: string;
  readonly durationS: number;
  readonly jobs: number;
  readonly offeredRate: number;
  readonly throughput: number;
  readonly meanWaitMs: number;
  readonly meanServiceMs: number;
  readonly meanE2eMs: number | null;
  readonly p50E2eMs: number | null;
  readonly p95E2eMs: number | null;
  readonly p99E2eMs: number | null;
  readonly p95WaitMs: number | null;
  /** Little's law on the processing stage: mean jobs in PROCESSING = throughput × mean processing time. */
  readonly busyWorkers: number;
  /** Little's law on end-to-end time: the VUs an arrival-rate scenario holds at this rate. */
  readonly vusNeeded: number;
  readonly objectives: readonly StageObjectiveResult[];
  readonly meetsSla: boolean;
  /**
   * The fitted queue's relaxation time at this load, s: roughly how long it takes to forget its start. A stage
   * shorter than ~3× this never reached steady state, so its measured waits understate the long-run ones.
   */
  readonly relaxationS: number | null;
  readonly reachedSteadyState: boolean;
}

export interface HoldoutResult {
  readonly tag: string;
  readonly fittedC: number;
  readonly measuredMeanWaitMs: number;
  readonly predictedMeanWaitMs: number | null; // null: the model calls the stage overloaded
  readonly measuredP95E2eMs: number | null;
  readonly predictedP95E2eMs: number | null;
  readonly relativeError: number | null; // on the mean wait, with the 5 %-of-E[S] floor the fit uses
}

export interface CapacityPlan {
  readonly model: string;
  readonly api: 'v1' | 'v2';
  readonly waitSource: 'server queue_time' | 'client queue-wait estimate';
  readonly serviceSource: 'server inference_time' | 'client processing time';
  readonly stages: readonly StagePlan[];
  readonly queue: QueueModel;
  readonly effectiveWorkers: { readonly value: number; readonly stage: string };
  readonly fit: { readonly c: number; readonly loss: number };
  readonly saturationRate: number;
  readonly holdout: readonly HoldoutResult[];
  readonly meanHoldoutError: number | null;
  /** The same, over held-out stages that reached steady state (the model predicts steady state only). */
  readonly meanHoldoutErrorSteady: number | null;
  readonly kneeMeasured: { readonly rate: number; readonly tag: string } | null;
  readonly kneeModel: number | null;
  readonly clientOverheadMs: number;
  readonly truth: null | { readonly workers: number; readonly meanServiceMs: number; readonly saturationRate: number; readonly kneeModel: number | null };
  readonly vusAtKnee: number | null;
}

const mean = (xs: readonly number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN);
const scvOf = (xs: readonly number[]): number => {
  const m = mean(xs);
  if (xs.length < 2 || !(m > 0)) return 1;
  return xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1) / (m * m);
};

/** The objectives a stage of the sweep can meet or miss: money per job does not depend on the arrival rate. */
function applies(o: Objective, model: string, api: string): boolean {
  return o.kind !== 'cost' && (!o.model || o.model === model) && (!o.api || o.api === api);
}

/** Each objective judged on one stage's jobs, and whether its point estimate is within the limit. */
export function stageObjectives(jobs: readonly JobRow[], set: ObjectiveSet): StageObjectiveResult[] {
  return set.objectives.flatMap((objective) => {
    if (objective.kind === 'cost') return [];
    let detail: VerdictDetail;
    if (objective.kind === 'rate') {
      const ok = jobs.filter((j) => j.status === 'COMPLETED').length;
      const k = objective.metric === 'success_rate' ? ok : jobs.length - ok;
      detail = rateVerdict(k, jobs.length, objective.op, objective.value, set.confidence);
    } else {
      const values = metricValues(jobs, objective.metric);
      detail = objective.stat === 'mean'
        ? meanVerdict(values, objective.op, objective.value, set.confidence)
        : percentileVerdict(sortedSample(values), quantileOf(objective.stat), objective.op, objective.value, set.confidence);
    }
    const e = detail.estimate;
    const within = { '<=': e <= objective.value, '<': e < objective.value, '>=': e >= objective.value, '>': e > objective.value }[objective.op];
    return { objective, detail, met: detail.verdict !== 'FAIL' && Number.isFinite(e) && within };
  });
}

function stageRate(tag: string, configured: number | undefined): number | undefined {
  if (configured !== undefined) return configured;
  const m = /rate=([\d.]+)/.exec(tag);
  return m ? Number(m[1]) : undefined;
}

/** The capacity plan for one (model, api) of a sweep, or null when the data cannot support one. */
export function planCapacity(
  allJobs: readonly JobRow[],
  stageList: readonly { tag: string; rate?: number; durationS: number }[],
  model: string,
  api: 'v1' | 'v2',
  objectives: ObjectiveSet,
  mockTruth: { workers: number; serviceTime?: string } | null = null,
): CapacityPlan | null {
  const jobs = allJobs.filter((j) => j.model === model && j.api === api);
  const ordered = stageList.filter((s) => stageRate(s.tag, s.rate) !== undefined && jobs.some((j) => j.stage === s.tag)).sort((a, b) => stageRate(a.tag, a.rate)! - stageRate(b.tag, b.rate)!);
  if (ordered.length < 2) return null;
  const hasServerWait = jobs.some((j) => j.server_queue_time_ms !== null);
  const hasServerService = jobs.some((j) => j.server_inference_time_ms !== null);
  const waitOf = (j: JobRow): number | null => (hasServerWait ? j.server_queue_time_ms : j.queue_wait_ms);
  const serviceOf = (j: JobRow): number | null => (hasServerService ? j.server_inference_time_ms : j.processing_ms);
  const serviceSamples = jobs.map(serviceOf).filter((v): v is number => v !== null);
  if (serviceSamples.length < 10 || !jobs.some((j) => waitOf(j) !== null)) return null;
  const meanServiceMs = mean(serviceSamples);
  const serviceScv = scvOf(serviceSamples);

  // c_a² per stage (stages have different rates, so pooling their gaps would inflate it), weighted by jobs.
  let scvWeighted = 0;
  let scvWeight = 0;
  const measurements: StageMeasurement[] = [];
  const plans: Omit<StagePlan, 'objectives' | 'meetsSla' | 'relaxationS' | 'reachedSteadyState'>[] = [];
  const stageJobs = new Map<string, JobRow[]>();
  for (const stage of ordered) {
    const own = jobs.filter((j) => j.stage === stage.tag).sort((a, b) => a.submit_at_ms - b.submit_at_ms);
    stageJobs.set(stage.tag, own);
    const start = own[0]!.submit_at_ms;
    const durationS = stage.durationS > 0 ? stage.durationS : Math.max(1, (own[own.length - 1]!.submit_at_ms - start) / 1000);
    if (own.length > 2) {
      const gaps = own.slice(1).map((j, i) => j.submit_at_ms - own[i]!.submit_at_ms);
      scvWeighted += scvOf(gaps) * gaps.length;
      scvWeight += gaps.length;
    }
    const windowEnd = start + durationS * 1000;
    const processed = jobs.filter((j) => j.end_ms !== null && j.end_ms >= start && j.end_ms < windowEnd && (j.status === 'COMPLETED' || j.status === 'FAILED'));
    const throughput = processed.length / durationS;
    const waits = own.map(waitOf).filter((v): v is number => v !== null);
    const ownService = processed.map(serviceOf).filter((v): v is number => v !== null);
    const e2e = sortedSample(metricValues(own, 'e2e_ms'));
    const waitSorted = sortedSample(waits);
    const q = (s: typeof e2e, p: number): number | null => (s.n ? s.at(Math.max(1, Math.ceil(p * s.n))) : null);
    const meanE2e = e2e.n ? mean(metricValues(own, 'e2e_ms')) : null;
    const offeredRate = own.length / durationS;
    measurements.push({ tag: stage.tag, offeredRate, throughput, meanWaitMs: mean(waits), jobs: own.length, growing: waitsGrow(waits, meanServiceMs) });
    plans.push({
      tag: stage.tag, durationS, jobs: own.length, offeredRate, throughput, meanWaitMs: mean(waits), meanServiceMs: ownService.length ? mean(ownService) : meanServiceMs,
      meanE2eMs: meanE2e, p50E2eMs: q(e2e, 0.5), p95E2eMs: q(e2e, 0.95), p99E2eMs: q(e2e, 0.99), p95WaitMs: q(waitSorted, 0.95),
      busyWorkers: (throughput * (ownService.length ? mean(ownService) : meanServiceMs)) / 1000,
      vusNeeded: meanE2e === null ? 0 : Math.ceil((offeredRate * meanE2e) / 1000),
    });
  }
  const arrivalScv = scvWeight ? scvWeighted / scvWeight : 1;
  const base = { meanServiceMs, serviceScv, arrivalScv };
  const fit = fitWorkers(measurements, base);
  const queue: QueueModel = { ...base, c: fit.c };

  // Client overhead: e2e beyond wait + service (submit latency, poll quantization), from the stable stages.
  const overheads = jobs
    .filter((j) => j.e2e_ms !== null && waitOf(j) !== null && serviceOf(j) !== null)
    .map((j) => j.e2e_ms! - waitOf(j)! - serviceOf(j)!);
  const clientOverheadMs = overheads.length ? Math.max(0, sortedSample(overheads).at(Math.ceil(overheads.length / 2))) : 0;

  const holdout: HoldoutResult[] = [];
  if (measurements.length >= 3) {
    measurements.forEach((held, i) => {
      const rest = measurements.filter((_, k) => k !== i);
      const c = fitWorkers(rest, base).c;
      const m = { ...base, c };
      const predicted = meanWaitMs(m, held.offeredRate);
      const floor = 0.05 * meanServiceMs;
      const p95 = endToEndQuantileMs(m, held.offeredRate, 0.95, serviceSamples, clientOverheadMs);
      holdout.push({
        tag: held.tag, fittedC: c, measuredMeanWaitMs: held.meanWaitMs,
        predictedMeanWaitMs: Number.isFinite(predicted) ? predicted : null,
        measuredP95E2eMs: plans[i]!.p95E2eMs, predictedP95E2eMs: Number.isFinite(p95) ? p95 : null,
        relativeError: Number.isFinite(predicted) ? (predicted + floor) / (held.meanWaitMs + floor) - 1 : null,
      });
    });
  }
  const errors = holdout.map((h) => h.relativeError).filter((e): e is number => e !== null).map(Math.abs);

  const stages: StagePlan[] = plans.map((plan) => {
    const results = stageObjectives(stageJobs.get(plan.tag)!, { ...objectives, objectives: objectives.objectives.filter((o) => applies(o, model, api)) });
    const relaxationS = relaxationTimeS(queue, plan.offeredRate);
    return { ...plan, objectives: results, meetsSla: results.every((r) => r.met), relaxationS, reachedSteadyState: relaxationS !== null && plan.durationS >= 3 * relaxationS };
  });
  const steadyTags = new Set(stages.filter((s) => s.reachedSteadyState).map((s) => s.tag));
  const steadyErrors = holdout.filter((h) => steadyTags.has(h.tag) && h.relativeError !== null).map((h) => Math.abs(h.relativeError!));
  const meeting = stages.filter((s) => s.meetsSla);
  const best = meeting.length ? meeting.reduce((a, b) => (b.offeredRate > a.offeredRate ? b : a)) : null;
  const relevant = objectives.objectives.filter((o) => applies(o, model, api));
  const kneeModel = modelKnee(queue, relevant, serviceSamples, clientOverheadMs);

  let truth: CapacityPlan['truth'] = null;
  const trueService = mockTruth?.serviceTime ? parseServiceTime(mockTruth.serviceTime) : undefined;
  if (mockTruth && trueService) {
    const trueQueue: QueueModel = { c: mockTruth.workers, meanServiceMs: trueService.mean, serviceScv: trueService.scv, arrivalScv };
    truth = { workers: mockTruth.workers, meanServiceMs: trueService.mean, saturationRate: saturationRate(trueQueue), kneeModel: modelKnee(trueQueue, relevant, serviceSamples, clientOverheadMs) };
  } else if (mockTruth) {
    truth = { workers: mockTruth.workers, meanServiceMs: Number.NaN, saturationRate: Number.NaN, kneeModel: null };
  }
  const busiest = stages.reduce((a, b) => (b.busyWorkers > a.busyWorkers ? b : a));
  return {
    model, api,
    waitSource: hasServerWait ? 'server queue_time' : 'client queue-wait estimate',
    serviceSource: hasServerService ? 'server inference_time' : 'client processing time',
    stages, queue,
    effectiveWorkers: { value: busiest.busyWorkers, stage: busiest.tag },
    fit: { c: fit.c, loss: fit.loss },
    saturationRate: saturationRate(queue),
    holdout,
    meanHoldoutError: errors.length ? mean(errors) : null,
    meanHoldoutErrorSteady: steadyErrors.length ? mean(steadyErrors) : null,
    kneeMeasured: best ? { rate: best.offeredRate, tag: best.tag } : null,
    kneeModel,
    clientOverheadMs,
    truth,
    vusAtKnee: kneeModel === null ? null : vusFor(queue, kneeModel, clientOverheadMs),
  };
}

/**
 * Relaxation time of the queue-length process, E[S] / (c (1 − √ρ)²) (the M/M/1 result of Morse, per server), in s;
 * null at or past saturation, where there is no steady state to reach.
 */
export function relaxationTimeS(queue: QueueModel, ratePerS: number): number | null {
  const rho = (ratePerS * queue.meanServiceMs) / 1000 / queue.c;
  if (rho >= 1) return null;
  return queue.meanServiceMs / 1000 / (queue.c * (1 - Math.sqrt(rho)) ** 2);
}

/** Little's law on end-to-end time: VUs = λ × E[e2e], with E[e2e] = modelled wait + service + client overhead. */
export function vusFor(queue: QueueModel, ratePerS: number, clientOverheadMs: number): number {
  const wait = meanWaitMs(queue, ratePerS);
  if (!Number.isFinite(wait)) return Number.POSITIVE_INFINITY;
  return Math.ceil((ratePerS * (wait + queue.meanServiceMs + clientOverheadMs)) / 1000);
}

/** The highest arrival rate at which the model predicts every latency objective is met (rates are not modelled). */
export function modelKnee(queue: QueueModel, objectives: readonly Objective[], serviceSamples: readonly number[], overheadMs: number): number | null {
  const latency = objectives.filter((o): o is Extract<Objective, { kind: 'latency' }> => o.kind === 'latency' && (o.op === '<=' || o.op === '<'));
  const modelled = latency.filter((o) => ['e2e_ms', 'queue_wait_ms', 'server_queue_time_ms', 'processing_ms', 'server_inference_time_ms'].includes(o.metric));
  if (!modelled.length) return null;
  const predict = (o: (typeof modelled)[number], rate: number): number => {
    const p = o.stat === 'mean' ? undefined : quantileOf(o.stat);
    switch (o.metric) {
      case 'e2e_ms':
        return p === undefined ? meanWaitMs(queue, rate) + queue.meanServiceMs + overheadMs : endToEndQuantileMs(queue, rate, p, serviceSamples, overheadMs);
      case 'queue_wait_ms':
      case 'server_queue_time_ms':
        return p === undefined ? meanWaitMs(queue, rate) : waitQuantileMs(queue, rate, p);
      default: {
        // processing does not depend on the load
        const s = sortedSample(serviceSamples);
        return p === undefined ? queue.meanServiceMs : s.at(Math.max(1, Math.ceil(p * s.n)));
      }
    }
  };
  const meets = (rate: number): boolean => modelled.every((o) => predict(o, rate) <= o.value);
  const top = saturationRate(queue);
  if (!meets(top * 1e-3)) return 0;
  let lo = top * 1e-3;
  let hi = top * (1 - 1e-9);
  if (meets(hi)) return hi;
  for (let i = 0; i < 50; i++) {
    const mid = (lo + hi) / 2;
    if (meets(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}
