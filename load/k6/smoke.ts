// smoke — seconds long, for CI: both models on v2 (open model, both polling strategies side by side) and on v1
// (two clients, closed model). Its job is to prove the whole path works and every metric is produced, not to
// measure capacity.
//
//   IC_RATE        v2 jobs per second                                        default 4
//   IC_DURATION_S  how long v2 arrivals keep coming                          default 3
import { readConfig } from './lib/config.ts';
import { arrive, clientTurn, Planner } from './lib/plan.ts';
import { SUMMARY_TREND_STATS, summaryOutputs, thresholdsFor } from './lib/summary.ts';

const cfg = readConfig({ rate: 4, durationS: 3 });
const planner = new Planner(cfg);
const asyncStage = planner.open('async_smoke', 'smoke', cfg.rate, cfg.durationS, 0);
const syncStage = planner.closed('sync_smoke', 'smoke', 2, cfg.durationS, 0, 2 * cfg.models.length);

export const options = {
  scenarios: planner.scenarios((plan) => (plan.api === 'v1' ? 'syncClient' : 'asyncArrival')),
  thresholds: thresholdsFor(cfg, ['v1', 'v2']),
  summaryTrendStats: SUMMARY_TREND_STATS,
};

export async function asyncArrival(): Promise<void> {
  await arrive(cfg, asyncStage);
}

export async function syncClient(): Promise<void> {
  await clientTurn(cfg, syncStage);
}

export function handleSummary(data: Parameters<typeof summaryOutputs>[1]): Record<string, string> {
  return summaryOutputs(cfg, data);
}
