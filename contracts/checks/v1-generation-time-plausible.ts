import { finding, numberHeader } from './helpers.ts';
import type { CheckDefinition } from '../types.ts';

/** Rounding slack for a seconds header. */
const SLACK_S = 0.05;

// v1's x-generation-time is the model's processing seconds (reference §1.4); it cannot exceed the time the client
// waited for the answer. The v1 counterpart of server-metrics-consistent.
export const v1GenerationTimePlausible: CheckDefinition<'generation'> = {
  id: 'v1-generation-time-plausible',
  title: 'v1 x-generation-time ≤ the observed response time',
  family: 'outputs',
  severity: 'minor',
  subject: 'generation',
  needs: ['wall-clock'],
  applies: (ctx, subject) => {
    if (subject.api !== 'v1' || subject.first.response?.status !== 200 || numberHeader(subject.first, 'x-generation-time') === undefined) return false;
    return ctx.wallClock ? true : 'replay: recorded timings cannot be compared with a wall clock';
  },
  run: (_ctx, subject) => {
    const reported = numberHeader(subject.first, 'x-generation-time')!;
    const observed = (subject.first.finishedAt - subject.first.startedAt) / 1000;
    if (reported <= observed + SLACK_S) return undefined;
    return finding(`v1: x-generation-time says ${reported} s, the whole request took ${observed.toFixed(3)} s`, 'exceeds-observed', subject.first);
  },
  sampleFailure: 'v1: x-generation-time says 13.2 s, the whole request took 0.845 s',
  rules: { main: { basis: 'documented', source: 'reference', where: '§1.4 [AE]', quote: 'x-generation-time | model processing seconds', why: 'processing inside the request cannot outlast it' } },
};
