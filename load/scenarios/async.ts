// async — v2 under an OPEN model: jobs arrive at --rate (Poisson by default) whether or not earlier ones finished;
// each is submitted, polled to a terminal state and its result fetched. How a vendor's queue sees real traffic.
import type { ScenarioDefinition } from './types.ts';

export const async: ScenarioDefinition = {
  name: 'async',
  summary: 'v2, open model at --rate (or a ramp to --rate-to): submit → poll → result',
  defaults: { rate: 1, durationS: 30, vus: 0, poll: 'adaptive' },
  stages: (p) => [
    { kind: 'open', api: 'v2', tag: p.rateTo !== undefined ? `rate=${p.rate}..${p.rateTo}` : `rate=${p.rate}`, startS: 0, durationS: p.durationS, rate: p.rate, ...(p.rateTo !== undefined ? { rateTo: p.rateTo } : {}), arrivals: p.arrivals },
  ],
};
