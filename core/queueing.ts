// M/G/c queueing formulas, shared by the capacity plan (anchors §7 item 4), the mock's Erlang C test and the load truth bench: Erlang C for the chance an arrival waits,
// Allen–Cunneen's two-moment correction for general arrivals and service, and an exponential-tail approximation
// for wait percentiles. Pure functions of (λ, E[S], c_a², c_s², c).

/** Erlang C: the probability that an arrival waits, for c servers and offered load a = λ·E[S] (a < c). */
export function erlangC(c: number, a: number): number {
  if (a <= 0) return 0;
  if (a >= c) return 1;
  // Erlang B by its stable recursion, then C = B / (1 − ρ(1 − B)).
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  const rho = a / c;
  return b / (1 - rho * (1 - b));
}

export interface QueueModel {
  /** Servers (GPU workers). */
  readonly c: number;
  /** Mean service time, ms. */
  readonly meanServiceMs: number;
  /** Squared coefficient of variation of service time. */
  readonly serviceScv: number;
  /** Squared coefficient of variation of inter-arrival time: 1 for Poisson, ≈ 0 for evenly spaced starts. */
  readonly arrivalScv: number;
}

/** Arrival rate (jobs/s) at which utilisation reaches 1: c / E[S]. */
export function saturationRate(model: QueueModel): number {
  return (model.c * 1000) / model.meanServiceMs;
}

/** Allen–Cunneen mean wait in queue (ms) at arrival rate λ (jobs/s); Infinity at or past saturation. */
export function meanWaitMs(model: QueueModel, ratePerS: number): number {
  const lambda = ratePerS / 1000; // per ms
  const mu = 1 / model.meanServiceMs;
  const a = lambda / mu;
  if (a >= model.c) return Number.POSITIVE_INFINITY;
  return (erlangC(model.c, a) / (model.c * mu - lambda)) * ((model.arrivalScv + model.serviceScv) / 2);
}

/** Mean wait in queue of M/M/c (ms): Allen–Cunneen with both squared coefficients of variation 1 is exactly Erlang C. */
export function mmcMeanWaitMs(c: number, ratePerS: number, meanServiceMs: number): number {
  return meanWaitMs({ c, meanServiceMs, serviceScv: 1, arrivalScv: 1 }, ratePerS);
}

/**
 * Wait percentile (ms): P(W > t) ≈ C · exp(−t (cμ − λ) / ((c_a² + c_s²)/2)), exact for M/M/c and scaled by the
 * Allen–Cunneen factor otherwise.
 */
export function waitQuantileMs(model: QueueModel, ratePerS: number, p: number): number {
  const lambda = ratePerS / 1000;
  const mu = 1 / model.meanServiceMs;
  const a = lambda / mu;
  if (a >= model.c) return Number.POSITIVE_INFINITY;
  const waitChance = erlangC(model.c, a);
  if (1 - p >= waitChance) return 0;
  const factor = Math.max(1e-9, (model.arrivalScv + model.serviceScv) / 2);
  return (factor * Math.log(waitChance / (1 - p))) / (model.c * mu - lambda);
}

/**
 * End-to-end percentile (ms) = wait + service + a fixed client overhead, by convolving the wait's approximate
 * distribution (an atom at 0 plus an exponential tail) with the measured service times.
 */
export function endToEndQuantileMs(model: QueueModel, ratePerS: number, p: number, serviceSamplesMs: readonly number[], overheadMs = 0): number {
  const lambda = ratePerS / 1000;
  const mu = 1 / model.meanServiceMs;
  const a = lambda / mu;
  if (a >= model.c || serviceSamplesMs.length === 0) return Number.POSITIVE_INFINITY;
  const waitChance = erlangC(model.c, a);
  const theta = (model.c * mu - lambda) / Math.max(1e-9, (model.arrivalScv + model.serviceScv) / 2);
  const cdf = (t: number): number => {
    let sum = 0;
    for (const s of serviceSamplesMs) {
      const rest = t - s - overheadMs;
      if (rest >= 0) sum += 1 - waitChance * Math.exp(-theta * rest);
    }
    return sum / serviceSamplesMs.length;
  };
  let lo = 0;
  let hi = Math.max(...serviceSamplesMs) + overheadMs + 1;
  while (cdf(hi) < p) hi *= 2;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** Measured behaviour of one stage of a sweep (one offered rate), the input to fitting. */
export interface StageMeasurement {
  readonly tag: string;
  readonly offeredRate: number; // jobs/s, as measured from the submit times
  readonly throughput: number; // completed jobs/s
  readonly meanWaitMs: number;
  readonly jobs: number;
  /** Waits grew through the stage (last third vs first third): the queue was not in a steady state. */
  readonly growing: boolean;
}

/** Whether waits, in submit order, grow through a stage by more than queue noise: the mark of an overloaded queue. */
export function waitsGrow(waitsInSubmitOrder: readonly number[], meanServiceMs: number): boolean {
  const n = waitsInSubmitOrder.length;
  if (n < 9) return false;
  const third = Math.floor(n / 3);
  const avg = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
  const first = avg(waitsInSubmitOrder.slice(0, third));
  const last = avg(waitsInSubmitOrder.slice(n - third));
  return last - first > 2 * meanServiceMs && last > 2 * first;
}

export interface WorkerFit {
  readonly c: number;
  /** Sum of squared log errors of the mean waits (and capacities, for saturated stages) at the chosen c. */
  readonly loss: number;
  readonly losses: readonly { readonly c: number; readonly loss: number }[];
}

/** Loss added when the model and the stage disagree on whether the queue was overloaded (a factor e² off). */
const REGIME_MISMATCH = 4;

/**
 * Fits the worker count c to measured stages, with E[S], c_s² and c_a² measured directly (they do not depend on
 * the load). For each candidate c, a stage the model calls stable is scored on its mean wait (log scale, with a
 * floor of 5 % of E[S] so near-empty queues don't dominate) and on keeping up with the offered rate; a stage the
 * model calls overloaded is scored on its throughput, which should then be the capacity c / E[S]. Near
 * saturation throughput alone cannot tell c from c − 1, so a stage whose waits did (not) grow through it while
 * the model says it was (not) overloaded costs REGIME_MISMATCH.
 */
export function fitWorkers(stages: readonly StageMeasurement[], base: Omit<QueueModel, 'c'>, maxWorkers = 256): WorkerFit {
  const floor = 0.05 * base.meanServiceMs;
  const losses: { c: number; loss: number }[] = [];
  const heaviest = Math.max(...stages.map((s) => (s.offeredRate * base.meanServiceMs) / 1000));
  for (let c = 1; c <= maxWorkers; c++) {
    const model = { ...base, c };
    let loss = 0;
    for (const stage of stages) {
      const throughput = Math.max(1e-9, stage.throughput);
      const predicted = meanWaitMs(model, stage.offeredRate);
      if (!Number.isFinite(predicted)) {
        loss += Math.log(saturationRate(model) / throughput) ** 2 + (stage.growing ? 0 : REGIME_MISMATCH);
        continue;
      }
      loss += Math.log((predicted + floor) / (stage.meanWaitMs + floor)) ** 2 + (stage.growing ? REGIME_MISMATCH : 0);
      if (throughput < 0.9 * stage.offeredRate) loss += Math.log(stage.offeredRate / throughput) ** 2;
    }
    losses.push({ c, loss });
    // far past the heaviest load, more workers only push predicted waits to 0: stop searching
    if (c > 2 * heaviest + 4) break;
  }
  const best = losses.reduce((a, b) => (b.loss < a.loss ? b : a));
  return { c: best.c, loss: best.loss, losses };
}
