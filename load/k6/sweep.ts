// sweep — stepped arrival rates for capacity planning: one open-model stage per rate, run one after the other with
// a pause between them so a stage's stragglers do not load the next, every sample tagged stage=rate=R. The
// (rate, queue wait, inference time) points are what a queueing model is fitted to (anchors §7 item 4).
//
//   IC_RATES       comma-separated jobs/s, ascending                         default 0.5,1,2
//   IC_DURATION_S  length of each stage                                      default 30
//   IC_STAGE_GAP_S pause between stages                                      default 3 × expected e2e
//   IC_ARRIVALS, IC_POLL, IC_MAX_JOBS as in async.ts
import exec from 'k6/execution';
import { readConfig } from './lib/config.ts';
import { arrive, Planner, type StagePlan } from './lib/plan.ts';
import { SUMMARY_TREND_STATS, summaryOutputs, thresholdsFor } from './lib/summary.ts';

const cfg = readConfig({ durationS: 30, rates: [0.5, 1, 2] });
const gapS = Number(__ENV['IC_STAGE_GAP_S'] ?? Math.ceil((3 * cfg.expectedE2eMs) / 1000));
const planner = new Planner(cfg);
cfg.rates.forEach((rate, k) => planner.open(`stage_${k}`, `rate=${rate}`, rate, cfg.durationS, k * (cfg.durationS + gapS)));

const stageTrends = ['ic_queue_wait', 'ic_e2e', 'ic_server_queue_time', 'ic_server_inference_time', 'ic_polls_per_job', 'ic_job_success'];
const thresholds = thresholdsFor(cfg, ['v2']);
for (const stage of planner.stages) for (const name of stageTrends) thresholds[`${name}{stage:${stage.tag}}`] = [];
thresholds['ic_jobs'] = [];
for (const stage of planner.stages) thresholds[`ic_jobs{stage:${stage.tag}}`] = [];

export const options = {
  scenarios: planner.scenarios(() => 'stageArrival'),
  thresholds,
  summaryTrendStats: SUMMARY_TREND_STATS,
};

const byName = new Map<string, StagePlan>(planner.stages.map((s) => [s.scenario, s]));

export async function stageArrival(): Promise<void> {
  await arrive(cfg, byName.get(exec.scenario.name)!);
}

export function handleSummary(data: Parameters<typeof summaryOutputs>[1]): Record<string, string> {
  return summaryOutputs(cfg, data);
}
