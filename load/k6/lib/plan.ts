// Turning the run's parameters into k6 scenarios, and running one arrival of a stage. An open-model stage is either
// k6's constant-arrival-rate (evenly spaced starts) or a seeded Poisson schedule run by shared-iterations, each
// iteration waiting for its own start instant. The billable budget is enforced here, per stage, from one global
// count: a Poisson stage gets exactly min(arrivals, budget left) iterations; an even stage returns without
// submitting once its iteration index reaches its share. exec.scenario.iterationInTest is unique across all
// instances of a segmented run, so the cap holds for the whole run, not per instance.
import exec from 'k6/execution';
import type { Options, Scenario } from 'k6/options';
import { setTimeout } from 'k6/timers';
import type { Arrivals, RunConfig } from './config.ts';
import { runAsyncJob, runSyncJob, strategyFor } from './job.ts';
import * as m from './metrics.ts';
import { poissonOffsetsMs, uniformAt } from './rng.ts';

export interface StagePlan {
  /** position in the run, for job indices unique across stages */
  readonly index: number;
  readonly scenario: string;
  readonly tag: string;
  readonly kind: 'open' | 'closed';
  readonly api: 'v1' | 'v2';
  readonly rate?: number;
  readonly vus?: number;
  readonly durationS: number;
  readonly startTimeS: number;
  readonly arrivals?: Arrivals;
  /** Poisson start instants, ms after the stage starts */
  readonly offsetsMs?: readonly number[];
  /** the most jobs this stage may submit (its share of the billable budget) */
  readonly cap: number;
  readonly vuCount: number;
  /** the most jobs this stage can have in flight at once (its largest VU pool): the rate limit is shared by them */
  readonly maxConcurrentJobs: number;
}

/** Little's law: a job holds a VU for its whole end-to-end time, so VUs ≈ rate × e2e (anchors §3.1). */
export function vusFor(cfg: RunConfig, rate: number): number {
  if (cfg.vus > 0) return cfg.vus;
  return Math.max(2, Math.ceil(rate * (cfg.expectedE2eMs / 1000) * 2) + 2);
}

/** constant-arrival-rate may grow its pool to this many times the pre-allocated VUs */
const EVEN_MAX_VU_FACTOR = 4;

export class Planner {
  readonly stages: StagePlan[] = [];
  #budgetLeft: number;
  constructor(private readonly cfg: RunConfig) {
    this.#budgetLeft = cfg.maxJobs;
  }

  #take(wanted: number): number {
    const cap = Math.min(wanted, this.#budgetLeft);
    this.#budgetLeft -= cap;
    return cap;
  }

  open(scenario: string, tag: string, rate: number, durationS: number, startTimeS: number, arrivals: Arrivals = this.cfg.arrivals): StagePlan {
    const vuCount = vusFor(this.cfg, rate);
    const offsetsMs = arrivals === 'poisson' ? poissonOffsetsMs(rate, durationS, this.cfg.seed + this.stages.length * 7919) : undefined;
    const expected = offsetsMs ? offsetsMs.length : Math.ceil(rate * durationS);
    const plan: StagePlan = { index: this.stages.length, scenario, tag, kind: 'open', api: 'v2', rate, durationS, startTimeS, arrivals, cap: this.#take(expected), vuCount, maxConcurrentJobs: offsetsMs ? vuCount : vuCount * EVEN_MAX_VU_FACTOR, ...(offsetsMs ? { offsetsMs } : {}) };
    this.stages.push(plan);
    return plan;
  }

  closed(scenario: string, tag: string, vus: number, durationS: number, startTimeS: number, iterations?: number): StagePlan {
    const wanted = iterations ?? Number.POSITIVE_INFINITY;
    const plan: StagePlan = { index: this.stages.length, scenario, tag, kind: 'closed', api: 'v1', vus, durationS, startTimeS, cap: this.#take(wanted), vuCount: vus, maxConcurrentJobs: vus };
    this.stages.push(plan);
    return plan;
  }

  /** The k6 scenarios for every stage; `execFor` names the exported function each one runs. */
  scenarios(execFor: (plan: StagePlan) => string): NonNullable<Options['scenarios']> {
    const out: Record<string, Scenario> = {};
    const drainS = Math.ceil(this.cfg.jobTimeoutS);
    for (const plan of this.stages) {
      const common = { exec: execFor(plan), startTime: `${plan.startTimeS}s`, tags: { stage: plan.tag } };
      if (plan.kind === 'closed') {
        out[plan.scenario] = Number.isFinite(plan.cap)
          ? { ...common, executor: 'shared-iterations', vus: Math.min(plan.vuCount, Math.max(1, plan.cap)), iterations: Math.max(1, plan.cap), maxDuration: `${plan.durationS + drainS}s` }
          : { ...common, executor: 'constant-vus', vus: plan.vuCount, duration: `${plan.durationS}s`, gracefulStop: `${drainS}s` };
      } else if (plan.offsetsMs) {
        // shared-iterations refuses more VUs than iterations
        const iterations = Math.max(1, plan.cap);
        out[plan.scenario] = { ...common, executor: 'shared-iterations', vus: Math.min(plan.vuCount, iterations), iterations, maxDuration: `${plan.durationS + drainS}s` };
      } else {
        // k6 wants an integer rate: express R jobs/s as round(100·R) per 100 s
        out[plan.scenario] = {
          ...common,
          executor: 'constant-arrival-rate',
          rate: Math.max(1, Math.round((plan.rate ?? 1) * 100)),
          timeUnit: '100s',
          duration: `${plan.durationS}s`,
          preAllocatedVUs: plan.vuCount,
          maxVUs: plan.vuCount * EVEN_MAX_VU_FACTOR,
          gracefulStop: `${drainS}s`,
        };
      }
    }
    return out;
  }

  byScenario(name: string): StagePlan {
    const plan = this.stages.find((s) => s.scenario === name);
    if (!plan) throw new Error(`no stage plan for scenario ${name}`);
    return plan;
  }
}

const sleepMs = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Lateness beyond which a scheduled arrival counts as late (the open model was not kept). */
const LATE_MS = 50;

/** One arrival of an open-model stage: wait for its instant (Poisson), respect the budget, run one v2 job. */
export async function arrive(cfg: RunConfig, plan: StagePlan): Promise<void> {
  m.touchZeroCounters(plan.tag);
  const i = exec.scenario.iterationInTest;
  if (i >= plan.cap) {
    m.budgetSkipped.add(1, { stage: plan.tag });
    return;
  }
  if (plan.offsetsMs) {
    const due = exec.scenario.startTime + (plan.offsetsMs[i] ?? 0);
    const lag = Date.now() - due;
    if (lag < 0) await sleepMs(-lag);
    else {
      m.arrivalLag.add(lag, { stage: plan.tag });
      if (lag > LATE_MS) m.lateArrivals.add(1, { stage: plan.tag });
    }
  }
  // A random (seeded) split keeps each model's stream Poisson: thinning a Poisson process gives Poisson processes,
  // while round-robin would hand each model every n-th arrival (Erlang-n gaps, CV 1/√n) and understate its queue.
  const jobIndex = jobIndexOf(plan, i);
  const model = cfg.models[Math.floor(uniformAt(cfg.seed ^ 0x51ed27, jobIndex) * cfg.models.length)]!;
  await runAsyncJob(cfg, { model, stage: plan.tag, jobIndex }, strategyFor(cfg, jobIndex), plan.maxConcurrentJobs);
}

/** One client turn of a closed-model stage: one v1 job. */
export async function clientTurn(cfg: RunConfig, plan: StagePlan): Promise<void> {
  m.touchZeroCounters(plan.tag);
  const i = exec.scenario.iterationInTest;
  if (i >= plan.cap) {
    m.budgetSkipped.add(1, { stage: plan.tag });
    return;
  }
  const model = cfg.models[i % cfg.models.length]!;
  await runSyncJob(cfg, { model, stage: plan.tag, jobIndex: jobIndexOf(plan, i) });
}

/** A job index unique across stages: the stage's position in the high digits. */
function jobIndexOf(plan: StagePlan, iteration: number): number {
  return plan.index * 1_000_000 + iteration;
}
