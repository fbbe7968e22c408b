// The one list of scenarios: the engine, `infercheck load --help`, the result files' validation and the reports all
// read it. A scenario is one file in this folder plus one entry here.
import { async } from './async.ts';
import { smoke } from './smoke.ts';
import { sweep } from './sweep.ts';
import { sync } from './sync.ts';
import type { ScenarioDefinition } from './types.ts';

export const SCENARIOS: readonly ScenarioDefinition[] = [smoke, sync, async, sweep];

export const SCENARIO_NAMES: readonly string[] = SCENARIOS.map((s) => s.name);

export function scenarioNamed(name: string): ScenarioDefinition | undefined {
  return SCENARIOS.find((s) => s.name === name);
}

export type { PollChoice, ScenarioDefinition, ScenarioParams, StageSpec } from './types.ts';
