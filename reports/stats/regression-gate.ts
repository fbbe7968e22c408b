// The regression gate's decision for one metric: regressed / improved / unchanged, with the effect size (ratio of
// medians, current ÷ baseline) and its bootstrap interval. Pure: samples in, verdict out.
//
// Rule (benchstat's shape, plus a tolerance, anchors §5): a change must be statistically significant (two-sided
// Mann–Whitney U, α = 0.05) AND its size must exceed the tolerance (--max-regression, default 10 %) to count.
// Significance alone would flag a real but harmless 2 % drift on a large run; size alone would flag noise on a
// small one. Because both are required, the A/A false-alarm rate is at most α, whatever the distribution.
import { bootstrapMedianRatio, mannWhitney, median } from './two-sample.ts';
import { seededRng } from '../../core/rng.ts';

/** 'untested': too few samples for the test to mean anything — never reported as unchanged. */
export type ChangeVerdict = 'regressed' | 'improved' | 'unchanged' | 'untested';

export interface GateOptions {
  /** Tolerated slowdown as a fraction: 0.10 = 10 %. */
  readonly maxRegression: number;
  readonly alpha: number;
  readonly confidence: number;
  readonly resamples: number;
  readonly seed: number;
}

export const DEFAULT_GATE_OPTIONS: GateOptions = { maxRegression: 0.1, alpha: 0.05, confidence: 0.95, resamples: 1000, seed: 1 };

/**
 * Jobs per run at which the gate catches a true 15 % slowdown ≥ 90 % of the time with the default tolerance, for
 * latencies as spread as a lognormal with σ = 0.5 (CV ≈ 53 %); measured by regression-gate.test.ts. What a given
 * baseline can catch is computed from its own spread and size (gate-power.ts) and printed with every gate.
 */
export const DEFAULT_GATE_SAMPLE_SIZE = 800;

/** Fewer than this per side and the rank test's normal approximation means nothing: the row is not tested. */
export const MIN_GATE_SAMPLE = 8;

export interface MetricComparison {
  readonly verdict: ChangeVerdict;
  readonly nBaseline: number;
  readonly nCurrent: number;
  readonly medianBaseline: number;
  readonly medianCurrent: number;
  /** median(current) / median(baseline), with its bootstrap interval. */
  readonly ratio: number;
  readonly ratioLower: number;
  readonly ratioUpper: number;
  readonly pValue: number;
  readonly significant: boolean;
  readonly note: string;
}

/** The verdict alone (no bootstrap): what simulations call thousands of times. */
export function decideChange(baseline: Float64Array, current: Float64Array, options: Pick<GateOptions, 'maxRegression' | 'alpha'>): { verdict: ChangeVerdict; ratio: number; pValue: number; significant: boolean } {
  const ratio = median(current) / median(baseline);
  const { pValue } = mannWhitney(baseline, current);
  const significant = pValue < options.alpha;
  const verdict: ChangeVerdict = significant && ratio > 1 + options.maxRegression ? 'regressed' : significant && ratio < 1 / (1 + options.maxRegression) ? 'improved' : 'unchanged';
  return { verdict, ratio, pValue, significant };
}

export function compareMetric(baselineValues: readonly number[], currentValues: readonly number[], options: GateOptions = DEFAULT_GATE_OPTIONS): MetricComparison {
  const baseline = Float64Array.from(baselineValues).sort();
  const current = Float64Array.from(currentValues).sort();
  const nBaseline = baseline.length;
  const nCurrent = current.length;
  if (Math.min(nBaseline, nCurrent) < MIN_GATE_SAMPLE) {
    return {
      verdict: 'untested', nBaseline, nCurrent, medianBaseline: median(baseline), medianCurrent: median(current),
      ratio: median(current) / median(baseline), ratioLower: Number.NaN, ratioUpper: Number.NaN, pValue: Number.NaN,
      significant: false, note: untestedNote(nBaseline, nCurrent),
    };
  }
  const decision = decideChange(baseline, current, options);
  const interval = bootstrapMedianRatio(baseline, current, seededRng(options.seed), options.confidence, options.resamples);
  const pct = (r: number): string => `${r >= 1 ? '+' : ''}${((r - 1) * 100).toFixed(1)} %`;
  const note = !decision.significant
    ? `no significant change (p = ${decision.pValue.toPrecision(2)})`
    : decision.verdict === 'unchanged'
      ? `significant but within the ±${(options.maxRegression * 100).toFixed(0)} % tolerance (${pct(decision.ratio)})`
      : `${decision.verdict} ${pct(decision.ratio)} (p = ${decision.pValue.toPrecision(2)})`;
  return {
    verdict: decision.verdict, nBaseline, nCurrent, medianBaseline: median(baseline), medianCurrent: median(current),
    ratio: decision.ratio, ratioLower: interval.lower, ratioUpper: interval.upper, pValue: decision.pValue,
    significant: decision.significant, note,
  };
}

/** "not tested (n = 2 / 2, needs ≥ 8 per run)": what a row without enough samples says instead of a verdict. */
export function untestedNote(nBaseline: number, nCurrent: number): string {
  return `not tested (n = ${nBaseline} / ${nCurrent}, needs ≥ ${MIN_GATE_SAMPLE} per run)`;
}
