// smoke — seconds long, for CI: both models on v2 (open model, both polling strategies side by side) and on v1 (two
// clients, closed model), at the same time. Proves the whole path works and every metric is produced; not capacity.
import type { ScenarioDefinition } from './types.ts';

export const smoke: ScenarioDefinition = {
  name: 'smoke',
  summary: 'v2 open model (both poll strategies) + v1 two clients, a few seconds: the whole path works',
  defaults: { rate: 4, durationS: 3, vus: 2, poll: 'both' },
  stages: (p) => [
    { kind: 'open', api: 'v2', tag: 'smoke', startS: 0, durationS: p.durationS, rate: p.rate, ...(p.rateTo !== undefined ? { rateTo: p.rateTo } : {}), arrivals: p.arrivals },
    { kind: 'closed', api: 'v1', tag: 'smoke', startS: 0, durationS: p.durationS, clients: 2, iterations: 2 * p.models.length },
  ],
};
