// What a scenario is: data. A name, a line for the help, its defaults, and the stages it makes of the run's
// parameters. The engine (load/engine.ts) runs stages and knows nothing of scenarios; the CLI help, the result
// files and the reports find scenarios through the one list in index.ts. A new scenario is one file here and one
// entry in that list.
import type { ArrivalProcess } from '../schedule.ts';
import type { PollStrategy } from '../poll.ts';

export type PollChoice = PollStrategy | 'both';

/** The run's parameters after defaults, as a scenario sees them. */
export interface ScenarioParams {
  readonly rate: number;
  /** open model: ramp linearly from `rate` to this over each stage */
  readonly rateTo?: number;
  readonly rates: readonly number[];
  readonly durationS: number;
  /** closed model: concurrent clients */
  readonly vus: number;
  readonly models: readonly string[];
  readonly arrivals: ArrivalProcess;
  /** sweep: pause between stages so one stage's stragglers do not load the next */
  readonly stageGapS: number;
}

export type StageSpec =
  | {
      readonly kind: 'open';
      readonly api: 'v2';
      readonly tag: string;
      readonly startS: number;
      readonly durationS: number;
      readonly rate: number;
      readonly rateTo?: number;
      readonly arrivals: ArrivalProcess;
    }
  | {
      readonly kind: 'closed';
      readonly api: 'v1';
      readonly tag: string;
      readonly startS: number;
      readonly durationS: number;
      readonly clients: number;
      /** stop after this many requests over all clients (default: until the duration ends) */
      readonly iterations?: number;
    };

export interface ScenarioDefinition {
  readonly name: string;
  /** One line for `infercheck load --help` and the reports. */
  readonly summary: string;
  readonly defaults: { readonly rate: number; readonly durationS: number; readonly vus: number; readonly poll: PollChoice; readonly rates?: (rate: number) => number[] };
  readonly stages: (p: ScenarioParams) => StageSpec[];
}
