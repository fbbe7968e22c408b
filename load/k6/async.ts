// async — v2 under an OPEN model: jobs arrive at a target rate whether or not earlier ones finished, each is
// submitted, polled to a terminal state and its result fetched. This is how a vendor's queue sees real traffic.
//
//   IC_RATE        jobs per second (over all models, round-robin)           default 1
//   IC_DURATION_S  how long arrivals keep coming                             default 60
//   IC_ARRIVALS    poisson (seeded exponential gaps, CV 1) | even (k6's constant-arrival-rate, CV 0)
//   IC_POLL        adaptive | fixed (the SDK's 1 s) | both (alternating, side by side on the same queue)
//   IC_MAX_JOBS    billable budget for the whole run (all instances)
// Run it through `infercheck load --scenario async`, which sets these, the target and the SLO thresholds.
import { readConfig } from './lib/config.ts';
import { arrive, Planner } from './lib/plan.ts';
import { SUMMARY_TREND_STATS, summaryOutputs, thresholdsFor } from './lib/summary.ts';

const cfg = readConfig({ rate: 1, durationS: 60 });
const planner = new Planner(cfg);
const stage = planner.open('open_model', `rate=${cfg.rate}`, cfg.rate, cfg.durationS, 0);

export const options = {
  scenarios: planner.scenarios(() => 'openArrival'),
  thresholds: thresholdsFor(cfg, ['v2']),
  summaryTrendStats: SUMMARY_TREND_STATS,
};

export async function openArrival(): Promise<void> {
  await arrive(cfg, stage);
}

export function handleSummary(data: Parameters<typeof summaryOutputs>[1]): Record<string, string> {
  return summaryOutputs(cfg, data);
}
