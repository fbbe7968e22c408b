// sync — v1 under a CLOSED model: N clients, each sending its next request when the previous answer arrives. The
// service sets the pace; this answers "what do N concurrent users see", not "what rate can it take".
import type { ScenarioDefinition } from './types.ts';

export const sync: ScenarioDefinition = {
  name: 'sync',
  summary: 'v1, closed model: --vus clients back to back for --duration',
  defaults: { rate: 1, durationS: 30, vus: 2, poll: 'adaptive' },
  stages: (p) => [{ kind: 'closed', api: 'v1', tag: `vus=${p.vus}`, startS: 0, durationS: p.durationS, clients: p.vus }],
};
