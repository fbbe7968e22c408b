// sweep — stepped arrival rates for capacity planning: one open-model stage per rate, one after the other with a
// pause between them, every job tagged stage=rate=R. The (rate, queue wait, inference time) points are what a
// queueing model is fitted to (anchors §7 item 4).
import type { ScenarioDefinition } from './types.ts';

export const sweep: ScenarioDefinition = {
  name: 'sweep',
  summary: 'v2, one open-model stage per --rates entry (default rate/2, rate, 2×rate), paused between',
  defaults: { rate: 1, durationS: 20, vus: 0, poll: 'adaptive', rates: (rate) => [rate / 2, rate, rate * 2] },
  stages: (p) =>
    p.rates.map((rate, k) => ({ kind: 'open', api: 'v2', tag: `rate=${rate}`, startS: k * (p.durationS + p.stageGapS), durationS: p.durationS, rate, arrivals: p.arrivals })),
};
