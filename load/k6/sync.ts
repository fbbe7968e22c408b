// sync — v1 under a CLOSED model: N clients, each sending its next request when the previous answer arrives.
// The service sets the pace; this answers "what do N concurrent users see", not "what rate can it take".
//
//   IC_VUS         concurrent clients                                        default 2
//   IC_DURATION_S  how long                                                  default 60
//   IC_MAX_JOBS    billable budget: with one, the run stops after that many requests (shared-iterations)
import { readConfig } from './lib/config.ts';
import { clientTurn, Planner } from './lib/plan.ts';
import { SUMMARY_TREND_STATS, summaryOutputs, thresholdsFor } from './lib/summary.ts';

const cfg = readConfig({ vus: 2, durationS: 60 });
const planner = new Planner(cfg);
const stage = planner.closed('closed_model', `vus=${cfg.vus}`, Math.max(1, cfg.vus), cfg.durationS, 0);

export const options = {
  scenarios: planner.scenarios(() => 'client'),
  thresholds: thresholdsFor(cfg, ['v1']),
  summaryTrendStats: SUMMARY_TREND_STATS,
};

export async function client(): Promise<void> {
  await clientTurn(cfg, stage);
}

export function handleSummary(data: Parameters<typeof summaryOutputs>[1]): Record<string, string> {
  return summaryOutputs(cfg, data);
}
